import { Candidates, didYouMean, uniqueMatch } from '../../core/did-you-mean.ts';
import type { Finding, PersonaFacts } from '../../core/facts.ts';
import { contentHash } from '../../core/sha256.ts';
import type { TagVocabulary } from '../../core/tag-key.ts';
import type { GroupMemo, LibraryEntry } from './library-rule.ts';
import { LIBRARY_RULES } from './library-rules.ts';

/**
 * A memo for suggestions, by a key that covers everything they are computed from (the accelerator keeps them
 * from one run to the next, and a resident session from one round to the next; the reference computes every
 * one).
 */
export type SuggestionMemo = (key: string, compute: () => string | undefined) => string | undefined;

/**
 * The findings of every rule across personas, from what was collected of each, and the tag vocabulary when the
 * library has one: pure, no file read. Memos change nothing but the cost: with `groups`, a grouped rule is
 * checked group by group, and a group whose entries did not change is not checked again (such a rule's findings
 * over the library are those over each group); with `suggestions`, a "did you mean" is computed once for as
 * long as the library's slugs stay the same.
 */
export function checkPersonas(
  personas: readonly PersonaFacts[],
  options: { vocabulary?: TagVocabulary | null; groups?: GroupMemo; suggestions?: SuggestionMemo } = {},
): Finding[] {
  const entries: LibraryEntry[] = personas
    .filter((p) => p.readable)
    .map(({ file, identity, collected }) => ({ file, identity, collected }));
  const memo: SuggestionMemo = options.suggestions ?? ((_key, compute) => compute());
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
    vocabulary: options.vocabulary ?? null,
    suggestSlug: (input: string) => {
      const { candidates, key } = allSlugs();
      return memo(`slug\0${key}\0${input}`, () => didYouMean(input, candidates));
    },
    uniqueSlug: (input: string) => {
      const { candidates, key } = allSlugs();
      return memo(`unique-slug\0${key}\0${input}`, () => uniqueMatch(input, candidates));
    },
  };
  const { groups } = options;
  return LIBRARY_RULES.flatMap((rule) => {
    if (!groups || !rule.groupOf) return rule.check(entries, help);
    const byGroup = new Map<string, LibraryEntry[]>();
    for (const entry of entries) {
      const group = rule.groupOf(entry);
      if (group === undefined) continue;
      const members = byGroup.get(group);
      if (members) members.push(entry);
      else byGroup.set(group, [entry]);
    }
    return [...byGroup].flatMap(([group, members]) =>
      groups.findings(rule.name, group, members, () => rule.check(members, help)),
    );
  });
}
