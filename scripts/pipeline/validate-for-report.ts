import { compareWithBase } from '../check/base/compare-with-base.ts';
import { countBySeverity, type Diagnostic } from '../core/diagnostic.ts';
import { isSelected, type PathSelection } from '../core/path-selection.ts';
import type { ReportSummary } from '../render/report/format-text.ts';
import { validateAgainstBase } from './validate-against-base.ts';
import { type ValidationResult, validateLibrary } from './validate-library.ts';

export type ReportedDiagnostic = Diagnostic & { introduced?: boolean };

export interface ValidationReport {
  /** What is reported: the selected files' diagnostics, marked `introduced` when judged against a base. */
  diagnostics: ReportedDiagnostic[];
  summary: ReportSummary & { introducedErrors?: number; introducedWarnings?: number };
  /** Whether it was judged against a base: then only what the head introduced fails the run. */
  againstBase: boolean;
  /** Why the base could not be validated, when it could not (every problem then counts as new). */
  baseProblem: string | null;
}

/**
 * `persona validate`'s report: the whole library is validated (the cross-file rules need every persona), and
 * what is reported, and counted, is what concerns the selected files. With a base, as the pull-request check
 * judges: each diagnostic is marked as introduced or already there.
 */
export async function validateForReport(
  root: string,
  options: {
    selection: PathSelection;
    baseRoot?: string;
    store?: string | null;
    env: Record<string, string | undefined>;
  },
): Promise<ValidationReport> {
  const { selection } = options;
  if (options.baseRoot !== undefined) {
    const checked = await validateAgainstBase(root, options.baseRoot, {
      store: options.store,
      env: options.env,
    });
    const { entries } = compareWithBase(checked.diagnostics, checked.baseDiagnostics);
    const diagnostics = entries.filter((d) => isSelected(d.file, selection));
    const introduced = countBySeverity(diagnostics.filter((d) => d.introduced));
    return {
      diagnostics,
      summary: {
        ...counts(checked.head, selection),
        ...countBySeverity(diagnostics),
        introducedErrors: introduced.errors,
        introducedWarnings: introduced.warnings,
      },
      againstBase: true,
      baseProblem: checked.baseProblem,
    };
  }
  const result = await validateLibrary(root, { personaData: false, store: options.store, env: options.env });
  const diagnostics = result.diagnostics.filter((d) => isSelected(d.file, selection));
  return {
    diagnostics,
    summary: { ...counts(result, selection), ...countBySeverity(diagnostics) },
    againstBase: false,
    baseProblem: null,
  };
}

/** Whether the run fails: errors (new ones, against a base), or warnings too under `--strict`. */
export function reportFails(report: ValidationReport, strict: boolean): boolean {
  const { summary } = report;
  const errors = report.againstBase ? (summary.introducedErrors ?? 0) : summary.errors;
  const warnings = report.againstBase ? (summary.introducedWarnings ?? 0) : summary.warnings;
  return errors > 0 || (strict && warnings > 0);
}

/** How many personas and contributions the report covers: the selected ones. */
export function counts(
  result: Pick<ValidationResult, 'personas' | 'contributions' | 'contributionCount'>,
  selection: PathSelection,
): { personas: number; contributions: number } {
  if (selection === null)
    return { personas: result.personas.length, contributions: result.contributionCount };
  return {
    personas: result.personas.filter((p) => isSelected(p.file, selection)).length,
    contributions: result.contributions.filter((c) => isSelected(c.file, selection)).length,
  };
}
