import { type Diagnostic, diagnostic, START_OF_FILE } from '../../core/diagnostic.ts';
import type { LibraryIndex } from '../library/library-index.ts';

export function uniqueSlugs(index: LibraryIndex): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const [slug, holders] of index.bySlug) {
    if (holders.length < 2) continue;
    for (const holder of holders) {
      const others = holders.filter((h) => h !== holder).map((h) => `\`${h.file}\``);
      out.push(
        diagnostic(
          holder.file,
          index.placeOf(holder, 'slug'),
          'slug/duplicate',
          `The slug \`${slug}\` is also used by ${others.join(', ')}.`,
          'Slugs must be unique across products. Choose a more specific slug and rename the file to match.',
        ),
      );
    }
  }
  return out;
}
