import { compareWithBase } from '../../check/base/compare-with-base.ts';
import { countBySeverity, type Diagnostic } from '../../core/diagnostic.ts';
import { type MergePreview, type PersonaReport, REPORT_VERSION } from '../../core/report.ts';

export interface ReportInput {
  headSha: string;
  baseSha: string | null;
  personas: number;
  contributions: number;
  /** The head's diagnostics, already sorted. */
  diagnostics: readonly Diagnostic[];
  /** The base branch's diagnostics from the same validator, or null when there is no base to compare. */
  baseDiagnostics: readonly Diagnostic[] | null;
  previews: MergePreview | null;
}

export function buildReport(input: ReportInput): PersonaReport {
  const { entries, resolved } = compareWithBase(input.diagnostics, input.baseDiagnostics);
  const { errors, warnings } = countBySeverity(input.diagnostics);
  const introduced = entries.filter((e) => e.introduced);
  return {
    version: REPORT_VERSION,
    headSha: input.headSha,
    baseSha: input.baseSha,
    summary: {
      personas: input.personas,
      contributions: input.contributions,
      errors,
      warnings,
      introducedErrors: introduced.filter((e) => e.severity === 'error').length,
      introducedWarnings: introduced.filter((e) => e.severity === 'warning').length,
      resolved,
    },
    diagnostics: entries,
    previews: input.previews,
  };
}
