import { CATALOGUE_PATHS } from '../catalogue-paths.ts';
import { graphDirectoryPage, graphPage, productGraphListing } from '../graph-page.ts';
import { listingFiles } from '../listing.ts';
import { contextOf, markdownFile, type PageType, type SharedCatalogue } from './page-type.ts';

/** `graph.md`: the relationship graph, a section of charts per product, or a list of per-product files. */
export const graphPageType: PageType<{ catalogue: SharedCatalogue }> = {
  name: 'graph',
  units: (ctx) => [{ key: 'graph', input: { catalogue: ctx.shared }, personas: [] }],
  render({ catalogue }, _personas, options, kit) {
    const ctx = contextOf(catalogue, options);
    return [
      markdownFile(
        CATALOGUE_PATHS.graph,
        kit,
        ctx.layout.graph === 'product-files' ? graphDirectoryPage(ctx) : graphPage(ctx),
      ),
    ];
  },
};

/** `<product>/graph.md` (and its numbered parts), when per-product sections would make `graph.md` too large. */
export const productGraphPageType: PageType<{ catalogue: SharedCatalogue; product: string }> = {
  name: 'product-graph',
  units: (ctx) =>
    ctx.layout.graph === 'product-files'
      ? ctx.model.products.map((group) => ({
          key: `graph/${group.product}`,
          input: { catalogue: ctx.shared, product: group.product },
          personas: [],
        }))
      : [],
  render({ catalogue, product }, _personas, options, kit) {
    const ctx = contextOf(catalogue, options);
    const group = ctx.model.products.find((g) => g.product === product);
    return group ? listingFiles(productGraphListing(group, ctx, kit), kit) : [];
  },
};
