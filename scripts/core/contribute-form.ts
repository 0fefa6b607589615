import type { ContributionAction } from './contribution.ts';
import { type ContentField, FIELD_LABELS, SECTION_ORDER } from './persona-fields.ts';

/**
 * The contribution issue form's fields, shared by the generator (.github/ISSUE_TEMPLATE/contribute.yml),
 * the prefilled link and the parser of the body GitHub renders from it. The `id` is the query parameter that
 * prefills a field; the `label` is both what the contributor reads and the `### Label` heading in the body.
 */
export const FORM_FIELDS = [
  { id: 'persona', label: 'Persona' },
  { id: 'field', label: 'Field' },
  { id: 'action', label: 'Action' },
  { id: 'item', label: 'Item number' },
  { id: 'text', label: 'Text' },
  { id: 'rationale', label: 'Rationale' },
  { id: 'evidence', label: 'Evidence link' },
] as const;

export type FormFieldId = (typeof FORM_FIELDS)[number]['id'];

export const FORM_TEMPLATE_FILE = 'contribute.yml';
export const FORM_PATH = `.github/ISSUE_TEMPLATE/${FORM_TEMPLATE_FILE}`;
/** The label the form applies; the intake workflow only runs for issues that carry it. */
export const CONTRIBUTION_LABEL = 'contribution';
/** The label the bot adds while a form has problems, and removes once it is fixed. */
export const NEEDS_FIX_LABEL = 'needs-fix';
/** What GitHub writes in the body for an optional field left empty. */
export const NO_RESPONSE = '_No response_';

export function formLabel(id: FormFieldId): string {
  return FORM_FIELDS.find((f) => f.id === id)?.label ?? id;
}

/** Dropdown wording of the actions; the parser also accepts the bare action name in any case. */
export const ACTION_LABELS: Record<ContributionAction, string> = {
  confirm: 'Confirm',
  correct: 'Correct',
  extend: 'Extend',
};

/** The field dropdown, in the order a persona page shows the sections. */
export const FIELD_OPTIONS: readonly { field: ContentField; label: string }[] = SECTION_ORDER.map(
  (field) => ({
    field,
    label: FIELD_LABELS[field],
  }),
);

export interface FormPersona {
  id: string;
  slug: string;
  title: string;
}

const MAX_TITLE_IN_OPTION = 100;

/**
 * "The Sentry Error Monitor (APP-101)": readable, and unique because ids are. The id at the end is what the
 * parser reads back, so a title that itself ends in "(APP-…)" cannot point at another persona.
 */
export function personaOptionLabel(persona: Pick<FormPersona, 'id' | 'title'>): string {
  let title = persona.title.replace(/\s+/g, ' ').trim();
  if (title.length > MAX_TITLE_IN_OPTION) title = `${title.slice(0, MAX_TITLE_IN_OPTION - 1).trimEnd()}…`;
  return `${title} (${persona.id})`;
}

export const OPTION_ID = /\((APP-[0-9]{3,})\)\s*$/;
