import type { BlockContent, ListItem, RootContent } from 'mdast';
import { byteLength, MAX_CATALOGUE_FILE_BYTES } from './catalogue-limits.ts';
import type { CatalogueModel } from './catalogue-model.ts';
import { partPath, relativeLink } from './catalogue-paths.ts';
import { bannerNode } from './generated-banner.ts';
import type { MarkdownKit } from './markdown-kit.ts';
import { heading, joined, link, list, paragraph, root, text } from './mdast.ts';
import type { CatalogueFile } from './pages/page-type.ts';

/** A page that lists items (cards, tags, fields), split into numbered parts when one file would be too large. */
export interface Listing {
  /** The first part's path; part n is `partPath(path, n)`. */
  path: string;
  title: string;
  /** Blocks between the title and the list, on every part, made for the part's own path. */
  intro: (self: string) => BlockContent[];
  /**
   * The list items as serialized (`serializeItems`, `rememberedItems`), each made for the folder the parts
   * share.
   */
  items: readonly string[];
  /** Said instead of the list when there are no items. */
  empty?: string;
  /**
   * What separates two items: a line break between the items of one list (the default), a blank line between
   * top-level blocks (charts).
   */
  join?: '\n' | '\n\n';
}

/** Room left in each part for what the estimate of its size cannot see; the writer still checks every file. */
const PART_BUDGET = Math.floor(MAX_CATALOGUE_FILE_BYTES * 0.95);

/**
 * The listing as one file, or as numbered parts that each stay under the size cap. Each item is serialized once
 * (one list item is always written the same way, whatever its neighbours), so the parts are cut by exact sizes
 * and their text is the header and their items joined, exactly as serializing each part's tree whole.
 */
export function listingFiles(listing: Listing, kit: MarkdownKit): CatalogueFile[] {
  const { items } = listing;
  const join = listing.join ?? '\n';
  const headerOf = (n: number, of: number) => kit.serialize(root(listingHeader(listing, n, of)));
  if (items.length === 0)
    return [
      {
        path: listing.path,
        parts: [
          kit.serialize(root([...listingHeader(listing, 1, 1), paragraph(text(listing.empty ?? 'None.'))])),
        ],
      },
    ];
  // The header grows with the number of parts (its links to the others), so cut, measure it, and cut again
  // until the count settles; it only ever grows, so this ends.
  let parts = cut(items, PART_BUDGET - byteLength(headerOf(1, 1)), join.length);
  for (;;) {
    const widest = Math.max(...parts.map((_, index) => byteLength(headerOf(index + 1, parts.length))));
    const again = cut(items, PART_BUDGET - widest, join.length);
    if (again.length === parts.length) {
      parts = again;
      break;
    }
    parts = again;
  }
  let start = 0;
  return parts.map((size, index) => {
    const slice = items.slice(start, start + size);
    start += size;
    return {
      path: partPath(listing.path, index + 1),
      parts: [headerOf(index + 1, parts.length), '\n', slice.join(join), '\n'],
    };
  });
}

/** The blocks above the list of part `n` of `of`: banner, title, the links between parts, the intro. */
export function listingHeader(listing: Listing, n: number, of: number): RootContent[] {
  const self = partPath(listing.path, n);
  const out: RootContent[] = [
    bannerNode(),
    heading(1, text(of > 1 ? `${listing.title} (part ${n} of ${of})` : listing.title)),
  ];
  if (of > 1)
    out.push(
      paragraph(
        text('Parts: '),
        ...joined(
          Array.from({ length: of }, (_, index) =>
            index + 1 === n
              ? [text(String(index + 1))]
              : [link(relativeLink(self, partPath(listing.path, index + 1)), text(String(index + 1)))],
          ),
          ' · ',
        ),
      ),
    );
  out.push(...listing.intro(self));
  return out;
}

/** Each item as the list would write it, without its line break: `- …`. */
export function serializeItems(items: readonly ListItem[], kit: MarkdownKit): string[] {
  return items.map((item) => {
    const written = kit.serialize(root([{ ...list([]), children: [item] }]));
    return written.endsWith('\n') ? written.slice(0, -1) : written;
  });
}

/** Consecutive runs of items whose texts (and the line breaks between them) stay within `budget`, as lengths. */
function cut(items: readonly string[], budget: number, separator: number): number[] {
  const runs: number[] = [];
  let count = 0;
  let size = 0;
  for (const item of items) {
    const bytes = byteLength(item) + separator;
    if (count > 0 && size + bytes > budget) {
      runs.push(count);
      count = 0;
      size = 0;
    }
    count++;
    size += bytes;
  }
  if (count > 0) runs.push(count);
  return runs;
}

/** Serialized cards remembered per model, kit and folder: every tag page in `_tags/` shows the same card. */
const CARDS = new WeakMap<CatalogueModel, Map<MarkdownKit, Map<string, Map<string, string>>>>();

/** `make(slug)`'s serialization for pages in `folder`, made once per model, kit and folder. */
export function rememberedItems(
  model: CatalogueModel,
  kit: MarkdownKit,
  folder: string,
  slugs: readonly string[],
  make: (slug: string) => ListItem,
): string[] {
  let byKit = CARDS.get(model);
  if (!byKit) {
    byKit = new Map();
    CARDS.set(model, byKit);
  }
  let byFolder = byKit.get(kit);
  if (!byFolder) {
    byFolder = new Map();
    byKit.set(kit, byFolder);
  }
  let cards = byFolder.get(folder);
  if (!cards) {
    cards = new Map();
    byFolder.set(folder, cards);
  }
  return slugs.map((slug) => {
    let card = (cards as Map<string, string>).get(slug);
    if (card === undefined) {
      [card] = serializeItems([make(slug)], kit) as [string];
      (cards as Map<string, string>).set(slug, card);
    }
    return card;
  });
}
