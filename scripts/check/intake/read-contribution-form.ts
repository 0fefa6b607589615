import {
  ACTION_LABELS,
  FIELD_OPTIONS,
  type FormFieldId,
  formLabel,
  OPTION_ID,
  personaOptionLabel,
} from '../../core/contribute-form.ts';
import { CONTRIBUTION_ACTIONS, type Contribution, type ContributionAction } from '../../core/contribution.ts';
import { didYouMean } from '../../core/did-you-mean.ts';
import { type FormProblem, formError, type Words } from '../../core/form-problem.ts';
import { type ContentField, FIELD_LABELS, isListField } from '../../core/persona-fields.ts';
import { currentText } from '../contribution/contribution-effect.ts';
import type { ContributionIndex, PersonaTarget } from '../contribution/contribution-index.ts';

export interface FormContext {
  index: ContributionIndex;
  /** Each persona's data, by file: the form's item numbers and corrections are read against it. */
  dataOf: ReadonlyMap<string, Record<string, unknown>>;
  /** The author: the one credited, whoever edits the issue later. */
  author: string;
}

export interface FormReading {
  contribution: Contribution | null;
  target: PersonaTarget | null;
  problems: FormProblem[];
}

const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;
const SHOWN_ANSWER = 80;

/**
 * Turns the form's answers into a contribution, the way `persona contribute` builds one from its flags: the
 * persona by its id (never by anything else the issue says), `original` from the persona's current text, and
 * the author as `author`. Problems are in the form's words; the contribution rules run afterwards.
 */
export function readContributionForm(
  answers: Partial<Record<FormFieldId, string>>,
  ctx: FormContext,
): FormReading {
  const problems: FormProblem[] = [];
  const fail = (field: FormProblem['field'], message: Words) => problems.push(formError(field, message));

  const target = readPersona(answers.persona, ctx.index, fail);
  const field = readChoice(
    'field',
    answers.field,
    FIELD_OPTIONS.map((o) => [o.label, o.field] as const),
    fail,
  );
  const action = readChoice(
    'action',
    answers.action,
    CONTRIBUTION_ACTIONS.map((a) => [ACTION_LABELS[a], a] as const),
    fail,
  );
  const item = readItem(answers.item, fail);
  // Personas hold single-paragraph text: line breaks typed in the box become spaces.
  const value = (answers.text ?? '').replace(/\s+/g, ' ').trim();
  const rationale = (answers.rationale ?? '').replace(/\n{3,}/g, '\n\n').trim();
  const evidence = (answers.evidence ?? '').trim();
  if (!LOGIN.test(ctx.author)) {
    fail('author', [
      'The issue was opened by ',
      { code: ctx.author },
      ', which is not a GitHub user login that can be credited in a persona.',
    ]);
  }
  if (problems.length > 0 || !target || field === null || action === null || item === null)
    return { contribution: null, target, problems };

  const data = ctx.dataOf.get(target.file) ?? {};
  checkCombination({ data, field, action, item: item.value, value, rationale }, fail);
  if (problems.length > 0) return { contribution: null, target, problems };

  const contribution: Contribution = { persona: target.slug, field, action, author: ctx.author };
  if (item.value !== undefined) contribution.item = item.value;
  if (action !== 'confirm') contribution.value = value;
  if (action === 'correct') contribution.original = currentText(data, field, item.value) ?? '';
  if (rationale) contribution.rationale = rationale;
  if (evidence) contribution.evidence = evidence;
  return { contribution, target, problems };
}

/**
 * The persona the form names: its slug, its id, its title (case and spacing aside), or "Title (APP-101)" as
 * catalogue links prefill it (the id then decides, so a title that itself ends in "(APP-…)" cannot point
 * elsewhere). A near miss gets "did you mean", over slugs, ids and titles alike.
 */
function readPersona(
  answer: string | undefined,
  index: ContributionIndex,
  fail: (field: FormFieldId, message: Words) => void,
): PersonaTarget | null {
  if (answer === undefined) return missingSection('persona', fail);
  const typed = answer.replace(/\s+/g, ' ').trim();
  if (typed === '') {
    fail('persona', [
      'No ',
      { strong: 'Persona' },
      ' is given: write its slug (like ',
      { code: 'sentry-error-monitor' },
      '), its id or its title.',
    ]);
    return null;
  }
  const candidates = personasNamed(typed, index);
  if (candidates.length === 1) return candidates[0] as PersonaTarget;
  if (candidates.length > 1) {
    fail('persona', [
      'The ',
      { strong: 'Persona' },
      ' ',
      { code: shorten(typed) },
      ' names more than one persona; write its slug instead (the end of its page address).',
    ]);
    return null;
  }
  // Suggestions in the shape that was typed: "Title (APP-101)" for a prefilled label, else slug, id or title.
  const labelled = OPTION_ID.test(typed);
  const names = [...index.bySlug.values()].flatMap((targets) =>
    targets.flatMap((t) =>
      labelled
        ? t.id && t.title
          ? [personaOptionLabel({ id: t.id, title: t.title })]
          : []
        : [t.slug, ...(t.id ? [t.id] : []), ...(t.title ? [t.title] : [])],
    ),
  );
  const match = didYouMean(typed, names);
  fail('persona', [
    'The ',
    { strong: 'Persona' },
    ' field says ',
    { code: shorten(typed) },
    ', which is not a persona of this library. ',
    ...(match
      ? ['Did you mean ', { code: match }, '?']
      : [
          'Write its slug (the end of its page address, like ',
          { code: 'sentry-error-monitor' },
          '), its id or its title.',
        ]),
  ]);
  return null;
}

/**
 * Every persona the typed text can mean: by the id of a "Title (APP-101)" label, else by id, slug or title. A
 * label whose id is unknown falls back to its title, so an old link still finds its persona.
 */
function personasNamed(typed: string, index: ContributionIndex): PersonaTarget[] {
  const label = OPTION_ID.exec(typed);
  const byLabel = label?.[1] === undefined ? undefined : index.byId.get(label[1]);
  if (byLabel) return byLabel;
  const name = label ? typed.slice(0, label.index).trim() : typed;
  const exact = index.byId.get(name.toUpperCase()) ?? index.bySlug.get(name.toLowerCase());
  if (exact && !label) return exact;
  const title = name.toLowerCase();
  return [...index.bySlug.values()]
    .flat()
    .filter((t) => t.title?.replace(/\s+/g, ' ').trim().toLowerCase() === title);
}

function readChoice<T extends string>(
  id: 'field' | 'action',
  answer: string | undefined,
  options: readonly (readonly [label: string, value: T])[],
  fail: (field: FormFieldId, message: Words) => void,
): T | null {
  if (answer === undefined) return missingSection(id, fail);
  const label = formLabel(id);
  if (answer === '') {
    fail(id, ['No ', { strong: label }, ' is chosen: pick one from the list.']);
    return null;
  }
  const wanted = answer.trim().toLowerCase();
  for (const [optionLabel, value] of options) {
    // The option text, or the name a contribution file uses (`aha_moment`, `extend`).
    if (optionLabel.toLowerCase() === wanted || value === wanted.replace(/ /g, '_')) return value;
  }
  const match = didYouMean(
    answer,
    options.map(([optionLabel]) => optionLabel),
  );
  fail(id, [
    'The ',
    { strong: label },
    ' field says ',
    { code: shorten(answer) },
    ', which is not one of its choices. ',
    ...(match
      ? ['Did you mean ', { strong: match }, '?']
      : ['Choose one of ', ...list(options.map(([optionLabel]) => optionLabel)), '.']),
  ]);
  return null;
}

function readItem(
  answer: string | undefined,
  fail: (field: FormFieldId, message: Words) => void,
): { value: number | undefined } | null {
  // An optional field's section deleted from the body reads as left empty.
  if (answer === undefined || answer === '') return { value: undefined };
  const match = /^(?:item\s*)?#?\s*([0-9]{1,4})\.?$/i.exec(answer.trim());
  const value = match ? Number(match[1]) : Number.NaN;
  if (Number.isInteger(value) && value >= 1 && value <= 1000) return { value };
  fail('item', [
    'The ',
    { strong: 'Item number' },
    ' must be a whole number such as ',
    { code: '2' },
    ' (1 is the first item), but it says ',
    { code: shorten(answer) },
    '.',
  ]);
  return null;
}

/** The action, field and item must fit together; said here in the form's words instead of file keys. */
function checkCombination(
  input: {
    data: Record<string, unknown>;
    field: ContentField;
    action: ContributionAction;
    item: number | undefined;
    value: string;
    rationale: string;
  },
  fail: (field: FormFieldId, message: Words) => void,
): void {
  const { data, field, action, item, value, rationale } = input;
  const fieldLabel = { strong: FIELD_LABELS[field] };
  const actionLabel = { strong: ACTION_LABELS[action] };
  const list = isListField(field);
  if (!list && action === 'extend') {
    fail('action', [
      actionLabel,
      ' adds an item to a list, but ',
      fieldLabel,
      ' is one text. Choose ',
      { strong: 'Correct' },
      ' to change it, or a list field (Goals, Frustrations, Worldview, Impact).',
    ]);
    return;
  }
  if (!list && item !== undefined) {
    fail('item', [
      fieldLabel,
      ' is one text, not a list, so leave the ',
      { strong: 'Item number' },
      ' empty.',
    ]);
  }
  if (list && action === 'extend' && item !== undefined) {
    fail('item', [
      'Leave the ',
      { strong: 'Item number' },
      ' empty to ',
      actionLabel,
      ': the new item is added at the end of the list.',
    ]);
  }
  if (list && action === 'correct' && item === undefined) {
    fail('item', [
      fieldLabel,
      ' is a list, and a correction replaces one item: give its ',
      { strong: 'Item number' },
      ' (1 is the first).',
    ]);
  }
  const items = data[field];
  if (list && item !== undefined && action !== 'extend' && Array.isArray(items) && item > items.length) {
    fail('item', [
      fieldLabel,
      ` of this persona has ${items.length} item${items.length === 1 ? '' : 's'}, so there is no item ${item}. Use a number from 1 to ${items.length}.`,
    ]);
  }
  if (action === 'confirm' && value !== '') {
    fail('text', [
      'Leave the ',
      { strong: 'Text' },
      ' empty to ',
      actionLabel,
      ': a confirmation vouches for the persona as it stands. To change the text, choose ',
      { strong: 'Correct' },
      '.',
    ]);
  }
  if (action !== 'confirm' && value === '') {
    fail('text', [
      'The ',
      { strong: 'Text' },
      ' field is empty: ',
      actionLabel,
      action === 'correct' ? ' needs the text as it should read.' : ' needs the new item.',
    ]);
  }
  if (action === 'correct' && rationale === '') {
    fail('rationale', [
      'The ',
      { strong: 'Rationale' },
      ' field is empty: a correction needs a sentence or two on what you have seen that makes the current text wrong.',
    ]);
  }
}

function missingSection(id: FormFieldId, fail: (field: FormFieldId, message: Words) => void): null {
  fail(id, [
    'The issue has no ',
    { strong: formLabel(id) },
    ' section. Was part of the form deleted? Edit the issue and add it back as a line ',
    { code: `### ${formLabel(id)}` },
    ' followed by your answer.',
  ]);
  return null;
}

function list(labels: readonly string[]): Words {
  return labels.flatMap((label, i) => [
    ...(i === 0 ? [] : [i === labels.length - 1 ? ' or ' : ', ']),
    { strong: label },
  ]);
}

function shorten(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > SHOWN_ANSWER ? `${oneLine.slice(0, SHOWN_ANSWER - 1)}…` : oneLine;
}
