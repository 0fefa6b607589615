import { compareWithBase } from '../../check/base/compare-with-base.ts';
import { countBySeverity, type Diagnostic } from '../../core/diagnostic.ts';
import {
  MAX_REPORT_EDIT_TEXT,
  MAX_REPORT_FIX_DESCRIPTION,
  MAX_REPORT_FIX_EDITS,
  type MergePreview,
  type PersonaReport,
  REPORT_FIX_BUDGET,
  REPORT_VERSION,
} from '../../core/report.ts';

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
    diagnostics: withinFixBudget(entries),
    previews: input.previews,
  };
}

/**
 * The entries with their fixes while the fixes fit REPORT_FIX_BUDGET, those the pull request introduced first
 * (they are what its suggestions are about); later fixes are left out, whole.
 */
function withinFixBudget<T extends Diagnostic & { introduced: boolean }>(entries: readonly T[]): T[] {
  let left = REPORT_FIX_BUDGET;
  const keep = new Set<T>();
  for (const entry of [...entries.filter((e) => e.introduced), ...entries.filter((e) => !e.introduced)]) {
    if (!entry.fix || !withinBounds(entry.fix)) continue;
    const size = JSON.stringify(entry.fix).length;
    if (size > left) continue;
    left -= size;
    keep.add(entry);
  }
  return entries.map((entry) => {
    if (!entry.fix || keep.has(entry)) return entry;
    const { fix: _dropped, ...rest } = entry;
    return rest as T;
  });
}

function withinBounds(fix: NonNullable<Diagnostic['fix']>): boolean {
  return (
    fix.description.length <= MAX_REPORT_FIX_DESCRIPTION &&
    fix.edits.length <= MAX_REPORT_FIX_EDITS &&
    fix.edits.every((edit) => edit.text.length <= MAX_REPORT_EDIT_TEXT)
  );
}
