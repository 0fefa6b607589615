import { didYouMean } from '../../../core/did-you-mean.ts';
import type { Finding } from '../../../core/facts.ts';
import { TAG_VOCABULARY_FILE } from '../../../core/persona-fields.ts';
import { tagKey } from '../../../core/tag-key.ts';
import { collectedBy, type LibraryRule } from '../library-rule.ts';
import { tagsOf } from './tags-of.ts';

/**
 * `tag/unknown`: with a vocabulary (`tags.yaml`), every tag of every persona is one of its tags. Suggests the
 * vocabulary's spelling of the same tag (plural, hyphenation) first, then the closest tag.
 */
export const tagInVocabulary: LibraryRule<string[]> = {
  name: 'tag-in-vocabulary',
  meta: { rule: 'tag/unknown', fixable: false },
  collect: tagsOf,
  check(entries, help) {
    const vocabulary = help.vocabulary;
    if (!vocabulary) return [];
    const out: Finding[] = [];
    for (const entry of entries)
      (collectedBy(tagInVocabulary, entry) ?? []).forEach((tag, index) => {
        if (vocabulary.tags.has(tag)) return;
        const match = vocabulary.byKey.get(tagKey(tag)) ?? didYouMean(tag, vocabulary.tags);
        out.push({
          file: entry.file,
          at: ['tags', index],
          rule: 'tag/unknown',
          severity: 'warning',
          message: `The tag \`${tag}\` is not in the vocabulary (\`${TAG_VOCABULARY_FILE}\`).`,
          hint: match
            ? `Did you mean \`${match}\`?`
            : `Use a tag from \`${TAG_VOCABULARY_FILE}\`, or add this one there with a one-line description of the personas it groups.`,
        });
      });
    return out;
  },
};
