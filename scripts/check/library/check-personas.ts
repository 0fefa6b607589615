import { Candidates, didYouMean, uniqueMatch } from '../../core/did-you-mean.ts';
import type { Finding, PersonaFacts } from '../../core/facts.ts';
import type { LibraryEntry } from './library-rule.ts';
import { LIBRARY_RULES } from './library-rules.ts';

/** The findings of every rule across personas, from what was collected of each: pure, no file read. */
export function checkPersonas(personas: readonly PersonaFacts[]): Finding[] {
  const entries: LibraryEntry[] = personas
    .filter((p) => p.readable)
    .map(({ file, identity, collected }) => ({ file, identity, collected }));
  // Built on the first broken link only: comparing with every slug is the costly part of a suggestion.
  let slugs: Candidates | undefined;
  const allSlugs = () => {
    slugs ??= new Candidates(
      entries.flatMap((e) => (e.identity.slug === undefined ? [] : [e.identity.slug])),
    );
    return slugs;
  };
  const help = {
    suggestSlug: (input: string) => didYouMean(input, allSlugs()),
    uniqueSlug: (input: string) => uniqueMatch(input, allSlugs()),
  };
  return LIBRARY_RULES.flatMap((rule) => rule.check(entries, help));
}
