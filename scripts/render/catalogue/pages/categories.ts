import { listingFiles } from '../listing.ts';
import { categoryIndexListing, categoryListing } from '../tag-pages.ts';
import { contextOf, type PageType, type SharedCatalogue } from './page-type.ts';

/** `categories.md`: every category, with its personas' titles while they fit. */
export const categoriesPageType: PageType<{ catalogue: SharedCatalogue }> = {
  name: 'categories',
  units: (ctx) => [{ key: 'categories', input: { catalogue: ctx.shared }, personas: [] }],
  render: ({ catalogue }, _personas, options, kit) =>
    listingFiles(categoryIndexListing(contextOf(catalogue, options), kit), kit),
};

/** `_categories/<category>.md` (and its numbered parts): the cards of one category's personas. */
export const categoryPageType: PageType<{ catalogue: SharedCatalogue; category: string }> = {
  name: 'category-page',
  units: (ctx) =>
    ctx.model.categories.map((group) => ({
      key: `categories/${group.category}`,
      input: { catalogue: ctx.shared, category: group.category },
      personas: [],
    })),
  render({ catalogue, category }, _personas, options, kit) {
    const ctx = contextOf(catalogue, options);
    const group = ctx.model.categories.find((c) => c.category === category);
    return group ? listingFiles(categoryListing(group, ctx, kit), kit) : [];
  },
};
