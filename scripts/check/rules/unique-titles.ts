import { type Diagnostic, diagnostic, START_OF_FILE } from '../../core/diagnostic.ts';
import type { IndexedPersona, LibraryIndex } from '../library/library-index.ts';

export function uniqueTitles(index: LibraryIndex): Diagnostic[] {
  const byTitle = new Map<string, IndexedPersona[]>();
  for (const persona of index.personas) {
    if (persona.title === undefined) continue;
    const key = persona.title.trim().toLowerCase();
    byTitle.set(key, [...(byTitle.get(key) ?? []), persona]);
  }
  const out: Diagnostic[] = [];
  for (const holders of byTitle.values()) {
    if (holders.length < 2) continue;
    for (const holder of holders) {
      const others = holders.filter((h) => h !== holder).map((h) => `\`${h.file}\``);
      out.push(
        diagnostic(
          holder.file,
          index.placeOf(holder, 'title'),
          'lint/duplicate-title',
          `The title "${holder.title}" is also used by ${others.join(', ')}.`,
          'Readers tell personas apart by title; make each one say what is distinctive about this persona.',
          'warning',
        ),
      );
    }
  }
  return out;
}
