import { countBySeverity, type Diagnostic } from '../../core/diagnostic.ts';
import type { Fix } from '../../core/fix.ts';
import { plural } from './format-text.ts';

export interface FixReport {
  applied: ReadonlyArray<Diagnostic & { fix: Fix }>;
  remaining: readonly Diagnostic[];
  changed: ReadonlyArray<{ file: string }>;
  dryRun: boolean;
  stopped: boolean;
}

/**
 * `persona fix` as text: one line per fix (`file:line:col  fixed  what it did  [rule]`), one per problem left
 * (`file:line:col  severity  message  [rule]`, as `persona validate` prints it, without the hint), then a
 * summary line.
 */
export function formatFixText(report: FixReport): string {
  const verb = report.dryRun ? 'would fix' : 'fixed';
  const lines = report.applied.map(
    (d) => `${d.file}:${d.line}:${d.column}  ${verb}  ${oneLine(d.fix.description)}  [${d.rule}]`,
  );
  for (const d of report.remaining)
    lines.push(`${d.file}:${d.line}:${d.column}  ${d.severity}  ${oneLine(d.message)}  [${d.rule}]`);
  if (lines.length > 0) lines.push('');
  lines.push(summary(report));
  return `${lines.join('\n')}\n`;
}

function summary(report: FixReport): string {
  const { errors, warnings } = countBySeverity(report.remaining);
  const fixed = report.applied.length;
  const files = plural(report.changed.length, 'file');
  const did =
    fixed === 0
      ? 'Nothing to fix automatically'
      : report.dryRun
        ? `Would fix ${plural(fixed, 'problem')} in ${files} (nothing written)`
        : `Fixed ${plural(fixed, 'problem')} in ${files}`;
  const stopped = report.stopped ? ' Stopped after many rounds with fixes still to apply: run it again.' : '';
  if (errors === 0 && warnings === 0) return `✔ ${did}; no problems left.${stopped}`;
  return `${errors > 0 ? '✖' : '⚠'} ${did}; left: ${plural(errors, 'error')}, ${plural(warnings, 'warning')} (\`persona validate\` gives a hint for each).${stopped}`;
}

/** A report line never breaks: what a fix or a message says is shown on one line. */
function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ');
}
