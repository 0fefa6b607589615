import { type Diagnostic, diagnostic } from '../../core/diagnostic.ts';
import type { LibraryIndex } from '../library/library-index.ts';

export function linksReciprocated(index: LibraryIndex): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const persona of index.personas) {
    if (persona.slug === undefined) continue;
    for (const link of persona.links) {
      const targets = index.bySlug.get(link.persona);
      if (targets?.length !== 1 || link.persona === persona.slug) continue;
      const target = targets[0];
      if (!target || target.links.some((back) => back.persona === persona.slug)) continue;
      out.push(
        diagnostic(
          persona.file,
          index.placeOf(persona, `composability.${link.index}.persona`),
          'link/not-reciprocated',
          `This persona links to \`${link.persona}\`, but \`${target.file}\` does not link back.`,
          `Add a composability link to \`${persona.slug}\` in \`${target.file}\`, or remove this one.`,
          'warning',
        ),
      );
    }
  }
  return out;
}
