import type { PersonaOutline } from '../../core/catalogue-persona.ts';
import { compareCodePoints } from '../../core/diagnostic.ts';
import { compareForReaders } from './compare-for-readers.ts';

export interface ProductGroup {
  product: string;
  personas: PersonaOutline[];
}

export interface TagGroup {
  tag: string;
  personas: PersonaOutline[];
}

export interface CategoryGroup {
  category: string;
  personas: PersonaOutline[];
}

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
  categories: CategoryGroup[];
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
  const categories = new Map<string, PersonaOutline[]>();
  const contributors = new Set<string>();
  let confirmations = 0;
  for (const persona of personas) {
    push(products, persona.product, persona);
    push(categories, persona.category, persona);
    for (const tag of persona.tags) push(tags, tag, persona);
    // GitHub logins are case-insensitive: Octocat and octocat are one contributor.
    for (const login of persona.community?.contributors ?? []) contributors.add(login.toLowerCase());
    confirmations += persona.community?.confirmations ?? 0;
  }
  const tagGroups = [...tags]
    .sort(([a], [b]) => compareForReaders(a, b))
    .map(([tag, group]) => ({ tag, personas: group }));
  return {
    personas,
    bySlug: new Map(personas.map((p) => [p.slug, p])),
    products: [...products].map(([product, group]) => ({ product, personas: group })),
    tags: tagGroups,
    categories: [...categories]
      .sort(([a], [b]) => compareForReaders(a, b))
      .map(([category, group]) => ({ category, personas: group })),
    contributors: [...contributors].sort(compareForReaders),
    confirmations,
  };
}

function push<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
