import type { CataloguePersona } from '../../core/catalogue-persona.ts';
import { LIST_FIELDS, SECTION_ORDER } from '../../core/persona-fields.ts';

/**
 * Lists share one cell, one item per line. A line break or backslash inside an item is written as `\n` or `\\`,
 * so splitting a cell on line breaks always gives back the items.
 */
export const CSV_LIST_SEPARATOR = '\n';

export const CSV_COLUMNS = [
  'id',
  'slug',
  'title',
  'product',
  'category',
  'tags',
  ...SECTION_ORDER,
  'composability',
  'composability_notes',
  'confirmations',
  'contributors',
  'last_reviewed',
] as const;

export type CsvColumn = (typeof CSV_COLUMNS)[number];

/** The header row; also how the catalogue recognises a CSV it generated. */
export const CSV_HEADER = CSV_COLUMNS.join(',');

/** `personas.csv`: a header and one row per persona, RFC 4180 quoting, LF line ends. */
export function personasCsv(personas: readonly CataloguePersona[]): string {
  const rows = personas.map((persona) =>
    CSV_COLUMNS.map((column) => csvCell(cellValue(persona, column))).join(','),
  );
  return `${[CSV_HEADER, ...rows].join('\n')}\n`;
}

function cellValue(persona: CataloguePersona, column: CsvColumn): string {
  switch (column) {
    case 'tags':
      return joinList(persona.tags);
    case 'composability':
      return joinList(persona.composability.map((link) => `${link.persona} (${link.relation})`));
    case 'composability_notes':
      return joinList(persona.composability.map((link) => link.note));
    case 'confirmations':
      return String(persona.community?.confirmations ?? 0);
    case 'contributors':
      return joinList(persona.community?.contributors ?? []);
    case 'last_reviewed':
      return persona.community?.last_reviewed ?? '';
    default: {
      const value = persona[column];
      return (LIST_FIELDS as readonly string[]).includes(column)
        ? joinList(value as string[])
        : (value as string);
    }
  }
}

function joinList(items: readonly string[]): string {
  return items
    .map((item) => item.replace(/\\/g, '\\\\').replace(/\r\n|\r|\n/g, '\\n'))
    .join(CSV_LIST_SEPARATOR);
}

/**
 * RFC 4180: quote a cell holding a comma, quote or line break, doubling inner quotes. A cell that a spreadsheet
 * would run as a formula (it starts with `=`, `+`, `-`, `@`, a tab or a carriage return) gets a leading `'`,
 * and so does one that already starts with `'`, so removing exactly one leading `'` always restores the text.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r']/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
