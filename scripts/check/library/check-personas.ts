import { Candidates, didYouMean } from '../../core/did-you-mean.ts';
import type { Finding, PersonaFacts } from '../../core/facts.ts';
import type { TagVocabulary } from '../../core/tag-key.ts';
import type { LibraryEntry } from './library-rule.ts';
import { LIBRARY_RULES } from './library-rules.ts';

/**
 * The findings of every rule across personas, from what was collected of each, and the tag vocabulary when the
 * library has one: pure, no file read.
 */
export function checkPersonas(
  personas: readonly PersonaFacts[],
  vocabulary: TagVocabulary | null = null,
): Finding[] {
  const entries: LibraryEntry[] = personas
    .filter((p) => p.readable)
    .map(({ file, identity, collected }) => ({ file, identity, collected }));
  // Built on the first broken link only: comparing with every slug is the costly part of a suggestion.
  let slugs: Candidates | undefined;
  const help = {
    vocabulary,
    suggestSlug: (input: string) => {
      slugs ??= new Candidates(
        entries.flatMap((e) => (e.identity.slug === undefined ? [] : [e.identity.slug])),
      );
      return didYouMean(input, slugs);
    },
  };
  return LIBRARY_RULES.flatMap((rule) => rule.check(entries, help));
}
