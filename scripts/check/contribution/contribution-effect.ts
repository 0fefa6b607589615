import type { Contribution, ContributionAction } from '../../core/contribution.ts';
import { isListField } from '../../core/persona-fields.ts';

/** What one contribution does to a persona's content, as the merge report shows it. */
export interface ContentEffect {
  field: string;
  action: ContributionAction;
  /** 1-based item: the confirmed or corrected item, or the number of the new item; null for a whole field. */
  item: number | null;
  /** Text of the field or item before; null when it did not exist (an extension). */
  before: string | null;
  after: string | null;
}

/** The current text a contribution is about: the text field, or one list item. */
export function currentText(data: Record<string, unknown>, field: string, item?: number): string | undefined {
  const value = data[field];
  if (item === undefined) return typeof value === 'string' ? value : undefined;
  if (!Array.isArray(value)) return undefined;
  const entry = value[item - 1];
  return typeof entry === 'string' ? entry : undefined;
}

/**
 * Applies a contribution's content change to plain persona data, in place. The data must already have
 * passed the contribution's checks against this persona (the field has the right type, the item exists).
 */
export function applyContentEffect(data: Record<string, unknown>, contribution: Contribution): ContentEffect {
  const { field, action, item } = contribution;
  if (action === 'confirm') {
    const text =
      isListField(field) && item === undefined
        ? listText(data[field])
        : (currentText(data, field, item) ?? null);
    return { field, action, item: item ?? null, before: text, after: text };
  }
  const value = contribution.value ?? '';
  if (action === 'extend') {
    const list = data[field] as unknown[];
    list.push(value);
    return { field, action, item: list.length, before: null, after: value };
  }
  const before = currentText(data, field, item) ?? null;
  if (item === undefined) data[field] = value;
  else (data[field] as unknown[])[item - 1] = value;
  return { field, action, item: item ?? null, before, after: value };
}

/** A whole list, as the report shows a confirmation of all of it: one `- item` line per item. */
function listText(value: unknown): string | null {
  return Array.isArray(value) ? value.map((item) => `- ${String(item)}`).join('\n') : null;
}

/**
 * Case-, spacing- and end-punctuation-insensitive form of a list item: two items with the same form say the
 * same thing.
 */
export function normalizeItem(text: string): string {
  const spaced = text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
  // A loop, not /[\s.!?…]+$/: that regex retries from every space of the text, which showed in profiles.
  let end = spaced.length;
  while (end > 0 && ENDINGS.has(spaced.charAt(end - 1))) end--;
  return spaced.slice(0, end);
}

/** What may trail an item without changing what it says (whitespace is a single space by then). */
const ENDINGS: ReadonlySet<string> = new Set([' ', '.', '!', '?', '…']);
