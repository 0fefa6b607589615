import type { ListItem } from 'mdast';
import type { CatalogueContext } from './catalogue-context.ts';
import type { CategoryGroup, TagGroup } from './catalogue-model.ts';
import { CATALOGUE_PATHS, relativeLink } from './catalogue-paths.ts';
import { count } from './index-page.ts';
import { type Listing, rememberedItems, serializeItems } from './listing.ts';
import type { MarkdownKit } from './markdown-kit.ts';
import { joined, link, paragraph, text, untrustedLine } from './mdast.ts';
import { personaCard } from './persona-card.ts';

/** `tags.md`: every tag with its description (from `tags.yaml`) and how many personas carry it. */
export function tagIndexListing(ctx: CatalogueContext, kit: MarkdownKit): Listing {
  const path = CATALOGUE_PATHS.tags;
  return {
    path,
    title: 'Tags',
    intro: (self) => [
      paragraph(
        text(`${count(ctx.model.tags.length)} tags across ${count(ctx.model.personas.length)} personas. `),
        link(relativeLink(self, CATALOGUE_PATHS.index), text('Back to the catalogue')),
      ),
    ],
    items: serializeItems(
      ctx.model.tags.map((group): ListItem => {
        const description = ctx.tagDescriptions[group.tag];
        return item([
          link(relativeLink(path, CATALOGUE_PATHS.tagPage(group.tag)), text(group.tag)),
          text(` (${count(group.personas.length)})`),
          ...(description ? [text(': '), untrustedLine(description)] : []),
        ]);
      }),
      kit,
    ),
  };
}

/** `_tags/<tag>.md`: one tag's description and the cards of its personas. */
export function tagListing(group: TagGroup, ctx: CatalogueContext, kit: MarkdownKit): Listing {
  const path = CATALOGUE_PATHS.tagPage(group.tag);
  const description = ctx.tagDescriptions[group.tag];
  return {
    path,
    title: `Tag: ${group.tag}`,
    intro: (self) => [
      ...(description ? [paragraph(untrustedLine(description))] : []),
      paragraph(
        text(`${count(group.personas.length)} of ${count(ctx.model.personas.length)} personas. `),
        link(relativeLink(self, CATALOGUE_PATHS.tags), text('All tags')),
        text(' · '),
        link(relativeLink(self, CATALOGUE_PATHS.index), text('Back to the catalogue')),
      ),
    ],
    items: cardsIn('_tags', group.personas, ctx, kit, path),
  };
}

/** `categories.md` lists every persona's title while that takes at most this many bytes. */
const CATEGORY_INDEX_BUDGET = 400_000;

/**
 * `categories.md`: every category with its personas' titles while that fits in one file, else each category
 * with its count; either way each links its own page, so together they link every persona.
 */
export function categoryIndexListing(ctx: CatalogueContext, kit: MarkdownKit): Listing {
  const path = CATALOGUE_PATHS.categories;
  const short = (group: CategoryGroup) => [
    link(relativeLink(path, CATALOGUE_PATHS.categoryPage(group.category)), text(group.category)),
    text(` (${count(group.personas.length)})`),
  ];
  // Each title link holds at least the title and the page's path: past the budget, don't even serialize them.
  let lowerBound = 0;
  for (const p of ctx.model.personas) lowerBound += p.title.length + p.product.length + p.slug.length;
  const full =
    lowerBound > CATEGORY_INDEX_BUDGET
      ? []
      : serializeItems(
          ctx.model.categories.map((group) =>
            item([
              ...short(group),
              text(': '),
              ...joined(
                group.personas.map((p) => [
                  link(
                    relativeLink(path, CATALOGUE_PATHS.personaPage(p.product, p.slug)),
                    untrustedLine(p.title),
                  ),
                ]),
                ', ',
              ),
            ]),
          ),
          kit,
        );
  const bytes = full.reduce((sum, text) => sum + Buffer.byteLength(text) + 1, 0);
  return {
    path,
    title: 'Categories',
    intro: (self) => [
      paragraph(
        text(
          `${count(ctx.model.categories.length)} categories across ${count(ctx.model.personas.length)} personas. `,
        ),
        link(relativeLink(self, CATALOGUE_PATHS.index), text('Back to the catalogue')),
      ),
    ],
    items:
      full.length > 0 && bytes <= CATEGORY_INDEX_BUDGET
        ? full
        : serializeItems(
            ctx.model.categories.map((g) => item(short(g))),
            kit,
          ),
  };
}

/** `_categories/<category>.md`: the cards of one category's personas. */
export function categoryListing(group: CategoryGroup, ctx: CatalogueContext, kit: MarkdownKit): Listing {
  const path = CATALOGUE_PATHS.categoryPage(group.category);
  return {
    path,
    title: `Category: ${group.category}`,
    intro: (self) => [
      paragraph(
        text(`${count(group.personas.length)} of ${count(ctx.model.personas.length)} personas. `),
        link(relativeLink(self, CATALOGUE_PATHS.categories), text('All categories')),
        text(' · '),
        link(relativeLink(self, CATALOGUE_PATHS.index), text('Back to the catalogue')),
      ),
    ],
    items: cardsIn('_categories', group.personas, ctx, kit, path),
  };
}

/** The cards of `personas` for a page in `folder` (every page there shows the same card for a persona). */
function cardsIn(
  folder: string,
  personas: TagGroup['personas'],
  ctx: CatalogueContext,
  kit: MarkdownKit,
  path: string,
): string[] {
  return rememberedItems(
    ctx.model,
    kit,
    folder,
    personas.map((p) => p.slug),
    (slug) => personaCard(path, ctx.model.bySlug.get(slug) as TagGroup['personas'][number]),
  );
}

function item(children: Parameters<typeof paragraph>): ListItem {
  return { type: 'listItem', spread: false, children: [paragraph(...children)] };
}
