import type { Diagnostic } from '../../core/diagnostic.ts';
import { formatGithub } from './format-github.ts';
import { formatJson } from './format-json.ts';
import { formatText, type ReportSummary } from './format-text.ts';

export const VALIDATE_FORMATS = ['text', 'json', 'github'] as const;
export type ValidateFormat = (typeof VALIDATE_FORMATS)[number];

/**
 * `persona validate`'s report in the chosen format. Against a base, the text notes each problem that was
 * already there; JSON carries `introduced` on each diagnostic and the introduced counts in its summary.
 */
export function formatValidateReport(
  report: {
    diagnostics: ReadonlyArray<Diagnostic & { introduced?: boolean }>;
    summary: ReportSummary & { introducedErrors?: number; introducedWarnings?: number };
    againstBase: boolean;
  },
  format: ValidateFormat,
): string {
  const { diagnostics, summary } = report;
  if (format === 'json') return formatJson(diagnostics, summary);
  if (format === 'github') return formatGithub(diagnostics, summary);
  return formatText(
    diagnostics,
    summary,
    report.againstBase ? { note: (d) => (d.introduced === false ? 'already on the base branch' : null) } : {},
  );
}
