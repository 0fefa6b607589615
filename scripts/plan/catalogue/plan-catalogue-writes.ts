import { GENERATED_BANNER, GENERATED_NOTE } from '../../render/catalogue/generated-banner.ts';
import { CSV_HEADER } from '../../render/catalogue/personas-csv.ts';

/** Whether a file in the catalogue folder was written by `persona catalogue` (its banner, note or CSV header). */
export function isGeneratedFile(path: string, text: string): boolean {
  if (path.endsWith('.md')) return text.startsWith(`${GENERATED_BANNER}\n`);
  if (path.endsWith('.json')) return text.startsWith(`{\n  "$comment": ${JSON.stringify(GENERATED_NOTE)},`);
  if (path.endsWith('.csv')) return text.startsWith(`${CSV_HEADER}\n`);
  return false;
}

/** 1-based number of the first line where `a` and `b` differ. */
export function firstDifferentLine(a: string, b: string): number {
  const left = a.split('\n');
  const right = b.split('\n');
  let line = 0;
  while (line < left.length && line < right.length && left[line] === right[line]) line++;
  return line + 1;
}
