import { Candidates, didYouMean } from '../../core/did-you-mean.ts';
import type { Finding, PersonaFacts } from '../../core/facts.ts';
import type { GroupMemo, LibraryEntry, SuggestionMemo } from './library-rule.ts';
import { LIBRARY_RULES } from './library-rules.ts';

/**
 * The findings of every rule across personas, from what was collected of each: pure, no file read. A resident
 * run (the accelerator's session) may pass memos, which change nothing but the cost: with `groups`, a grouped
 * rule is checked group by group, and a group whose entries did not change is not checked again (such a rule's
 * findings over the library are those over each group); with `suggestions`, a "did you mean" slug is computed
 * once for as long as the library's slugs stay the same.
 */
export function checkPersonas(
  personas: readonly PersonaFacts[],
  options: { groups?: GroupMemo; suggestions?: SuggestionMemo } = {},
): Finding[] {
  const entries: LibraryEntry[] = personas
    .filter((p) => p.readable)
    .map(({ file, identity, collected }) => ({ file, identity, collected }));
  const slugList = entries.flatMap((e) => (e.identity.slug === undefined ? [] : [e.identity.slug]));
  const known = options.suggestions?.forSlugs(slugList);
  // Built on the first broken link only: comparing with every slug is the costly part of a suggestion.
  let slugs: Candidates | undefined;
  const help = {
    suggestSlug: (input: string) => {
      if (known?.has(input)) return known.get(input);
      slugs ??= new Candidates(slugList);
      const suggestion = didYouMean(input, slugs);
      known?.set(input, suggestion);
      return suggestion;
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
