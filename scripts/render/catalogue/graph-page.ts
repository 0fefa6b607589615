import type { Root, RootContent } from 'mdast';
import type { PersonaOutline } from '../../core/catalogue-persona.ts';
import type { CatalogueContext } from './catalogue-context.ts';
import type { CatalogueModel, ProductGroup } from './catalogue-model.ts';
import { CATALOGUE_PATHS, relativeLink } from './catalogue-paths.ts';
import { bannerNode } from './generated-banner.ts';
import { bulletList, code, heading, link, paragraph, root, text } from './mdast.ts';
import { mermaidFlowchart, type RelationshipEdge, relationshipEdges } from './mermaid-flowchart.ts';

/** Above this many personas one graph is unreadable, so each product gets its own. */
export const ONE_GRAPH_MAX_PERSONAS = 300;
/** GitHub's Mermaid refuses diagrams over 50,000 characters; stay well below. */
export const MERMAID_MAX_CHARS = 45_000;

export type GraphMode = 'single' | 'per-product' | 'product-files';

/** `graph.md`: one Mermaid flowchart for a small library, one per product (as sections) for a large one. */
export function graphPage(ctx: CatalogueContext, mode: Exclude<GraphMode, 'product-files'>): Root {
  const self = CATALOGUE_PATHS.graph;
  const children: RootContent[] = [bannerNode(), heading(1, text('Relationship graph')), legend(self, ctx)];
  if (mode === 'single') {
    const groups = ctx.model.products.map((g) => ({ label: g.product, personas: g.personas }));
    children.push(code('mermaid', mermaidFlowchart(groups, edgesOf(ctx.model).all)));
  } else {
    children.push(perProductNote(ctx.model));
    for (const group of ctx.model.products)
      children.push(heading(2, text(group.product)), productGraph(group, ctx.model));
  }
  return root(children);
}

/** `graph.md` when even per-product sections are too large for one file: a list of `<product>/graph.md`. */
export function graphDirectoryPage(ctx: CatalogueContext): Root {
  const self = CATALOGUE_PATHS.graph;
  return root([
    bannerNode(),
    heading(1, text('Relationship graph')),
    legend(self, ctx),
    perProductNote(ctx.model),
    bulletList(
      ctx.model.products.map((g) => [
        link(relativeLink(self, CATALOGUE_PATHS.productGraph(g.product)), text(g.product)),
        text(` (${g.personas.length})`),
      ]),
    ),
  ]);
}

/** `<product>/graph.md`. */
export function productGraphPage(group: ProductGroup, ctx: CatalogueContext): Root {
  const self = CATALOGUE_PATHS.productGraph(group.product);
  return root([
    bannerNode(),
    heading(1, text(`Relationship graph: ${group.product}`)),
    legend(self, ctx),
    productGraph(group, ctx.model),
  ]);
}

/** One graph while it stays readable and within GitHub's Mermaid limit, else one per product. */
export function graphMode(model: CatalogueModel): Exclude<GraphMode, 'product-files'> {
  if (model.personas.length > ONE_GRAPH_MAX_PERSONAS) return 'per-product';
  const groups = model.products.map((g) => ({ label: g.product, personas: g.personas }));
  return mermaidFlowchart(groups, edgesOf(model).all).length <= MERMAID_MAX_CHARS ? 'single' : 'per-product';
}

/** Everything a product's graph page is drawn from besides the persona count: its personas and its edges. */
export function productGraphInputs(group: ProductGroup, model: CatalogueModel): unknown {
  const edges = edgesOf(model).byProduct.get(group.product) ?? [];
  return [
    group.personas.map((p) => [p.id, p.title]),
    edges.map((e) => [
      e.from.id,
      e.from.title,
      e.from.product,
      e.to.id,
      e.to.title,
      e.to.product,
      e.relation,
      e.mutual,
    ]),
  ];
}

interface ModelEdges {
  all: RelationshipEdge[];
  /** Product → the edges touching it, in the order of `all`. */
  byProduct: Map<string, RelationshipEdge[]>;
}

/** A large library has hundreds of product graphs; its edges are found once, not once per product. */
const EDGES = new WeakMap<CatalogueModel, ModelEdges>();

function edgesOf(model: CatalogueModel): ModelEdges {
  const known = EDGES.get(model);
  if (known) return known;
  const all = relationshipEdges(model.personas);
  const byProduct = new Map<string, RelationshipEdge[]>();
  for (const edge of all)
    for (const product of new Set([edge.from.product, edge.to.product])) {
      const list = byProduct.get(product);
      if (list) list.push(edge);
      else byProduct.set(product, [edge]);
    }
  const edges = { all, byProduct };
  EDGES.set(model, edges);
  return edges;
}

/** A product's personas, plus the other products' personas they link to (dashed), and every edge touching them. */
function productGraph(group: ProductGroup, model: CatalogueModel) {
  const inProduct = (p: PersonaOutline) => p.product === group.product;
  const edges = edgesOf(model).byProduct.get(group.product) ?? [];
  const external: PersonaOutline[] = [];
  const seen = new Set<PersonaOutline>();
  for (const edge of edges)
    for (const end of [edge.from, edge.to])
      if (!inProduct(end) && !seen.has(end)) {
        seen.add(end);
        external.push(end);
      }
  return code(
    'mermaid',
    mermaidFlowchart([{ label: group.product, personas: group.personas }], edges, external),
  );
}

function legend(self: string, ctx: CatalogueContext) {
  return paragraph(
    text(
      `How the ${ctx.model.personas.length} personas are read together. A line without an arrow joins two ` +
        'personas that link each other with the same relation; an arrow is a link in one direction. Each persona ' +
        "page's Composability section says why. ",
    ),
    link(relativeLink(self, CATALOGUE_PATHS.index), text('Back to the catalogue')),
  );
}

function perProductNote(model: CatalogueModel) {
  return paragraph(
    text(
      `With ${model.personas.length} personas one graph would be unreadable, so each product has its own; ` +
        'personas of other products that it links to are drawn dashed.',
    ),
  );
}
