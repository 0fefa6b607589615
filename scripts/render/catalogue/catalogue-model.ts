import type { PersonaOutline } from '../../core/catalogue-persona.ts';
import { compareCodePoints } from '../../core/diagnostic.ts';
import { compareForReaders } from './compare-for-readers.ts';
import { headingAnchors } from './heading-anchors.ts';

export interface ProductGroup {
  product: string;
  personas: PersonaOutline[];
}

export interface TagGroup {
  tag: string;
  personas: PersonaOutline[];
}

/** The title of `tags.md`, whose headings the tags' anchors are made from. */
export const TAG_INDEX_TITLE = 'Tags';

/**
 * Everything the whole-library pages need, sorted once, so every page shows personas in the same order. It is
 * made of outlines only: no page listing many personas shows their content sections.
 */
export interface CatalogueModel {
  /** By product, then title. */
  personas: PersonaOutline[];
  bySlug: ReadonlyMap<string, PersonaOutline>;
  products: ProductGroup[];
  tags: TagGroup[];
  /** The `#anchor` of each tag's heading in `tags.md`, shared with every page that links to a tag. */
  tagAnchors: ReadonlyMap<string, string>;
  contributors: string[];
  confirmations: number;
}

export function compareByProductAndTitle(a: PersonaOutline, b: PersonaOutline): number {
  return (
    compareForReaders(a.product, b.product) ||
    compareForReaders(a.title, b.title) ||
    compareCodePoints(a.slug, b.slug)
  );
}

/** Exports are ordered by id, which never changes, so a renamed title doesn't move rows around. */
export function compareById(a: PersonaOutline, b: PersonaOutline): number {
  return compareForReaders(a.id, b.id) || compareCodePoints(a.slug, b.slug);
}

export function buildCatalogueModel(input: readonly PersonaOutline[]): CatalogueModel {
  const personas = [...input].sort(compareByProductAndTitle);
  const products = new Map<string, PersonaOutline[]>();
  const tags = new Map<string, PersonaOutline[]>();
  const contributors = new Set<string>();
  let confirmations = 0;
  for (const persona of personas) {
    push(products, persona.product, persona);
    for (const tag of persona.tags) push(tags, tag, persona);
    // GitHub logins are case-insensitive: Octocat and octocat are one contributor.
    for (const login of persona.community?.contributors ?? []) contributors.add(login.toLowerCase());
    confirmations += persona.community?.confirmations ?? 0;
  }
  const tagGroups = [...tags]
    .sort(([a], [b]) => compareForReaders(a, b))
    .map(([tag, group]) => ({ tag, personas: group }));
  const anchors = headingAnchors([TAG_INDEX_TITLE, ...tagGroups.map((t) => t.tag)]);
  return {
    personas,
    bySlug: new Map(personas.map((p) => [p.slug, p])),
    products: [...products].map(([product, group]) => ({ product, personas: group })),
    tags: tagGroups,
    tagAnchors: new Map(tagGroups.map((t, index) => [t.tag, anchors[index + 1] ?? `#${t.tag}`])),
    contributors: [...contributors].sort(compareForReaders),
    confirmations,
  };
}

function push<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
