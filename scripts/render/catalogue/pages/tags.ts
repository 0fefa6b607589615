import { CATALOGUE_PATHS } from '../catalogue-paths.ts';
import { tagDirectoryPage, tagIndexPage, tagPage } from '../tag-pages.ts';
import { contextOf, markdownFile, type PageType, type SharedCatalogue } from './page-type.ts';

/** `tags.md`: every tag with its personas, or, in a large library, a list of the tags' own pages. */
export const tagsPageType: PageType<{ catalogue: SharedCatalogue }> = {
  name: 'tags',
  units: (ctx) => [{ key: 'tags', input: { catalogue: ctx.shared }, personas: [] }],
  render({ catalogue }, _personas, options, kit) {
    const ctx = contextOf(catalogue, options);
    return [
      markdownFile(
        CATALOGUE_PATHS.tags,
        kit,
        ctx.layout.tagPages ? tagDirectoryPage(ctx) : tagIndexPage(ctx),
      ),
    ];
  },
};

/** `_tags/<tag>.md`, one per tag, when `tags.md` would be too large to hold them all. */
export const tagPageType: PageType<{ catalogue: SharedCatalogue; tag: string }> = {
  name: 'tag-page',
  units: (ctx) =>
    ctx.layout.tagPages
      ? ctx.model.tags.map((group) => ({
          key: `tags/${group.tag}`,
          input: { catalogue: ctx.shared, tag: group.tag },
          personas: [],
        }))
      : [],
  render({ catalogue, tag }, _personas, options, kit) {
    const ctx = contextOf(catalogue, options);
    const group = ctx.model.tags.find((t) => t.tag === tag);
    return group ? [markdownFile(CATALOGUE_PATHS.tagPage(tag), kit, tagPage(group, ctx))] : [];
  },
};
