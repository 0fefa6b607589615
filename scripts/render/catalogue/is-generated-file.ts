import { GENERATED_BANNER, GENERATED_NOTE } from './generated-banner.ts';
import { CSV_HEADER } from './personas-csv.ts';

/**
 * Whether a file in the catalogue folder was written by `persona catalogue`: its banner, note or CSV header, or,
 * for a persona's own export (`<product>/<slug>.json`, shaped exactly like one entry of `personas.json`, so it
 * has no room for a note), its first two keys: an `APP-` id and the slug its name is made of.
 */
export function isGeneratedFile(path: string, text: string): boolean {
  if (path.endsWith('.md')) return text.startsWith(`${GENERATED_BANNER}\n`);
  if (path.endsWith('.json'))
    return (
      text.startsWith(`{\n  "$comment": ${JSON.stringify(GENERATED_NOTE)},`) ||
      new RegExp(`^\\{\\n  "id": "APP-[0-9]+",\\n  "slug": "${slugOf(path)}",\\n`).test(text)
    );
  if (path.endsWith('.csv')) return text.startsWith(`${CSV_HEADER}\n`);
  return false;
}

/** The slug a persona export's name is made of, or a pattern that matches nothing. */
function slugOf(path: string): string {
  const name = /(?:^|\/)([a-z0-9]+(?:-[a-z0-9]+)*)\.json$/.exec(path)?.[1];
  return name ?? '(?!)';
}
