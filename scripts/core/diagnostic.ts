import type { Fix } from './fix.ts';
import { reportedPath } from './reported-path.ts';
import type { RuleId } from './rules.ts';
import { ruleUrl } from './rules.ts';

/** A 1-based span in a source file. */
export interface Place {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export type Severity = 'error' | 'warning';

/** One user-facing problem. Positions are 1-based; `file` is relative to the library root, with `/`. */
export interface Diagnostic extends Place {
  file: string;
  severity: Severity;
  rule: RuleId;
  message: string;
  hint: string;
  url: string;
  /** How to fix it without asking anyone, when the rule is fixable and the fix is unambiguous. */
  fix?: Fix;
}

export const START_OF_FILE: Place = { line: 1, column: 1, endLine: 1, endColumn: 1 };

export function diagnostic(
  file: string,
  place: Place,
  rule: RuleId,
  message: string,
  hint: string,
  severity: Severity = 'error',
): Diagnostic {
  return {
    // Names are checked once, here: whatever a pull request names its files, every report can carry them.
    file: reportedPath(file),
    line: place.line,
    column: place.column,
    endLine: place.endLine,
    endColumn: place.endColumn,
    severity,
    rule,
    message: capped(message),
    hint: capped(hint),
    url: ruleUrl(rule),
  };
}

/** Code-point comparison: never locale-dependent, so output is identical on every machine. */
export function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    compareCodePoints(a.file, b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1) ||
    compareCodePoints(a.rule, b.rule) ||
    compareCodePoints(a.message, b.message)
  );
}

export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(compareDiagnostics);
}

export function countBySeverity(diagnostics: readonly Diagnostic[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const d of diagnostics) if (d.severity === 'error') errors++;
  return { errors, warnings: diagnostics.length - errors };
}

/** The longest message or hint a diagnostic carries: a page of text, and half of what a report may hold. */
export const MAX_DIAGNOSTIC_TEXT = 2000;

function capped(text: string): string {
  if (text.length <= MAX_DIAGNOSTIC_TEXT) return text;
  let cut = MAX_DIAGNOSTIC_TEXT - 1;
  if (/[\ud800-\udbff]/.test(text[cut - 1] ?? '')) cut--;
  return `${text.slice(0, cut)}…`;
}
