import { type Diagnostic, diagnostic, START_OF_FILE } from '../../core/diagnostic.ts';
import type { LibraryIndex } from '../library/library-index.ts';

export function uniqueIds(index: LibraryIndex): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const [id, holders] of index.byId) {
    if (holders.length < 2) continue;
    for (const holder of holders) {
      const others = holders.filter((h) => h !== holder).map((h) => `\`${h.file}\``);
      out.push(
        diagnostic(
          holder.file,
          index.placeOf(holder, 'id'),
          'id/duplicate',
          `The id \`${id}\` is also used by ${others.join(', ')}.`,
          'Ids must be unique. Keep the id on the older persona; give the new one the next free id (`npx persona new` picks it).',
        ),
      );
    }
  }
  return out;
}
