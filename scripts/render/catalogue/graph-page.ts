import type { Code, Root, RootContent } from 'mdast';
import type { CatalogueContext, GraphMode } from './catalogue-context.ts';
import type { CatalogueModel, ProductGroup } from './catalogue-model.ts';
import { CATALOGUE_PATHS, relativeLink } from './catalogue-paths.ts';
import { bannerNode } from './generated-banner.ts';
import type { Listing } from './listing.ts';
import type { MarkdownKit } from './markdown-kit.ts';
import { bulletList, code, heading, link, paragraph, root, text } from './mdast.ts';
import {
  type Chart,
  mermaidChart,
  productCharts,
  type RelationshipEdge,
  relationshipEdges,
} from './mermaid-flowchart.ts';

export type { GraphMode };

/** `graph.md`: one section per product, each with its charts drawn top to bottom. */
export function graphPage(ctx: CatalogueContext): Root {
  const self = CATALOGUE_PATHS.graph;
  const children: RootContent[] = [bannerNode(), heading(1, text('Relationship graph')), legend(self, ctx)];
  for (const group of ctx.model.products)
    children.push(heading(2, text(group.product)), ...chartsOf(group, ctx.model).map(chartBlock));
  return root(children);
}

/** `graph.md` when the sections would make it too large: a list of `<product>/graph.md`. */
export function graphDirectoryPage(ctx: CatalogueContext): Root {
  const self = CATALOGUE_PATHS.graph;
  return root([
    bannerNode(),
    heading(1, text('Relationship graph')),
    legend(self, ctx),
    paragraph(text('The library is large, so each product has its graph on its own page.')),
    bulletList(
      ctx.model.products.map((g) => [
        link(relativeLink(self, CATALOGUE_PATHS.productGraph(g.product)), text(g.product)),
        text(` (${g.personas.length.toLocaleString('en-US')})`),
      ]),
    ),
  ]);
}

/** `<product>/graph.md` (and its numbered parts): the product's charts. */
export function productGraphListing(group: ProductGroup, ctx: CatalogueContext, kit: MarkdownKit): Listing {
  return {
    path: CATALOGUE_PATHS.productGraph(group.product),
    title: `Relationship graph: ${group.product}`,
    intro: (self) => [legend(self, ctx)],
    items: chartsOf(group, ctx.model).map((chart) => {
      const written = kit.serialize(root([chartBlock(chart)]));
      return written.endsWith('\n') ? written.slice(0, -1) : written;
    }),
    join: '\n\n',
  };
}

function chartBlock(chart: Chart): Code {
  return code('mermaid', mermaidChart(chart));
}

interface ModelEdges {
  /** Product → the edges touching it, in page order of their `from` end. */
  byProduct: Map<string, RelationshipEdge[]>;
}

/** A large library has hundreds of product graphs; its edges are found once, not once per product. */
const EDGES = new WeakMap<CatalogueModel, ModelEdges>();
const CHARTS = new WeakMap<CatalogueModel, Map<string, Chart[]>>();

function edgesOf(model: CatalogueModel): ModelEdges {
  const known = EDGES.get(model);
  if (known) return known;
  const byProduct = new Map<string, RelationshipEdge[]>();
  for (const edge of relationshipEdges(model.personas))
    for (const product of new Set([edge.from.product, edge.to.product])) {
      const list = byProduct.get(product);
      if (list) list.push(edge);
      else byProduct.set(product, [edge]);
    }
  const edges = { byProduct };
  EDGES.set(model, edges);
  return edges;
}

/** The product's charts (see `productCharts`), made once per model. */
export function chartsOf(group: ProductGroup, model: CatalogueModel): Chart[] {
  let byProduct = CHARTS.get(model);
  if (!byProduct) {
    byProduct = new Map();
    CHARTS.set(model, byProduct);
  }
  let charts = byProduct.get(group.product);
  if (!charts) {
    charts = productCharts(group.product, group.personas, edgesOf(model).byProduct.get(group.product) ?? []);
    byProduct.set(group.product, charts);
  }
  return charts;
}

function legend(self: string, ctx: CatalogueContext) {
  return paragraph(
    text(
      `How the ${ctx.model.personas.length.toLocaleString('en-US')} personas are read together, product by product, top to bottom. ` +
        'A line without an arrow joins two personas that link each other with the same relation; an arrow is a ' +
        "link in one direction; a dashed box is a persona of another product (or another chart). Each persona page's " +
        'Composability section says why. ',
    ),
    link(relativeLink(self, CATALOGUE_PATHS.index), text('Back to the catalogue')),
  );
}
