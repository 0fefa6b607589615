import path from 'node:path';
import { type Diagnostic, diagnostic, START_OF_FILE } from '../../core/diagnostic.ts';
import type { CatalogueOptions } from './catalogue-context.ts';
import type { CatalogueModel } from './catalogue-model.ts';

/** GitHub stops rendering Markdown around 512 KB; no generated file may be larger than this. */
export const MAX_CATALOGUE_FILE_BYTES = 500_000;

/** The library schema the JSON export points at with `$schema`. */
export const EXPORT_SCHEMA_FILE = 'schemas/catalogue.schema.json';

export function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

export function fits(text: string): boolean {
  return byteLength(text) <= MAX_CATALOGUE_FILE_BYTES;
}

/** `catalogue/too-large` for a generated file (`file`, inside the catalogue folder) of `bytes`, over the cap. */
export function tooLargeDiagnostic(file: string, bytes: number, options: CatalogueOptions): Diagnostic {
  return diagnostic(
    path.posix.join(options.outDir, file),
    START_OF_FILE,
    'catalogue/too-large',
    `The generated file would be ${kb(bytes)}; the limit is ${kb(MAX_CATALOGUE_FILE_BYTES)}.`,
    'Shorten the longest texts of the personas on this page, or report it: the catalogue should have split it.',
  );
}

function kb(bytes: number): string {
  return `${Math.ceil(bytes / 1000).toLocaleString('en-US')} KB`;
}

/**
 * At most the size of `graph.md` with one graph per product: every persona is a node (its id and at least the
 * visible characters of its title) and every edge names two ids.
 */
export function lowerBoundOfGraph(model: CatalogueModel): number {
  let bytes = 0;
  for (const persona of model.personas) {
    bytes += persona.id.length + persona.title.replace(/\s+/g, '').length + 8;
    // An edge line holds both ids and a label of at least 10 characters; a mutual pair shares one line.
    for (const link of persona.composability) {
      const to = model.bySlug.get(link.persona);
      if (to && to !== persona) bytes += Math.floor((persona.id.length + 19) / 2);
    }
  }
  return bytes;
}

/** Whitespace and what `neutralizeText` drops (controls, bidi marks): never counted towards a lower bound. */
const INVISIBLE = /[\s\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * At most the size of the index with every product's table: each row holds the id, the page link
 * (`<product>/<slug>.md`) labelled with at least the title's visible characters, the category, and each tag
 * both as link text and in its link.
 */
export function lowerBoundOfIndex(model: CatalogueModel): number {
  let bytes = 0;
  for (const persona of model.personas) {
    bytes += persona.id.length + persona.product.length + persona.slug.length + 4;
    bytes += persona.title.replace(INVISIBLE, '').length + persona.category.length;
    for (const tag of persona.tags) bytes += 2 * tag.length;
  }
  return bytes;
}
