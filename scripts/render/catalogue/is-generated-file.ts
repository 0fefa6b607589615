import { GENERATED_BANNER, GENERATED_NOTE } from './generated-banner.ts';
import { CSV_HEADER } from './personas-csv.ts';

/** Whether a file in the catalogue folder was written by `persona catalogue` (its banner, note or CSV header). */
export function isGeneratedFile(path: string, text: string): boolean {
  if (path.endsWith('.md')) return text.startsWith(`${GENERATED_BANNER}\n`);
  if (path.endsWith('.json')) return text.startsWith(`{\n  "$comment": ${JSON.stringify(GENERATED_NOTE)},`);
  if (path.endsWith('.csv')) return text.startsWith(`${CSV_HEADER}\n`);
  return false;
}
