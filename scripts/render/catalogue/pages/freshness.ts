import type { FreshnessOptions } from '../catalogue-context.ts';
import { freshnessListing } from '../freshness.ts';
import { listingFiles } from '../listing.ts';
import { contextOf, type PageType, type SharedCatalogue } from './page-type.ts';

/**
 * `freshness.md` (and its numbered parts): every field whose last review is older than the limit. The only
 * whole-library page that takes the as-of date, so a new date re-renders it and the persona pages whose marks
 * it changes, nothing else.
 */
export const freshnessPageType: PageType<{ catalogue: SharedCatalogue; freshness: FreshnessOptions }> = {
  name: 'freshness',
  units: (ctx) => [
    { key: 'freshness', input: { catalogue: ctx.shared, freshness: ctx.freshness }, personas: [] },
  ],
  render: ({ catalogue, freshness }, _personas, options, kit) =>
    listingFiles(freshnessListing(contextOf(catalogue, options), freshness, kit), kit),
};
