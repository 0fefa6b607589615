import { FIELD_LABELS } from '../../core/persona-fields.ts';

/** "`goals` item 3", "`composability` link 1 › `relation`": how a contributor finds the value in the file. */
export function describePath(segments: ReadonlyArray<string | number>, subject = 'The persona'): string {
  if (segments.length === 0) return subject;
  const parts: string[] = [];
  let previous: string | number | undefined;
  for (const segment of segments) {
    if (typeof segment === 'number') {
      parts.push(`${previous === 'composability' ? 'link' : 'item'} ${segment + 1}`);
    } else {
      parts.push(`${parts.length === 0 ? '' : '› '}\`${quote(segment, 40)}\``);
    }
    previous = segment;
  }
  return parts.join(' ');
}

export function kindOf(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return 'text';
  if (typeof value === 'number') return Number.isInteger(value) ? 'a whole number' : 'a number';
  if (typeof value === 'boolean') return `\`${value}\``;
  return 'a mapping';
}

export function describeValue(value: unknown): string {
  return typeof value === 'string' ? `\`${quote(value, 60)}\`` : kindOf(value);
}

/** Shortened, single-line, backtick-free text for quoting inside a message. */
export function quote(text: string, max: number): string {
  const flat = text.replace(/[\r\n\t]+/g, ' ').replace(/`/g, "'");
  return [...flat].length > max ? `${[...flat].slice(0, max - 1).join('')}…` : flat;
}

export const fieldLabel = (field: string): string =>
  FIELD_LABELS[field as keyof typeof FIELD_LABELS] ?? field;
