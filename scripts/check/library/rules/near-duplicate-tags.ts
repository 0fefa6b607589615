import { compareCodePoints } from '../../../core/diagnostic.ts';
import type { Finding } from '../../../core/facts.ts';
import { tagKey } from '../../../core/tag-key.ts';
import { collectedBy, type LibraryRule } from '../library-rule.ts';
import { tagInVocabulary } from './tag-in-vocabulary.ts';

/**
 * `tag/near-duplicate`, across personas: in a library without a vocabulary, tags that differ only in plural or
 * hyphenation (`design-system`, `design-systems`) split one tag page in two. Each persona carrying a spelling
 * other than the most used one is told which to use. (With a vocabulary, `tag/unknown` says the same, and the
 * vocabulary's own near-duplicates are reported in `tags.yaml`.)
 */
export const nearDuplicateTags: LibraryRule = {
  name: 'near-duplicate-tags',
  meta: { rule: 'tag/near-duplicate', fixable: false },
  // The tags `tag/unknown` collected: one copy of each persona's tags in its facts.
  check(entries, help) {
    if (help.vocabulary) return [];
    const uses = new Map<string, number>();
    for (const entry of entries)
      for (const tag of collectedBy(tagInVocabulary, entry) ?? []) uses.set(tag, (uses.get(tag) ?? 0) + 1);
    const spellings = new Map<string, string[]>();
    for (const tag of uses.keys()) {
      const key = tagKey(tag);
      const list = spellings.get(key);
      if (list) list.push(tag);
      else spellings.set(key, [tag]);
    }
    // The most used spelling of each key wins; a tie goes to the first in code-point order.
    const preferred = new Map<string, string>();
    for (const [key, tags] of spellings) {
      if (tags.length < 2) continue;
      const best = [...tags].sort(
        (a, b) => (uses.get(b) ?? 0) - (uses.get(a) ?? 0) || compareCodePoints(a, b),
      )[0];
      if (best !== undefined) preferred.set(key, best);
    }
    const out: Finding[] = [];
    for (const entry of entries)
      (collectedBy(tagInVocabulary, entry) ?? []).forEach((tag, index) => {
        const best = preferred.get(tagKey(tag));
        if (best === undefined || best === tag) return;
        const others = (spellings.get(tagKey(tag)) ?? []).filter((t) => t !== tag);
        out.push({
          file: entry.file,
          at: ['tags', index],
          rule: 'tag/near-duplicate',
          severity: 'warning',
          message: `The tag \`${tag}\` differs only in plural or hyphenation from ${others.map((t) => `\`${t}\``).join(', ')}, used by other personas.`,
          hint: `Did you mean \`${best}\`? One spelling keeps the personas on one tag page.`,
        });
      });
    return out;
  },
};
