import path from 'node:path';
import type { CatalogueContext, CatalogueLayout, CatalogueOptions, GraphMode } from './catalogue-context.ts';
import type { CatalogueEntry } from './catalogue-entry.ts';
import { personasCsvBytes, personasJsonBytes } from './catalogue-entry.ts';
import { EXPORT_SCHEMA_FILE, fits, lowerBoundOfGraph, MAX_CATALOGUE_FILE_BYTES } from './catalogue-limits.ts';
import type { CatalogueModel } from './catalogue-model.ts';
import { graphPage } from './graph-page.ts';
import type { MarkdownKit } from './markdown-kit.ts';

/**
 * Which files a large library splits, decided before any persona page is rendered (their links follow it): the
 * exports into one pair per product, and the graph into one file per product, each only when the single file
 * would pass the size cap. Sizes come from lower bounds, the entries' exact export sizes, or rendering the one
 * file from outlines. (Listing pages split themselves into numbered parts; pages link only to their first.)
 */
export function chooseLayout(
  model: CatalogueModel,
  entries: readonly CatalogueEntry[],
  options: CatalogueOptions,
  kit: MarkdownKit,
): CatalogueLayout {
  const provisional: CatalogueContext = {
    model,
    options,
    layout: { splitExports: false, graph: 'per-product' },
    tagDescriptions: {},
  };
  const schemaRef = path.posix.join(options.rootFromCatalogue, EXPORT_SCHEMA_FILE);
  const splitExports =
    personasJsonBytes(entries, schemaRef) > MAX_CATALOGUE_FILE_BYTES ||
    personasCsvBytes(entries) > MAX_CATALOGUE_FILE_BYTES;
  return { splitExports, graph: chooseGraph(provisional, kit) };
}

function chooseGraph(ctx: CatalogueContext, kit: MarkdownKit): GraphMode {
  if (lowerBoundOfGraph(ctx.model) > MAX_CATALOGUE_FILE_BYTES) return 'product-files';
  return fits(kit.serialize(graphPage(ctx))) ? 'per-product' : 'product-files';
}
