import path from 'node:path';

/**
 * Where everything lives inside the catalogue folder. Products, slugs, tags and categories are kebab-case and
 * every slug starts with `<product>-`, so `README.md`, `graph.md` and the `_tags/` and `_categories/` folders can
 * never collide with a persona page, and a part's `.part-<n>` (a dot no kebab-case name has) never collides with
 * another page.
 */
export const CATALOGUE_PATHS = {
  index: 'README.md',
  tags: 'tags.md',
  categories: 'categories.md',
  graph: 'graph.md',
  freshness: 'freshness.md',
  json: 'personas.json',
  csv: 'personas.csv',
  productIndex: (product: string) => `${product}/README.md`,
  productGraph: (product: string) => `${product}/graph.md`,
  personaPage: (product: string, slug: string) => `${product}/${slug}.md`,
  personaExport: (product: string, slug: string) => `${product}/${slug}.json`,
  tagPage: (tag: string) => `_tags/${tag}.md`,
  categoryPage: (category: string) => `_categories/${category}.md`,
  productExport: (product: string, part: number, extension: 'json' | 'csv') =>
    `${product}/personas${part > 1 ? `-${part}` : ''}.${extension}`,
} as const;

/** Part `n` (1-based) of a page split into numbered parts: the page itself, then `<name>.part-<n>.md`. */
export function partPath(page: string, n: number): string {
  return n <= 1 ? page : page.replace(/\.md$/, `.part-${n}.md`);
}

/**
 * Stands in for the catalogue folder's real location: `path.posix.relative` resolves relative paths against the
 * working directory, which would leak into links that climb out of the catalogue (`../personas/…`).
 */
const VIRTUAL_ROOT = `/${Array.from({ length: 32 }, () => '_').join('/')}`;

/** Folder of `from` → target → link: pages in one folder share their links, and `path.relative` is slow. */
const LINKS = new Map<string, Map<string, string>>();
const MAX_REMEMBERED_FOLDERS = 4096;

/** A relative link from one catalogue file to another (both relative to the catalogue folder; `to` may climb out). */
export function relativeLink(from: string, to: string): string {
  const folder = path.posix.dirname(from);
  let links = LINKS.get(folder);
  if (!links) {
    if (LINKS.size >= MAX_REMEMBERED_FOLDERS) LINKS.clear();
    links = new Map();
    LINKS.set(folder, links);
  }
  let link = links.get(to);
  if (link === undefined) {
    link = computeRelativeLink(folder, to);
    if (links.size < 100_000) links.set(to, link);
  }
  return link;
}

function computeRelativeLink(folder: string, to: string): string {
  const relative = path.posix.relative(
    path.posix.join(VIRTUAL_ROOT, folder),
    path.posix.join(VIRTUAL_ROOT, to),
  );
  return relative === '' ? path.posix.basename(to) : relative;
}

/** A relative link from a catalogue file to a file of the library, e.g. a persona's YAML source. */
export function linkToLibraryFile(from: string, libraryFile: string, rootFromCatalogue: string): string {
  return relativeLink(from, path.posix.join(rootFromCatalogue, libraryFile));
}
