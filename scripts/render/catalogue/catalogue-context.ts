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

/** The graph's charts as one section per product of `graph.md`, or in one file per product. */
export type GraphMode = 'per-product' | 'product-files';

/** Which large-library splits are in effect (see `chooseLayout`); links on every page follow them. Plain data. */
export interface CatalogueLayout {
  /** Exports split into `<product>/personas.{json,csv}` instead of one file each. */
  splitExports: boolean;
  graph: GraphMode;
}

export interface CatalogueContext {
  model: CatalogueModel;
  options: CatalogueOptions;
  layout: CatalogueLayout;
  /** Each tag's description from the vocabulary (`tags.yaml`), for the tags that have one. */
  tagDescriptions: Readonly<Record<string, string>>;
}

/**
 * How old a field's last review may be before it is marked "needs review", against an explicit date (the last
 * commit on `main`, or `--as-of`): never the wall clock, so the same library gives the same catalogue.
 */
export interface FreshnessOptions {
  /** `YYYY-MM-DD`, or null when unknown (no git history and no `--as-of`): then nothing is marked. */
  asOf: string | null;
  /** A review older than this many months, before `asOf`, needs another. */
  reviewMonths: number;
}

export const DEFAULT_REVIEW_MONTHS = 12;

/** Where a tag's page is, as a link from the catalogue file `from`. */
export function tagHref(from: string, tag: string): string {
  return relativeLink(from, CATALOGUE_PATHS.tagPage(tag));
}
