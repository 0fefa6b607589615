import { compareCodePoints } from '../../core/diagnostic.ts';
import type { CataloguePersona } from './catalogue-persona.ts';
import { compareForReaders } from './compare-for-readers.ts';

export interface ProductGroup {
  product: string;
  personas: CataloguePersona[];
}

export interface TagGroup {
  tag: string;
  personas: CataloguePersona[];
}

/** Everything the pages need, sorted once, so every page shows personas in the same order. */
export interface CatalogueModel {
  /** By product, then title. */
  personas: CataloguePersona[];
  bySlug: ReadonlyMap<string, CataloguePersona>;
  products: ProductGroup[];
  tags: TagGroup[];
  contributors: string[];
  confirmations: number;
}

export function compareByProductAndTitle(a: CataloguePersona, b: CataloguePersona): number {
  return (
    compareForReaders(a.product, b.product) ||
    compareForReaders(a.title, b.title) ||
    compareCodePoints(a.slug, b.slug)
  );
}

/** Exports are ordered by id, which never changes, so a renamed title doesn't move rows around. */
export function compareById(a: CataloguePersona, b: CataloguePersona): number {
  return compareForReaders(a.id, b.id) || compareCodePoints(a.slug, b.slug);
}

export function buildCatalogueModel(input: readonly CataloguePersona[]): CatalogueModel {
  const personas = [...input].sort(compareByProductAndTitle);
  const products = new Map<string, CataloguePersona[]>();
  const tags = new Map<string, CataloguePersona[]>();
  const contributors = new Set<string>();
  let confirmations = 0;
  for (const persona of personas) {
    push(products, persona.product, persona);
    for (const tag of persona.tags) push(tags, tag, persona);
    // GitHub logins are case-insensitive: Octocat and octocat are one contributor.
    for (const login of persona.community?.contributors ?? []) contributors.add(login.toLowerCase());
    confirmations += persona.community?.confirmations ?? 0;
  }
  return {
    personas,
    bySlug: new Map(personas.map((p) => [p.slug, p])),
    products: [...products].map(([product, group]) => ({ product, personas: group })),
    tags: [...tags]
      .sort(([a], [b]) => compareForReaders(a, b))
      .map(([tag, group]) => ({ tag, personas: group })),
    contributors: [...contributors].sort(compareForReaders),
    confirmations,
  };
}

function push<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
