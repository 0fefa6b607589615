import type { Diagnostic } from '../../core/diagnostic.ts';
import type { ReportSummary } from './format-text.ts';

/** The public JSON report: `{version, summary, diagnostics}`; diagnostics already sorted by file, then line. */
export function formatJson(diagnostics: readonly Diagnostic[], summary: ReportSummary): string {
  return `${JSON.stringify({ version: 1, summary, diagnostics }, null, 2)}\n`;
}
