import type { Diagnostic } from '../../core/diagnostic.ts';
import { type ReportSummary, summaryLine } from './format-text.ts';

/** The line after the first report: what is watched, and how to stop. */
export function formatWatching(root: string): string {
  return `Watching ${root} for changes; Ctrl-C to stop.\n`;
}

/**
 * One check after a change: which files changed, each new problem and each fixed one (new with its hint, as
 * the report shows it), then the summary line of the library as it is now.
 */
export function formatWatchUpdate(update: {
  changed: readonly string[];
  added: readonly Diagnostic[];
  removed: readonly Diagnostic[];
  summary: ReportSummary;
}): string {
  const { changed, added, removed } = update;
  const named = changed.slice(0, 3).join(', ');
  const more = changed.length > 3 ? ` and ${changed.length - 3} more` : '';
  const lines = [`\n${named}${more} changed: ${added.length} new, ${removed.length} fixed.`];
  const line = (d: Diagnostic) => `${d.file}:${d.line}:${d.column}  ${d.severity}  ${d.message}  [${d.rule}]`;
  for (const d of added) {
    lines.push(`  new    ${line(d)}`);
    if (d.hint) lines.push(`         hint: ${d.hint}`);
  }
  for (const d of removed) lines.push(`  fixed  ${line(d)}`);
  lines.push(summaryLine(update.summary));
  return `${lines.join('\n')}\n`;
}
