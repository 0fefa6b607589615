import path from 'node:path';
import { EXPORT_SCHEMA_FILE, MAX_CATALOGUE_FILE_BYTES } from '../catalogue-limits.ts';
import { compareById } from '../catalogue-model.ts';
import { CATALOGUE_PATHS } from '../catalogue-paths.ts';
import { personasCsv } from '../personas-csv.ts';
import { personasJson, personasJsonManifest } from '../personas-json.ts';
import type { PageType, PlanContext } from './page-type.ts';

/** `personas.json` and `personas.csv` of the whole library, in id order, when each fits in one file. */
export const exportsPageType: PageType<{ schemaRef: string }> = {
  name: 'exports',
  units(ctx) {
    if (ctx.layout.splitExports) return [];
    const byId = [...ctx.model.personas].sort(compareById);
    return [{ key: 'exports', input: { schemaRef: schemaRefOf(ctx) }, personas: byId.map((p) => p.file) }];
  },
  render: ({ schemaRef }, personas) => [
    { path: CATALOGUE_PATHS.json, parts: [personasJson(personas, schemaRef)] },
    { path: CATALOGUE_PATHS.csv, parts: [personasCsv(personas)] },
  ],
};

interface ProductExportsInput {
  schemaRef: string;
  product: string;
  /** How many personas (in id order) each part holds. */
  chunks: number[];
}

/** One product's exports in a split library: `<product>/personas[-n].{json,csv}`, each part under the cap. */
export const productExportsPageType: PageType<ProductExportsInput> = {
  name: 'product-exports',
  units(ctx) {
    if (!ctx.layout.splitExports) return [];
    return ctx.model.products.map((group) => {
      const byId = [...group.personas].sort(compareById);
      return {
        key: `exports/${group.product}`,
        input: {
          schemaRef: path.posix.join('..', schemaRefOf(ctx)),
          product: group.product,
          chunks: chunkBySize(byId.map((p) => ctx.entries.get(p.file)?.chunkBytes ?? 0)),
        },
        personas: byId.map((p) => p.file),
      };
    });
  },
  render({ schemaRef, product, chunks }, personas) {
    let start = 0;
    return chunks.flatMap((size, index) => {
      const chunk = personas.slice(start, start + size);
      start += size;
      return [
        {
          path: CATALOGUE_PATHS.productExport(product, index + 1, 'json'),
          parts: [personasJson(chunk, schemaRef)],
        },
        { path: CATALOGUE_PATHS.productExport(product, index + 1, 'csv'), parts: [personasCsv(chunk)] },
      ];
    });
  },
};

/** `personas.json` of a split library: where the parts are. */
export const exportsManifestPageType: PageType<{
  schemaRef: string;
  parts: { json: string[]; csv: string[] };
}> = {
  name: 'exports-manifest',
  units(ctx) {
    if (!ctx.layout.splitExports) return [];
    const json: string[] = [];
    const csv: string[] = [];
    for (const unit of productExportsPageType.units(ctx))
      unit.input.chunks.forEach((_, index) => {
        json.push(CATALOGUE_PATHS.productExport(unit.input.product, index + 1, 'json'));
        csv.push(CATALOGUE_PATHS.productExport(unit.input.product, index + 1, 'csv'));
      });
    return [
      { key: 'exports-manifest', input: { schemaRef: schemaRefOf(ctx), parts: { json, csv } }, personas: [] },
    ];
  },
  render: ({ schemaRef, parts }) => [
    { path: CATALOGUE_PATHS.json, parts: [personasJsonManifest(parts, schemaRef)] },
  ],
};

function schemaRefOf(ctx: PlanContext): string {
  return path.posix.join(ctx.options.rootFromCatalogue, EXPORT_SCHEMA_FILE);
}

/**
 * Consecutive runs of personas whose JSON and CSV each stay under the cap, as run lengths. Sizes are estimated
 * per persona (with room for indentation), so this is linear; writing the files still checks each one's size.
 */
function chunkBySize(sizes: readonly number[]): number[] {
  const budget = MAX_CATALOGUE_FILE_BYTES * 0.8;
  const chunks: number[] = [];
  let count = 0;
  let size = 0;
  for (const estimate of sizes) {
    if (count > 0 && size + estimate > budget) {
      chunks.push(count);
      count = 0;
      size = 0;
    }
    count++;
    size += estimate;
  }
  if (count > 0) chunks.push(count);
  return chunks;
}
