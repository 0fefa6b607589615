import { Candidates, didYouMean, uniqueMatch } from '../../core/did-you-mean.ts';
import type { Finding, PersonaFacts } from '../../core/facts.ts';
import { contentHash } from '../../core/sha256.ts';
import type { TagVocabulary } from '../../core/tag-key.ts';
import type { LibraryEntry } from './library-rule.ts';
import { LIBRARY_RULES } from './library-rules.ts';

/**
 * A memo for suggestions, by a key that covers everything they are computed from (the accelerator keeps them
 * from one run to the next; the reference computes every one).
 */
export type SuggestionMemo = (key: string, compute: () => string | undefined) => string | undefined;

/**
 * The findings of every rule across personas, from what was collected of each, and the tag vocabulary when the
 * library has one: pure, no file read.
 */
export function checkPersonas(
  personas: readonly PersonaFacts[],
  vocabulary: TagVocabulary | null = null,
  memo: SuggestionMemo = (_key, compute) => compute(),
): Finding[] {
  const entries: LibraryEntry[] = personas
    .filter((p) => p.readable)
    .map(({ file, identity, collected }) => ({ file, identity, collected }));
  // Built on the first broken link only: comparing with every slug is the costly part of a suggestion.
  let slugs: { candidates: Candidates; key: string } | undefined;
  const allSlugs = () => {
    if (!slugs) {
      const all = entries.flatMap((e) => (e.identity.slug === undefined ? [] : [e.identity.slug]));
      slugs = { candidates: new Candidates(all), key: contentHash(JSON.stringify(all)) };
    }
    return slugs;
  };
  const help = {
    vocabulary,
    suggestSlug: (input: string) => {
      const { candidates, key } = allSlugs();
      return memo(`slug\0${key}\0${input}`, () => didYouMean(input, candidates));
    },
    uniqueSlug: (input: string) => {
      const { candidates, key } = allSlugs();
      return memo(`unique-slug\0${key}\0${input}`, () => uniqueMatch(input, candidates));
    },
  };
  return LIBRARY_RULES.flatMap((rule) => rule.check(entries, help));
}
