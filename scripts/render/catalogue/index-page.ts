import type { PhrasingContent, Root, RootContent } from 'mdast';
import type { PersonaOutline } from '../../core/catalogue-persona.ts';
import type { CatalogueContext } from './catalogue-context.ts';
import type { ProductGroup } from './catalogue-model.ts';
import { CATALOGUE_PATHS, relativeLink } from './catalogue-paths.ts';
import { bannerNode } from './generated-banner.ts';
import { headingAnchors } from './heading-anchors.ts';
import { type Listing, rememberedItems } from './listing.ts';
import type { MarkdownKit } from './markdown-kit.ts';
import { bulletList, heading, joined, link, list, paragraph, root, strong, text } from './mdast.ts';
import { personaCard } from './persona-card.ts';

export const INDEX_TITLE = 'Persona Library';
const PRODUCTS_HEADING = 'Products';

/**
 * `README.md`, which GitHub shows when someone opens the catalogue folder: what the library is, its counts,
 * where to go next, and every product's cards. With `split`, the cards move to `<product>/README.md`.
 */
export function indexPage(ctx: CatalogueContext, split: boolean): Root {
  const self = CATALOGUE_PATHS.index;
  const { model } = ctx;
  const anchors = headingAnchors([INDEX_TITLE, PRODUCTS_HEADING, ...model.products.map((g) => g.product)]);
  const children: RootContent[] = [
    bannerNode(),
    heading(1, text(INDEX_TITLE)),
    paragraph(
      text(
        'UX personas for real products: who uses them, what they want, and what would make them leave. ' +
          'Every field of every persona can be confirmed, corrected or extended by the people it describes, ' +
          'and each page shows how much of it the community has reviewed.',
      ),
    ),
    paragraph(
      ...joined(
        [
          [strong(text(count(model.personas.length))), text(' personas')],
          [strong(text(count(model.products.length))), text(' products')],
          [strong(text(count(model.contributors.length))), text(' contributors')],
          [strong(text(count(model.confirmations))), text(' confirmations')],
        ],
        ' · ',
      ),
    ),
    paragraph(
      text('Browse by '),
      link(relativeLink(self, CATALOGUE_PATHS.categories), text('category')),
      text(' or '),
      link(relativeLink(self, CATALOGUE_PATHS.tags), text('tag')),
      text(', see how personas relate in the '),
      link(relativeLink(self, CATALOGUE_PATHS.graph), text('relationship graph')),
      text(', find the '),
      link(relativeLink(self, CATALOGUE_PATHS.freshness), text('fields that need review')),
      text(', or download everything as '),
      ...exportLinks(self, ctx),
      text('.'),
    ),
    heading(2, text(PRODUCTS_HEADING)),
    bulletList(
      model.products.map((group, index) => [
        link(
          split
            ? relativeLink(self, CATALOGUE_PATHS.productIndex(group.product))
            : (anchors[index + 2] ?? ''),
          text(group.product),
        ),
        text(` (${count(group.personas.length)})`),
      ]),
    ),
  ];
  if (split) {
    children.push(
      paragraph(
        text('The library is large, so each product lists its personas on its own page (linked above).'),
      ),
    );
  } else {
    for (const group of model.products)
      children.push(heading(2, text(group.product)), {
        ...list([]),
        children: group.personas.map((persona) => personaCard(self, persona)),
      });
  }
  return root(children);
}

/** `<product>/README.md`: the product's cards, shown when someone opens the product's folder. */
export function productListing(group: ProductGroup, ctx: CatalogueContext, kit: MarkdownKit): Listing {
  const path = CATALOGUE_PATHS.productIndex(group.product);
  return {
    path,
    title: group.product,
    intro: (self) => [
      paragraph(
        text(`${count(group.personas.length)} of ${count(ctx.model.personas.length)} personas. `),
        link(relativeLink(self, CATALOGUE_PATHS.index), text('Back to the catalogue')),
        text(' · '),
        link(relativeLink(self, graphOf(group, ctx)), text('Relationship graph')),
      ),
    ],
    items: rememberedItems(
      ctx.model,
      kit,
      group.product,
      group.personas.map((p) => p.slug),
      (slug) => personaCard(path, ctx.model.bySlug.get(slug) as PersonaOutline),
    ),
  };
}

function graphOf(group: ProductGroup, ctx: CatalogueContext): string {
  return ctx.layout.graph === 'product-files'
    ? CATALOGUE_PATHS.productGraph(group.product)
    : CATALOGUE_PATHS.graph;
}

function exportLinks(self: string, ctx: CatalogueContext): PhrasingContent[] {
  if (ctx.layout.splitExports)
    return [
      link(relativeLink(self, CATALOGUE_PATHS.json), text('JSON')),
      text(' (split by product; the file lists the parts, in JSON and CSV)'),
    ];
  return [
    link(relativeLink(self, CATALOGUE_PATHS.json), text('JSON')),
    text(' or '),
    link(relativeLink(self, CATALOGUE_PATHS.csv), text('CSV')),
  ];
}

export function count(n: number): string {
  return n.toLocaleString('en-US');
}
