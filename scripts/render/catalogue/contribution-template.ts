import { CONTRIBUTION_MODELINE, type ContentField } from '../../core/persona-fields.ts';
import { yamlPairParts } from './yaml-pair.ts';

export type ContributionAction = 'confirm' | 'correct' | 'extend';

export interface ContributionTarget {
  slug: string;
  /** The persona's id and title, as the issue form's persona dropdown shows them. */
  id: string;
  title: string;
  field: ContentField;
  action: ContributionAction;
  /** 1-based list item, for `correct` (and `confirm`) of one item. */
  item?: number;
  /** The current text being corrected; omitted when it would make a link too long to open. */
  original?: string;
}

/** The login placeholder used in the template and the suggested file name; the contributor replaces it. */
export const LOGIN_PLACEHOLDER = 'your-login';

/** `your-login-goals.yaml`: the contributor puts their login (and, if they like, a date prefix) in front. */
export function suggestedFileName(target: ContributionTarget): string {
  return `${LOGIN_PLACEHOLDER}-${target.field}.yaml`;
}

/**
 * A contribution file (issue 3's format) that is valid YAML as it stands. The values go through the YAML
 * serializer (one entry at a time, see `yamlPair`), never string concatenation, so persona text can't break
 * out of its scalar.
 */
export function contributionTemplate(target: ContributionTarget): string {
  return contributionTemplateParts(target).join('');
}

/**
 * The template in pieces that join to it: the header, then each entry, with everyday text values as pieces of
 * their own (see `yamlPairParts`), so a caller that encodes pieces can reuse the encoding of repeated ones.
 */
export function contributionTemplateParts(
  target: ContributionTarget,
  { instructions = true }: { instructions?: boolean } = {},
): string[] {
  return [
    instructions ? contributionTemplateHeader(target) : `${CONTRIBUTION_MODELINE}\n`,
    ...contributionTemplateEntries(target).flatMap(([key, value]) => yamlPairParts(key, value)),
  ];
}

/** The same few headers over and over: made once each, so callers can also tell them apart cheaply. */
const HEADERS = new Map<string, string>();

/** The template's comment lines, ending in a line break: they depend on the action and on `original` only. */
export function contributionTemplateHeader(target: Pick<ContributionTarget, 'action' | 'original'>): string {
  const variant = `${target.action}:${target.original === undefined}`;
  let header = HEADERS.get(variant);
  if (header === undefined) {
    const instructions = [
      `Replace ${LOGIN_PLACEHOLDER} with your GitHub login in author and in the file name, say why in rationale, then propose the file.`,
    ];
    if (target.action === 'correct')
      instructions.push(
        target.original === undefined
          ? 'Edit value, and add original: the exact current text, copied from the persona page.'
          : 'Edit value to the corrected text; keep original as it is.',
      );
    if (target.action === 'extend') instructions.push('Write the new item in value.');
    header = `${[CONTRIBUTION_MODELINE, ...instructions.map((line) => `# ${line}`)].join('\n')}\n`;
    HEADERS.set(variant, header);
  }
  return header;
}

/**
 * The template's entries, in order. Every value is `target.slug`, `target.original`, an item number or a
 * constant of this module.
 */
export function contributionTemplateEntries(target: ContributionTarget): [string, string | number][] {
  const entries: [string, string | number][] = [
    ['persona', target.slug],
    ['field', target.field],
    ['action', target.action],
  ];
  if (target.item !== undefined) entries.push(['item', target.item]);
  if (target.action === 'correct') {
    entries.push(['value', target.original ?? 'The corrected text.']);
    if (target.original !== undefined) entries.push(['original', target.original]);
  }
  if (target.action === 'extend') entries.push(['value', 'The new item, as one complete sentence.']);
  entries.push(['author', LOGIN_PLACEHOLDER]);
  entries.push([
    'rationale',
    target.action === 'confirm'
      ? 'How this matches your own experience.'
      : 'Why this is more accurate, from your own experience.',
  ]);
  return entries;
}
