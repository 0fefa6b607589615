import type { LibraryRule } from './library-rule.ts';
import { linkTargetsExist } from './rules/link-targets-exist.ts';
import { linksReciprocated } from './rules/links-reciprocated.ts';
import { nearDuplicateTags } from './rules/near-duplicate-tags.ts';
import { similarPersonas } from './rules/similar-personas.ts';
import { tagInVocabulary } from './rules/tag-in-vocabulary.ts';
import { uniqueIds } from './rules/unique-ids.ts';
import { uniqueSlugs } from './rules/unique-slugs.ts';
import { uniqueTitles } from './rules/unique-titles.ts';

/**
 * Rules across personas: one file each, one line here. They read only what they collected from each persona,
 * never the files.
 */
export const LIBRARY_RULES: readonly LibraryRule[] = [
  uniqueIds,
  uniqueSlugs,
  uniqueTitles,
  linkTargetsExist as LibraryRule,
  linksReciprocated as LibraryRule,
  similarPersonas as LibraryRule,
  tagInVocabulary as LibraryRule,
  nearDuplicateTags,
];

/** What every library rule collects from one persona's data, by rule name. */
export function collectForLibraryRules(data: Record<string, unknown> | null): Record<string, unknown> {
  const collected: Record<string, unknown> = {};
  if (!data) return collected;
  for (const rule of LIBRARY_RULES) if (rule.collect) collected[rule.name] = rule.collect(data);
  return collected;
}
