import { type Diagnostic, diagnostic } from '../../core/diagnostic.ts';
import type { LibraryIndex } from '../library/library-index.ts';

export function linkTargetsExist(index: LibraryIndex): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const persona of index.personas) {
    for (const link of persona.links) {
      if (index.bySlug.has(link.persona)) continue;
      const byId = index.byId.get(link.persona)?.[0]?.slug;
      const match = byId ?? index.suggestSlug(link.persona);
      out.push(
        diagnostic(
          persona.file,
          index.placeOf(persona, `composability.${link.index}.persona`),
          'link/unknown-persona',
          `Composability link ${link.index + 1} points at \`${link.persona}\`, but no persona has that slug.`,
          byId
            ? `Links use slugs, not ids: did you mean \`${byId}\`?`
            : match
              ? `Did you mean \`${match}\`?`
              : 'Use the slug of an existing persona (its file name without `.yaml`), or remove the link.',
        ),
      );
    }
  }
  return out;
}
