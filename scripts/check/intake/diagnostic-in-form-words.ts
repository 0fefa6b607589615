import type { FormFieldId } from '../../core/contribute-form.ts';
import { formLabel } from '../../core/contribute-form.ts';
import type { ContributionFacts } from '../../core/contribution.ts';
import type { Diagnostic } from '../../core/diagnostic.ts';
import type { FormProblem, Word, Words } from '../../core/form-problem.ts';
import { FIELD_LABELS, isContentField } from '../../core/persona-fields.ts';

/** Which form field fills each key of the contribution file (`author` comes from the issue itself). */
const KEY_TO_FIELD: Record<string, FormFieldId | 'author'> = {
  persona: 'persona',
  field: 'field',
  action: 'action',
  item: 'item',
  value: 'text',
  original: 'text',
  author: 'author',
  rationale: 'rationale',
  evidence: 'evidence',
};

/**
 * A diagnostic about the contribution file the form became, said in the form's words: it points at the form
 * field that filled the offending key, and `value`, `item`… in its message become **Text**, **Item number**….
 * A few rules get a sentence of their own, because their file-level advice ("use `action: confirm`") means
 * nothing to someone who never saw the file.
 */
export function diagnosticInFormWords(d: Diagnostic, facts: ContributionFacts): FormProblem {
  const key = keyAt(d, facts);
  const field = key === null ? null : (KEY_TO_FIELD[key] ?? null);
  const base = { field, severity: d.severity, rule: d.rule } as const;
  switch (d.rule) {
    case 'contribution/no-change':
      return {
        ...base,
        field: 'text',
        message: [
          'The ',
          { strong: 'Text' },
          ' is the same as what the persona says now, so there is nothing to correct (perhaps someone corrected it already). To vouch for the text as it is, choose ',
          { strong: 'Confirm' },
          '.',
        ],
      };
    case 'contribution/duplicate-confirm':
      return {
        ...base,
        field: 'author',
        message: [
          ...translate(d.message),
          ' Each person confirms a field once; choose ',
          { strong: 'Correct' },
          ' or ',
          { strong: 'Extend' },
          ' to add something new.',
        ],
      };
    case 'contribution/duplicate-item':
      return {
        ...base,
        field: 'text',
        message: [
          ...translate(d.message),
          ' To support that item, choose ',
          { strong: 'Confirm' },
          ' with its ',
          { strong: 'Item number' },
          ' instead.',
        ],
      };
    case 'contribution/persona-has-errors':
      return {
        ...base,
        field: 'persona',
        message: [
          'This persona has problems of its own, so nothing can be added to it until a maintainer fixes it. Your issue stays open; edit it once the persona is fixed, and it is checked again.',
        ],
      };
    default:
      return { ...base, message: translate(d.message) };
  }
}

function keyAt(d: Diagnostic, facts: ContributionFacts): string | null {
  for (const [name, place] of Object.entries(facts.places)) {
    if (
      place.line === d.line &&
      place.column <= d.column &&
      d.column <= Math.max(place.endColumn, place.column)
    )
      return name.replace(/^key:/, '');
  }
  for (const [name, place] of Object.entries(facts.places)) {
    if (place.line === d.line) return name.replace(/^key:/, '');
  }
  return null;
}

/**
 * Splits a validator message on its `code spans`: a span naming a contribution key becomes the form label
 * that fills it, a content field key becomes its label, anything else stays a code span.
 */
export function translate(message: string): Words {
  const out: Word[] = [];
  message.split(/`([^`]*)`/).forEach((part, i) => {
    if (i % 2 === 0) {
      if (part !== '') out.push(part);
      return;
    }
    const field = KEY_TO_FIELD[part];
    if (field === 'author') out.push('your GitHub login');
    else if (field !== undefined) out.push({ strong: formLabel(field) });
    else if (isContentField(part)) out.push({ strong: FIELD_LABELS[part] });
    else out.push({ code: part });
  });
  return out;
}
