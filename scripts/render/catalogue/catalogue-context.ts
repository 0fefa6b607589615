import type { CatalogueModel } from './catalogue-model.ts';
import { CATALOGUE_PATHS, relativeLink } from './catalogue-paths.ts';

export interface CatalogueOptions {
  /** `https://github.com/<owner>/<repo>`: contribute, discuss and new-file links point here. */
  repositoryUrl: string;
  /** The branch contribute links open a new file on. */
  branch: string;
  /** The library root as seen from the catalogue folder, with `/`: `..` for the default `catalogue/`. */
  rootFromCatalogue: string;
  /** The catalogue folder as seen from the library root, with `/`; diagnostics name files with it. */
  outDir: string;
}

/** One Mermaid graph, one per product as sections of `graph.md`, or one per product in its own file. */
export type GraphMode = 'single' | 'per-product' | 'product-files';

/** Which large-library splits are in effect (see `chooseLayout`); links on every page follow them. Plain data. */
export interface CatalogueLayout {
  /** One page per tag under `_tags/` instead of one `tags.md`. */
  tagPages: boolean;
  /** Exports split into `<product>/personas.{json,csv}` instead of one file each. */
  splitExports: boolean;
  graph: GraphMode;
}

export interface CatalogueContext {
  model: CatalogueModel;
  options: CatalogueOptions;
  layout: CatalogueLayout;
}

/** Where a tag's list of personas is, as a link from the catalogue file `from`. */
export function tagHref(from: string, tag: string, ctx: Pick<CatalogueContext, 'model' | 'layout'>): string {
  return ctx.layout.tagPages
    ? relativeLink(from, CATALOGUE_PATHS.tagPage(tag))
    : `${relativeLink(from, CATALOGUE_PATHS.tags)}${ctx.model.tagAnchors.get(tag) ?? `#${tag}`}`;
}
