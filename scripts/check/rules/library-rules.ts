import type { Diagnostic } from '../../core/diagnostic.ts';
import type { LibraryIndex } from '../library/library-index.ts';
import { linkTargetsExist } from './link-targets-exist.ts';
import { linksReciprocated } from './links-reciprocated.ts';
import { uniqueIds } from './unique-ids.ts';
import { uniqueSlugs } from './unique-slugs.ts';
import { uniqueTitles } from './unique-titles.ts';

export type LibraryRule = (index: LibraryIndex) => Diagnostic[];

/** Rules across personas; they read only the small index, never the files. */
export const LIBRARY_RULES: readonly LibraryRule[] = [
  uniqueIds,
  uniqueSlugs,
  uniqueTitles,
  linkTargetsExist,
  linksReciprocated,
];
