import { fits, lowerBoundOfIndex, MAX_CATALOGUE_FILE_BYTES } from '../catalogue-limits.ts';
import { CATALOGUE_PATHS } from '../catalogue-paths.ts';
import { indexPage, productListing } from '../index-page.ts';
import { listingFiles } from '../listing.ts';
import { contextOf, markdownFile, type PageType, type SharedCatalogue } from './page-type.ts';

/** `README.md`: the catalogue's front page, with every product's cards while that fits in one file. */
export const indexPageType: PageType<{ catalogue: SharedCatalogue }> = {
  name: 'index',
  units: (ctx) => [{ key: 'index', input: { catalogue: ctx.shared }, personas: [] }],
  render({ catalogue }, _personas, options, kit) {
    const ctx = contextOf(catalogue, options);
    const whole =
      lowerBoundOfIndex(ctx.model) > MAX_CATALOGUE_FILE_BYTES ? null : kit.serialize(indexPage(ctx, false));
    if (whole !== null && fits(whole)) return [{ path: CATALOGUE_PATHS.index, parts: [whole] }];
    return [markdownFile(CATALOGUE_PATHS.index, kit, indexPage(ctx, true))];
  },
};

/** `<product>/README.md` (and its numbered parts): one product's cards, shown when someone opens its folder. */
export const productIndexPageType: PageType<{ catalogue: SharedCatalogue; product: string }> = {
  name: 'product-index',
  units: (ctx) =>
    ctx.model.products.map((group) => ({
      key: `products/${group.product}`,
      input: { catalogue: ctx.shared, product: group.product },
      personas: [],
    })),
  render({ catalogue, product }, _personas, options, kit) {
    const ctx = contextOf(catalogue, options);
    const group = ctx.model.products.find((g) => g.product === product);
    return group ? listingFiles(productListing(group, ctx, kit), kit) : [];
  },
};
