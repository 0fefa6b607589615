/**
 * The JSON report that the validate workflow uploads as an artifact and `persona comment` reads back.
 * Its shape is `schemas/report.schema.json`; the comment step treats every field as hostile input.
 */
export const REPORT_VERSION = 1;

/** The artifact name and the one file inside it. */
export const REPORT_ARTIFACT = 'persona-report';
export const REPORT_FILE_NAME = 'report.json';

/** Above this the report is refused unread: thousands of diagnostics take a few MB at most. */
export const MAX_REPORT_BYTES = 8 * 1024 * 1024;

export type ReportSeverity = 'error' | 'warning';

/**
 * How much of the report the diagnostics' fixes may take, in characters of JSON: enough for every suggestion
 * the comment can post and many more, and far below MAX_REPORT_BYTES. Fixes past it are left out (the
 * diagnostics stay); the schema bounds each one too.
 */
export const REPORT_FIX_BUDGET = 1_000_000;
/** The schema's bounds on one fix (`$defs/fix`). */
export const MAX_REPORT_FIX_EDITS = 2000;
export const MAX_REPORT_EDIT_TEXT = 300_000;
export const MAX_REPORT_FIX_DESCRIPTION = 2000;

/** A Diagnostic as data: `rule` is any well-formed id, since a pull request may add rules main does not know. */
export interface ReportDiagnostic {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: ReportSeverity;
  rule: string;
  message: string;
  hint: string;
  url: string;
  /** Its fix, as `persona validate --format json` gives it (schemas/report.schema.json bounds it). */
  fix?: ReportFix;
}

export interface ReportFix {
  description: string;
  edits: Array<{
    file: string;
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
    text: string;
  }>;
}

export interface ReportEntry extends ReportDiagnostic {
  /** True when the base branch does not have this problem: the pull request introduced it. */
  introduced: boolean;
}

export interface ReportSummary {
  personas: number;
  contributions: number;
  errors: number;
  warnings: number;
  introducedErrors: number;
  introducedWarnings: number;
  /** Problems on the base branch that the pull request fixes. */
  resolved: number;
}

/** `persona merge --dry-run --format json` (the merge contract), limited to this pull request's contributions. */
export interface MergePreview {
  applied: AppliedContribution[];
  conflicts: ReportDiagnostic[];
  personas: PersonaPreview[];
}

export interface AppliedContribution {
  file: string;
  persona: string;
  personaFile: string;
  field: string;
  action: string;
  item?: number | null;
  author: string;
}

export interface PersonaPreview {
  file: string;
  slug: string;
  title: string;
  changes: FieldChange[];
  diff: string;
}

export interface FieldChange {
  field: string;
  item?: number | null;
  action: string;
  before: string | null;
  after: string | null;
}

export interface PersonaReport {
  version: typeof REPORT_VERSION;
  headSha: string;
  baseSha: string | null;
  summary: ReportSummary;
  diagnostics: ReportEntry[];
  /** Null when no preview could be made (the merge step failed); empty lists when the PR has no contributions. */
  previews: MergePreview | null;
}
