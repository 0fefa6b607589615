import path from 'node:path';
import type { Root } from 'mdast';
import { compareCodePoints, type Diagnostic, diagnostic, START_OF_FILE } from '../../core/diagnostic.ts';
import type { CatalogueContext, CatalogueLayout, CatalogueOptions } from './catalogue-context.ts';
import { buildCatalogueModel, compareById } from './catalogue-model.ts';
import { CATALOGUE_PATHS } from './catalogue-paths.ts';
import type { CataloguePersona } from './catalogue-persona.ts';
import { exportPersonaData } from './export-persona-data.ts';
import { graphDirectoryPage, graphMode, graphPage, productGraphPage } from './graph-page.ts';
import { indexPage, productIndexPage } from './index-page.ts';
import { personaPage } from './persona-page.ts';
import { personasCsv } from './personas-csv.ts';
import { personasJson, personasJsonManifest } from './personas-json.ts';
import { serializeMarkdown } from './serialize-markdown.ts';
import { tagAnchors, tagDirectoryPage, tagIndexPage, tagPage } from './tag-pages.ts';

/** GitHub stops rendering Markdown around 512 KB; no generated file may be larger than this. */
export const MAX_CATALOGUE_FILE_BYTES = 500_000;

/** The library schema the JSON export points at with `$schema`. */
export const EXPORT_SCHEMA_FILE = 'schemas/catalogue.schema.json';

export interface RenderedCatalogue {
  /** Path inside the catalogue folder → file text, in code-point order of path. */
  files: Map<string, string>;
  /** `catalogue/too-large` for any file over the cap even after splitting. */
  diagnostics: Diagnostic[];
}

/**
 * The whole catalogue, in memory: pure, deterministic, no file system. Large libraries split the index by
 * product, the tag index by tag, the graph by product and the exports by product, each only when it must.
 */
export function renderCatalogue(
  input: readonly CataloguePersona[],
  options: CatalogueOptions,
): RenderedCatalogue {
  const model = buildCatalogueModel(input);
  const files = new Map<string, string>();
  const schemaRef = path.posix.join(options.rootFromCatalogue, EXPORT_SCHEMA_FILE);

  const byId = [...model.personas].sort(compareById);
  const json = personasJson(byId, schemaRef);
  const csv = personasCsv(byId);
  const splitExports = !fits(json) || !fits(csv);
  if (splitExports) {
    const parts = { json: [] as string[], csv: [] as string[] };
    for (const group of model.products) {
      const chunks = chunkBySize([...group.personas].sort(compareById));
      chunks.forEach((chunk, index) => {
        const jsonPath = CATALOGUE_PATHS.productExport(group.product, index + 1, 'json');
        const csvPath = CATALOGUE_PATHS.productExport(group.product, index + 1, 'csv');
        files.set(jsonPath, personasJson(chunk, path.posix.join('..', schemaRef)));
        files.set(csvPath, personasCsv(chunk));
        parts.json.push(jsonPath);
        parts.csv.push(csvPath);
      });
    }
    files.set(CATALOGUE_PATHS.json, personasJsonManifest(parts, schemaRef));
  } else {
    files.set(CATALOGUE_PATHS.json, json);
    files.set(CATALOGUE_PATHS.csv, csv);
  }

  const layout: CatalogueLayout = { tagPages: false, splitExports, tagAnchors: tagAnchors(model.tags) };
  const ctx: CatalogueContext = { model, options, layout };
  const markdown = (tree: Root) => serializeMarkdown(tree);

  const tags = markdown(tagIndexPage(ctx));
  if (fits(tags)) files.set(CATALOGUE_PATHS.tags, tags);
  else {
    layout.tagPages = true;
    files.set(CATALOGUE_PATHS.tags, markdown(tagDirectoryPage(ctx)));
    for (const group of model.tags)
      files.set(CATALOGUE_PATHS.tagPage(group.tag), markdown(tagPage(group, ctx)));
  }

  const index = markdown(indexPage(ctx, false));
  files.set(CATALOGUE_PATHS.index, fits(index) ? index : markdown(indexPage(ctx, true)));

  const graph = markdown(graphPage(ctx, graphMode(model)));
  if (fits(graph)) files.set(CATALOGUE_PATHS.graph, graph);
  else {
    files.set(CATALOGUE_PATHS.graph, markdown(graphDirectoryPage(ctx)));
    for (const group of model.products)
      files.set(CATALOGUE_PATHS.productGraph(group.product), markdown(productGraphPage(group, ctx)));
  }

  for (const group of model.products) {
    files.set(CATALOGUE_PATHS.productIndex(group.product), markdown(productIndexPage(group, ctx)));
    for (const persona of group.personas)
      files.set(
        CATALOGUE_PATHS.personaPage(persona.product, persona.slug),
        markdown(personaPage(persona, ctx)),
      );
  }

  const sorted = new Map([...files].sort(([a], [b]) => compareCodePoints(a, b)));
  const diagnostics = [...sorted]
    .filter(([, text]) => !fits(text))
    .map(([file, text]) =>
      diagnostic(
        path.posix.join(options.outDir, file),
        START_OF_FILE,
        'catalogue/too-large',
        `The generated file would be ${kb(byteLength(text))}; the limit is ${kb(MAX_CATALOGUE_FILE_BYTES)}.`,
        'Shorten the longest texts of the personas on this page, or report it: the catalogue should have split it.',
      ),
    );
  return { files: sorted, diagnostics };
}

function fits(text: string): boolean {
  return byteLength(text) <= MAX_CATALOGUE_FILE_BYTES;
}

function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

function kb(bytes: number): string {
  return `${Math.ceil(bytes / 1000).toLocaleString('en-US')} KB`;
}

/**
 * Consecutive runs of personas whose JSON and CSV each stay under the cap. Sizes are estimated per persona
 * (with room for indentation), so this is linear; the final size check still guards the result.
 */
function chunkBySize(personas: readonly CataloguePersona[]): CataloguePersona[][] {
  const budget = MAX_CATALOGUE_FILE_BYTES * 0.8;
  const chunks: CataloguePersona[][] = [];
  let current: CataloguePersona[] = [];
  let size = 0;
  for (const persona of personas) {
    const estimate = byteLength(JSON.stringify(exportPersonaData(persona), null, 4));
    if (current.length > 0 && size + estimate > budget) {
      chunks.push(current);
      current = [];
      size = 0;
    }
    current.push(persona);
    size += estimate;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
