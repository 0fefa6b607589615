import type { Diagnostic } from '../../core/diagnostic.ts';
import type { IndexedPersona, LibraryIndex } from '../library/library-index.ts';
import { reportSharedValues } from './report-shared-values.ts';

export function uniqueTitles(index: LibraryIndex): Diagnostic[] {
  // Titles clash regardless of case and surrounding spaces: readers would not tell them apart either.
  const byTitle = new Map<string, IndexedPersona[]>();
  for (const persona of index.personas) {
    if (persona.title === undefined) continue;
    const key = persona.title.trim().toLowerCase();
    byTitle.set(key, [...(byTitle.get(key) ?? []), persona]);
  }
  return reportSharedValues(index, byTitle.values(), {
    rule: 'lint/duplicate-title',
    key: 'title',
    severity: 'warning',
    message: (holder, others) => `The title "${holder.title}" is also used by ${others}.`,
    hint: 'Readers tell personas apart by title; make each one say what is distinctive about this persona.',
  });
}
