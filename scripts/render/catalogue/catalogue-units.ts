import type { CataloguePersona } from '../../core/catalogue-persona.ts';
import { type CatalogueOptions, DEFAULT_REVIEW_MONTHS, type FreshnessOptions } from './catalogue-context.ts';
import type { CatalogueEntry } from './catalogue-entry.ts';
import { buildCatalogueModel } from './catalogue-model.ts';
import { chooseLayout } from './choose-layout.ts';
import type { MarkdownKit } from './markdown-kit.ts';
import { indexPageType, productIndexPageType } from './pages/catalogue-index.ts';
import { categoriesPageType, categoryPageType } from './pages/categories.ts';
import { exportsManifestPageType, exportsPageType, productExportsPageType } from './pages/exports.ts';
import { freshnessPageType } from './pages/freshness.ts';
import { graphPageType, productGraphPageType } from './pages/graph.ts';
import {
  type CatalogueFile,
  type CatalogueUnit,
  type PageType,
  type PlanContext,
  shareCatalogue,
} from './pages/page-type.ts';
import { personaPageType } from './pages/persona.ts';
import { personaExportPageType } from './pages/persona-export.ts';
import { tagPageType, tagsPageType } from './pages/tags.ts';

/** Every page type of the catalogue; a new one is a file in `pages/` and an entry here. */
export const PAGE_TYPES: readonly PageType<never>[] = [
  exportsPageType,
  productExportsPageType,
  exportsManifestPageType,
  tagsPageType,
  tagPageType,
  categoriesPageType,
  categoryPageType,
  freshnessPageType,
  indexPageType,
  graphPageType,
  productGraphPageType,
  productIndexPageType,
  personaPageType,
  personaExportPageType,
] as unknown as PageType<never>[];

const BY_NAME = new Map(PAGE_TYPES.map((type) => [type.name, type]));

/** Every unit of the catalogue, page type by page type. Pure. */
export function catalogueUnits(ctx: PlanContext): CatalogueUnit[] {
  return PAGE_TYPES.flatMap((type) => type.units(ctx).map((unit) => ({ ...unit, type: type.name })));
}

/** One unit's files, from its input and its declared personas (in the order it declared them). */
export function renderUnit(
  unit: Pick<CatalogueUnit, 'type' | 'input'>,
  personas: readonly CataloguePersona[],
  options: CatalogueOptions,
  kit: MarkdownKit,
): CatalogueFile[] {
  const type = BY_NAME.get(unit.type);
  if (!type) throw new Error(`No catalogue page type is called ${unit.type}.`);
  return type.render(unit.input as never, personas, options, kit);
}

/** What the catalogue takes from the library besides its personas. */
export interface CatalogueLibrary {
  /** The tag vocabulary (`tags.yaml`): each tag's one-line description. */
  tagDescriptions?: ReadonlyMap<string, string>;
  /** What "needs review" is measured against; by default no as-of date, so nothing is marked. */
  freshness?: FreshnessOptions;
}

/**
 * The catalogue as units to render, from each persona's entry: the model of their outlines, the layout (which
 * files a large library splits), and every page type's units. Pure; no persona's content is needed.
 */
export function layOutCatalogue(
  entries: ReadonlyMap<string, CatalogueEntry>,
  options: CatalogueOptions,
  kit: MarkdownKit,
  library: CatalogueLibrary = {},
): { ctx: PlanContext; units: CatalogueUnit[] } {
  const all = [...entries.values()];
  const model = buildCatalogueModel(all.map((entry) => entry.outline));
  const layout = chooseLayout(model, all, options, kit);
  // Only the descriptions of tags in use: an edit to another tag's description changes no page.
  const tagDescriptions: Record<string, string> = {};
  for (const group of model.tags) {
    const description = library.tagDescriptions?.get(group.tag);
    if (description !== undefined) tagDescriptions[group.tag] = description;
  }
  // Outlines in the model's order, so the shared catalogue's digest doesn't depend on the order files were listed.
  const ctx: PlanContext = {
    model,
    options,
    layout,
    entries,
    shared: shareCatalogue(model.personas, layout, tagDescriptions),
    tagDescriptions,
    freshness: library.freshness ?? { asOf: null, reviewMonths: DEFAULT_REVIEW_MONTHS },
  };
  return { ctx, units: catalogueUnits(ctx) };
}
