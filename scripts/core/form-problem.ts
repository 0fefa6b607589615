import type { FormFieldId } from './contribute-form.ts';
import type { Severity } from './diagnostic.ts';
import type { RuleId } from './rules.ts';

/**
 * A sentence in the form's own words: plain text, a **form label**, or a `value` the contributor typed.
 * Kept as data, not Markdown, so the comment renderer decides how each part is made safe.
 */
export type Word = string | { strong: string } | { code: string };
export type Words = readonly Word[];

/** One thing to fix in the issue, pointing at the form field it is about (`author` is the author). */
export interface FormProblem {
  field: FormFieldId | 'author' | null;
  severity: Severity;
  /** The contribution rule behind it, when the problem comes from validating the contribution. */
  rule?: RuleId;
  message: Words;
}

export function formError(field: FormProblem['field'], message: Words, rule?: RuleId): FormProblem {
  return rule === undefined
    ? { field, severity: 'error', message }
    : { field, severity: 'error', message, rule };
}

/** The problem as one line of plain text, for logs and `--dry-run`. */
export function problemText(problem: FormProblem): string {
  return problem.message
    .map((w) => (typeof w === 'string' ? w : 'strong' in w ? `**${w.strong}**` : `\`${w.code}\``))
    .join('');
}
