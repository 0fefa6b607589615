import type { Diagnostic } from '../../core/diagnostic.ts';
import { type ReportSummary, summaryLine } from './format-text.ts';
import { selectAnnotations } from './select-annotations.ts';

/** Workflow-command escaping, as GitHub's runner unescapes it: data escapes %, CR, LF. */
export function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Property values additionally escape `:` and `,`, which separate properties. */
export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function formatGithubCommand(d: Diagnostic): string {
  const properties = [
    `file=${escapeProperty(d.file)}`,
    `line=${d.line}`,
    `col=${d.column}`,
    `endLine=${d.endLine}`,
    `endColumn=${d.endColumn}`,
    `title=${escapeProperty(`${d.rule}`)}`,
  ].join(',');
  return `::${d.severity} ${properties}::${escapeData(`${d.message}\n${d.hint}`)}`;
}

/**
 * Every diagnostic as a workflow command, most severe first (GitHub shows only the first 10 of each kind in a
 * step). Uncapped: the output may be read whole by other tools, and the log keeps what GitHub does not show.
 */
export function formatGithub(diagnostics: readonly Diagnostic[], summary: ReportSummary): string {
  const { shown } = selectAnnotations(diagnostics);
  return `${[...shown.map(formatGithubCommand), summaryLine(summary)].join('\n')}\n`;
}
