import { readFileSync, writeFileSync } from 'node:fs';

/**
 * Rewrites the results of a result-store file (see scripts/accel/result-store.ts): `edit` gets each result's id
 * (`<kind>\0<key>`) and parsed value, and returns the value to store instead (or the same one).
 */
export function editStoredResults(file: string, edit: (id: string, value: unknown) => unknown): void {
  const lines = readFileSync(file, 'utf8').split('\n');
  const edited = lines.map((line) => {
    if (!line.startsWith('R')) return line;
    const tab = line.indexOf('\t');
    const id = JSON.parse(line.slice(1, tab)) as string;
    return `R${JSON.stringify(id)}\t${JSON.stringify(edit(id, JSON.parse(line.slice(tab + 1))))}`;
  });
  writeFileSync(file, edited.join('\n'));
}
