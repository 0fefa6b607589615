import { listingFiles } from '../listing.ts';
import { tagIndexListing, tagListing } from '../tag-pages.ts';
import { contextOf, type PageType, type SharedCatalogue } from './page-type.ts';

/** `tags.md`: every tag with its description and count, each linking its own page. */
export const tagsPageType: PageType<{ catalogue: SharedCatalogue }> = {
  name: 'tags',
  units: (ctx) => [{ key: 'tags', input: { catalogue: ctx.shared }, personas: [] }],
  render: ({ catalogue }, _personas, options, kit) =>
    listingFiles(tagIndexListing(contextOf(catalogue, options), kit), kit),
};

/** `_tags/<tag>.md` (and its numbered parts): the tag's description and its personas' cards. */
export const tagPageType: PageType<{ catalogue: SharedCatalogue; tag: string }> = {
  name: 'tag-page',
  units: (ctx) =>
    ctx.model.tags.map((group) => ({
      key: `tags/${group.tag}`,
      input: { catalogue: ctx.shared, tag: group.tag },
      personas: [],
    })),
  render({ catalogue, tag }, _personas, options, kit) {
    const ctx = contextOf(catalogue, options);
    const group = ctx.model.tags.find((t) => t.tag === tag);
    return group ? listingFiles(tagListing(group, ctx, kit), kit) : [];
  },
};
