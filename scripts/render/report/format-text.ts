import type { Diagnostic } from '../../core/diagnostic.ts';
import { countBySeverity } from '../../core/diagnostic.ts';

export interface ReportSummary {
  personas: number;
  contributions: number;
  errors: number;
  warnings: number;
}

/** A summary line's numbers; without `contributions` for a command that checks personas only. */
export type TextSummary = Omit<ReportSummary, 'contributions'> & { contributions?: number };

export function summarize(
  diagnostics: readonly Diagnostic[],
  personas: number,
  contributions: number,
): ReportSummary {
  return { personas, contributions, ...countBySeverity(diagnostics) };
}

/**
 * `file:line:col  severity  message  [rule]`, the hint on the next line (and a note, when `note` gives one),
 * then one summary line.
 */
export function formatText<D extends Diagnostic>(
  diagnostics: readonly D[],
  summary: TextSummary & { introducedErrors?: number; introducedWarnings?: number },
  options: { note?: (d: D) => string | null } = {},
): string {
  const lines: string[] = [];
  for (const d of diagnostics) {
    lines.push(`${d.file}:${d.line}:${d.column}  ${d.severity}  ${d.message}  [${d.rule}]`);
    if (d.hint) lines.push(`    hint: ${d.hint}`);
    const note = options.note?.(d);
    if (note) lines.push(`    note: ${note}`);
  }
  if (lines.length > 0) lines.push('');
  lines.push(summaryLine(summary));
  return `${lines.join('\n')}\n`;
}

export function summaryLine(
  s: TextSummary & { introducedErrors?: number; introducedWarnings?: number },
): string {
  const checked =
    s.contributions === undefined
      ? plural(s.personas, 'persona')
      : `${plural(s.personas, 'persona')} and ${plural(s.contributions, 'contribution')}`;
  if (s.errors === 0 && s.warnings === 0) return `✔ ${checked} checked: no problems.`;
  const newErrors = s.introducedErrors;
  if (newErrors !== undefined) {
    // Judged against a base: only what is new counts.
    const newWarnings = s.introducedWarnings ?? 0;
    return `${newErrors > 0 ? '✖' : newWarnings > 0 ? '⚠' : '✔'} ${checked} checked: ${plural(s.errors, 'error')} (${newErrors.toLocaleString('en-US')} new), ${plural(s.warnings, 'warning')} (${newWarnings.toLocaleString('en-US')} new).`;
  }
  return `${s.errors > 0 ? '✖' : '⚠'} ${checked} checked: ${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}.`;
}

export function plural(n: number, word: string): string {
  return `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
}
