import { Document } from 'yaml';
import type { PersonaFacts } from '../../check/persona/check-persona-file.ts';
import { compareCodePoints } from '../../core/diagnostic.ts';
import {
  ACTION_LABELS,
  CONTRIBUTION_LABEL,
  FIELD_OPTIONS,
  type FormFieldId,
  type FormPersona,
  formLabel,
  personaOptionLabel,
} from '../../intake/contribute-form-fields.ts';
import { CANONICAL_TO_STRING } from '../canonical-yaml.ts';

const ID = /^APP-[0-9]{3,}$/;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * The personas the form offers: each with a well-formed id, slug and title, one per id (the first in file
 * order, as the persona files are read), sorted by title and then id so the file never depends on disk order.
 */
export function formPersonas(personas: readonly Pick<PersonaFacts, 'data'>[]): FormPersona[] {
  const byId = new Map<string, FormPersona>();
  for (const { data } of personas) {
    const id = data?.id;
    const slug = data?.slug;
    const title = data?.title;
    if (typeof id !== 'string' || typeof slug !== 'string' || typeof title !== 'string') continue;
    if (!ID.test(id) || !SLUG.test(slug) || title.trim() === '' || byId.has(id)) continue;
    byId.set(id, { id, slug, title });
  }
  return sortFormPersonas([...byId.values()]);
}

export function sortFormPersonas(personas: readonly FormPersona[]): FormPersona[] {
  return [...personas].sort(
    (a, b) =>
      compareCodePoints(personaOptionLabel(a), personaOptionLabel(b)) || compareCodePoints(a.id, b.id),
  );
}

const NO_PERSONAS = '(the library has no personas yet)';

const HEADER = [
  ' Generated from personas/ by `persona catalogue`; do not edit by hand (the persona list would go stale).',
  ' The intake workflow (.github/workflows/intake.yml) reads issues made with this form; field ids and',
  ' labels are what it parses, so change them in scripts/intake/contribute-form-fields.ts only.',
].join('\n');

/**
 * `.github/ISSUE_TEMPLATE/contribute.yml`, the "Contribute to a persona" issue form. Pure: personas in,
 * YAML text out. The text goes through the YAML serializer, so no title can break out of its scalar.
 */
export function renderContributeForm(personas: readonly FormPersona[]): string {
  // GitHub refuses a dropdown without options; an empty library still gets a form that loads.
  const options = personas.length > 0 ? sortFormPersonas(personas).map(personaOptionLabel) : [NO_PERSONAS];
  const form = {
    name: 'Contribute to a persona',
    description:
      'Confirm, correct or extend a persona without Git: a bot checks the form and opens the pull request for you.',
    title: 'Contribution to a persona',
    labels: [CONTRIBUTION_LABEL],
    body: [
      {
        type: 'markdown',
        attributes: {
          value: [
            'Thank you for sharing what you see in your own work. Pick a persona and one of its fields, then say',
            'whether it matches your experience (**Confirm**), needs different words (**Correct**), or is missing',
            'an item (**Extend**). Your GitHub login is credited in the persona.',
            '',
            'A bot checks the form with the same rules as a contribution file. If something needs fixing it says',
            'what in a comment: edit this issue and it checks again. When everything is right it opens a pull',
            'request for the maintainers to review.',
          ].join('\n'),
        },
      },
      dropdown('persona', 'Which persona is this about?', options),
      dropdown(
        'field',
        'Which part of the persona? Goals, Frustrations, Worldview and Impact are lists; the others are one text.',
        FIELD_OPTIONS.map((o) => o.label),
      ),
      dropdown(
        'action',
        'Confirm: it matches your experience. Correct: replace the text (or one list item). Extend: add a new item to a list.',
        Object.values(ACTION_LABELS),
      ),
      input(
        'item',
        'Lists only: the number of the item you confirm or correct (1 is the first). Leave it empty to confirm the whole list, or to extend it.',
        'e.g. 2',
      ),
      textarea(
        'text',
        'Correct: the text as it should read. Extend: the new item, as one complete sentence. Leave it empty to confirm.',
      ),
      textarea(
        'rationale',
        'Why? What have you seen in your own work that supports this? A correction needs it; it helps for the others too.',
      ),
      input(
        'evidence',
        'Optional: a public link that supports it (an article, a forum thread, a talk, a survey), starting with https://',
        'https://',
      ),
    ],
  };
  const doc = new Document(form);
  doc.commentBefore = HEADER;
  return doc.toString(CANONICAL_TO_STRING);
}

function dropdown(id: FormFieldId, description: string, options: readonly string[]) {
  return {
    type: 'dropdown',
    id,
    attributes: { label: formLabel(id), description, options: [...options] },
    validations: { required: true },
  };
}

function input(id: FormFieldId, description: string, placeholder: string) {
  return {
    type: 'input',
    id,
    attributes: { label: formLabel(id), description, placeholder },
    validations: { required: false },
  };
}

function textarea(id: FormFieldId, description: string) {
  return {
    type: 'textarea',
    id,
    attributes: { label: formLabel(id), description },
    validations: { required: false },
  };
}
