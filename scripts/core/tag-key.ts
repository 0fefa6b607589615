/**
 * What two spellings of one tag share: its words in lower case without separators, each in the singular.
 * `design-systems`, `design-system`, `Design System` and `designsystem` all give `designsystem`; `on-call`,
 * `On_Call` and `oncall` give `oncall` (a tag that is not kebab-case still gets its vocabulary spelling).
 */
export function tagKey(tag: string): string {
  return tag
    .toLowerCase()
    .split(/[-_\s]+/)
    .map(singular)
    .join('');
}

function singular(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 4 && /(?:ss|sh|ch|x|z)es$/.test(word)) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !/(?:ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

/** The tag vocabulary as the rules see it: every tag, and each tag by its key (`tagKey`). */
export interface TagVocabulary {
  tags: ReadonlySet<string>;
  byKey: ReadonlyMap<string, string>;
}

export function tagVocabulary(tags: Iterable<string>): TagVocabulary {
  const set = new Set(tags);
  const byKey = new Map<string, string>();
  for (const tag of set) if (!byKey.has(tagKey(tag))) byKey.set(tagKey(tag), tag);
  return { tags: set, byKey };
}
