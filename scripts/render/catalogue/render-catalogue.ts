import path from 'node:path';
import type { Root } from 'mdast';
import { compareCodePoints, type Diagnostic, diagnostic, START_OF_FILE } from '../../core/diagnostic.ts';
import {
  type CatalogueContext,
  type CatalogueLayout,
  type CatalogueOptions,
  tagHref,
} from './catalogue-context.ts';
import { buildCatalogueModel, type CatalogueModel, compareById } from './catalogue-model.ts';
import { CATALOGUE_PATHS } from './catalogue-paths.ts';
import type { CataloguePersona } from './catalogue-persona.ts';
import { hashData } from './content-hash.ts';
import { exportPersonaData } from './export-persona-data.ts';
import {
  graphDirectoryPage,
  graphMode,
  graphPage,
  productGraphInputs,
  productGraphPage,
} from './graph-page.ts';
import { indexPage, productIndexPage } from './index-page.ts';
import { personaOutline } from './persona-outline.ts';
import {
  type PersonaPageInput,
  personaPageInput,
  personaPageParts,
  personaPagePath,
} from './persona-page.ts';
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

/** One file of the catalogue, whole: path inside the catalogue folder and its text. */
export interface CatalogueFile {
  path: string;
  text: string;
}

/** A persona page still to be rendered: where it goes, what it is made from, and that input's digest. */
export interface PersonaPageJob {
  path: string;
  input: PersonaPageInput;
  digest: string;
}

/**
 * Files made from many personas (index, tags, graph, exports), in groups that are rendered together. `digest`
 * covers everything the group's files are made from (null: always rendered, it's cheap), so an incremental run
 * can skip a group whose digest it has seen. `render` gets the files other groups produced (the JSON export's
 * list of parts names the product parts).
 */
export interface CatalogueUnit {
  key: string;
  digest: string | null;
  render(filesOf: (key: string) => readonly string[]): CatalogueFile[];
}

/**
 * The catalogue as work to do: groups of whole-library files, rendered one group at a time so a large library
 * is never all in memory, and one job per persona page. Pure, deterministic, no file system. Large libraries
 * split the index by product, the tag index by tag, the graph by product and the exports by product, each only
 * when it must.
 */
export interface CatalogueWork {
  ctx: CatalogueContext;
  units: CatalogueUnit[];
  personaPages: PersonaPageJob[];
  /** Every persona's digests, for the next run. */
  digests: Map<CataloguePersona, PersonaDigest>;
  /** The library's skeleton digest (see `PreviousPlan`), for the next run. */
  skeleton: string;
}

/** What planning needs of a persona beyond its outline; an incremental run keeps it instead of the persona. */
export interface PersonaDigest {
  /** `hashData` of the whole persona: a page or export made from it changes only when this does. */
  digest: string;
  /** Bytes of its export entry, for the lower bound of the single export files. */
  exportBytes: number;
  /** `hashData` of its outline: what the library's skeleton is made from. */
  outline: string;
}

export function personaDigest(persona: CataloguePersona): PersonaDigest {
  return {
    digest: hashData(persona),
    exportBytes: byteLength(JSON.stringify(exportPersonaData(persona))),
    outline: hashData(personaOutline(persona)),
  };
}

/**
 * What the previous run planned. Every unit's inputs are made of the personas' outlines, the layout and the
 * digests of whole personas; the skeleton digest covers the first two for the whole library (every outline,
 * in the order pages list them, and the layout). While it is unchanged, a unit none of whose personas changed
 * has the digest the previous run recorded, so a run after an edited section needn't gather and hash the
 * inputs of thousands of units to learn that they are current.
 */
export interface PreviousPlan {
  skeleton: string;
  /** Unit key → the digest it was made from. */
  units: ReadonlyMap<string, { digest: string }>;
  /** `hashData` of the whole persona in the source file `file` then. */
  personaDigest(file: string): string | undefined;
}

/**
 * `known` holds digests computed by an earlier run, for personas that only have their outline at hand (see
 * `lazyPersona`): planning reads no content section of those, so only what must be rendered loads them.
 * `previous` lets units whose inputs are known unchanged keep their digest (and persona pages their input
 * unbuilt until rendered).
 */
export function planCatalogue(
  input: readonly CataloguePersona[],
  options: CatalogueOptions,
  known: ReadonlyMap<CataloguePersona, PersonaDigest> = new Map(),
  previous?: PreviousPlan,
): CatalogueWork {
  const model = buildCatalogueModel(input);
  const schemaRef = path.posix.join(options.rootFromCatalogue, EXPORT_SCHEMA_FILE);
  const digests = new Map(model.personas.map((p) => [p, known.get(p) ?? personaDigest(p)]));
  const digestsOf = (p: CataloguePersona) => digests.get(p) ?? personaDigest(p);
  const digestOf = (p: CataloguePersona) => digestsOf(p).digest;
  const singleExports = exportsFitInOneFile(model.personas, schemaRef, (p) => digestsOf(p).exportBytes);
  const layout: CatalogueLayout = {
    tagPages: false,
    splitExports: singleExports === null,
    tagAnchors: tagAnchors(model.tags),
  };
  const ctx: CatalogueContext = { model, options, layout };
  const markdown = (tree: Root) => serializeMarkdown(tree);
  const total = model.personas.length;

  // The tag index decides whether pages link to `tags.md#tag` or `_tags/<tag>.md`, so it comes first.
  const tags = lowerBoundOfTagIndex(model) > MAX_CATALOGUE_FILE_BYTES ? null : markdown(tagIndexPage(ctx));
  if (tags === null || !fits(tags)) layout.tagPages = true;

  const skeleton = hashData([
    'skeleton',
    layout.tagPages,
    layout.splitExports,
    model.personas.map((p) => digestsOf(p).outline),
  ]);
  const sameSkeleton = previous?.skeleton === skeleton;
  /** The digest the previous run recorded for `key`, if its inputs are known unchanged: same skeleton, same `personas`. */
  const unchangedDigest = (key: string, personas: readonly CataloguePersona[] = []): string | undefined =>
    sameSkeleton && personas.every((p) => previous.personaDigest(p.file) === digestOf(p))
      ? previous.units.get(key)?.digest
      : undefined;
  // Made only of outlines and the layout: current with the skeleton.
  const whole = (key: string) => hashData([key, skeleton]);

  const units: CatalogueUnit[] = [];
  const always = (key: string, render: () => CatalogueFile[]) => units.push({ key, digest: null, render });

  if (singleExports)
    always('exports', () => [
      { path: CATALOGUE_PATHS.json, text: singleExports.json },
      { path: CATALOGUE_PATHS.csv, text: singleExports.csv },
    ]);
  else {
    const partKeys = model.products.map((group) => `exports/${group.product}`);
    const partDigests: string[] = [];
    for (const group of model.products) {
      const key = `exports/${group.product}`;
      let byId: CataloguePersona[] | undefined;
      const personas = () => (byId ??= [...group.personas].sort(compareById));
      const digest =
        unchangedDigest(key, group.personas) ?? hashData(['exports', schemaRef, personas().map(digestOf)]);
      partDigests.push(digest);
      units.push({
        key,
        digest,
        render: () =>
          chunkBySize(personas()).flatMap((chunk, index) => [
            {
              path: CATALOGUE_PATHS.productExport(group.product, index + 1, 'json'),
              text: personasJson(chunk, path.posix.join('..', schemaRef)),
            },
            {
              path: CATALOGUE_PATHS.productExport(group.product, index + 1, 'csv'),
              text: personasCsv(chunk),
            },
          ]),
      });
    }
    units.push({
      key: 'exports',
      digest: hashData(['exports-parts', schemaRef, partKeys, partDigests]),
      render: (filesOf) => {
        const parts = partKeys.flatMap((key) => filesOf(key));
        const manifest = {
          json: parts.filter((file) => file.endsWith('.json')),
          csv: parts.filter((file) => file.endsWith('.csv')),
        };
        return [{ path: CATALOGUE_PATHS.json, text: personasJsonManifest(manifest, schemaRef) }];
      },
    });
  }

  if (!layout.tagPages && tags !== null)
    units.push({
      key: 'tags',
      digest: whole('tags'),
      render: () => [{ path: CATALOGUE_PATHS.tags, text: tags }],
    });
  else {
    units.push({
      key: 'tags',
      digest: whole('tags'),
      render: () => [{ path: CATALOGUE_PATHS.tags, text: markdown(tagDirectoryPage(ctx)) }],
    });
    for (const group of model.tags) {
      const key = `tags/${group.tag}`;
      units.push({
        key,
        digest:
          unchangedDigest(key) ??
          hashData(['tag', group.tag, total, group.personas.map((p) => [p.title, p.product, p.slug])]),
        render: () => [{ path: CATALOGUE_PATHS.tagPage(group.tag), text: markdown(tagPage(group, ctx)) }],
      });
    }
  }

  units.push({
    key: 'index',
    digest: whole('index'),
    render: () => {
      const index =
        lowerBoundOfIndex(model) > MAX_CATALOGUE_FILE_BYTES ? null : markdown(indexPage(ctx, false));
      return [
        {
          path: CATALOGUE_PATHS.index,
          text: index !== null && fits(index) ? index : markdown(indexPage(ctx, true)),
        },
      ];
    },
  });

  const mode = graphMode(model);
  const graph =
    mode === 'per-product' && lowerBoundOfGraph(model) > MAX_CATALOGUE_FILE_BYTES
      ? null
      : markdown(graphPage(ctx, mode));
  if (graph !== null && fits(graph))
    units.push({
      key: 'graph',
      digest: whole('graph'),
      render: () => [{ path: CATALOGUE_PATHS.graph, text: graph }],
    });
  else {
    units.push({
      key: 'graph',
      digest: whole('graph'),
      render: () => [{ path: CATALOGUE_PATHS.graph, text: markdown(graphDirectoryPage(ctx)) }],
    });
    for (const group of model.products) {
      const key = `graph/${group.product}`;
      units.push({
        key,
        digest:
          unchangedDigest(key) ?? hashData(['graph', group.product, total, productGraphInputs(group, model)]),
        render: () => [
          { path: CATALOGUE_PATHS.productGraph(group.product), text: markdown(productGraphPage(group, ctx)) },
        ],
      });
    }
  }

  for (const group of model.products) {
    const key = `products/${group.product}`;
    const self = CATALOGUE_PATHS.productIndex(group.product);
    const digest =
      unchangedDigest(key) ??
      hashData([
        'product-index',
        group.product,
        total,
        group.personas.map((p) => [
          p.id,
          p.slug,
          p.title,
          p.category,
          p.tags.map((tag) => [tag, tagHref(self, tag, layout)]),
          p.community?.confirmations ?? 0,
        ]),
      ]);
    units.push({ key, digest, render: () => [{ path: self, text: markdown(productIndexPage(group, ctx)) }] });
  }

  const personaPages = model.products.flatMap((group) =>
    group.personas.map((persona): PersonaPageJob => {
      const page = personaPagePath(persona);
      const digest = unchangedDigest(page, [persona]);
      if (digest !== undefined) return lazyPageJob(page, digest, () => personaPageInput(persona, ctx));
      const pageInput = personaPageInput(persona, ctx);
      return {
        path: page,
        input: pageInput,
        digest: hashData(['persona-page', digestOf(persona), pageInput.targets, pageInput.tagHrefs]),
      };
    }),
  );
  return { ctx, units, personaPages, digests, skeleton };
}

/** A page job whose input is built only if the page is rendered after all (its file was edited by hand). */
function lazyPageJob(page: string, digest: string, makeInput: () => PersonaPageInput): PersonaPageJob {
  let input: PersonaPageInput | undefined;
  return {
    path: page,
    digest,
    get input() {
      input ??= makeInput();
      return input;
    },
  };
}

/** One persona page's text. */
export function renderPersonaPage(input: PersonaPageInput, options: CatalogueOptions): string {
  return renderPersonaPageParts(input, options).join('');
}

/**
 * One persona page's text in pieces that, concatenated, are the page (see `personaPageParts`): written one
 * after the other, a page never exists as one string, so thousands of pages don't each take a large-object
 * allocation from the OS.
 */
export function renderPersonaPageParts(input: PersonaPageInput, options: CatalogueOptions): string[] {
  // Top-level blocks of a page are separated by one blank line; `serializeMarkdown` ends each part with one
  // line break, so one more joins it to the next exactly as serializing the whole page would. It is a part of
  // its own: appended to a part, it would make a copy of that part's text when the page is encoded.
  return personaPageParts(input, options).flatMap((part, index) =>
    index === 0 ? [serializeMarkdown(part)] : ['\n', serializeMarkdown(part)],
  );
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

/**
 * The whole catalogue, in memory: pure, deterministic, no file system. The CLI streams the same files instead
 * (see `planCatalogue`); tests and small tools use this.
 */
export function renderCatalogue(
  input: readonly CataloguePersona[],
  options: CatalogueOptions,
): RenderedCatalogue {
  const work = planCatalogue(input, options);
  const files = new Map<string, string>();
  const byUnit = new Map<string, string[]>();
  for (const unit of work.units) {
    const made = unit.render((key) => byUnit.get(key) ?? []);
    byUnit.set(
      unit.key,
      made.map((file) => file.path),
    );
    for (const file of made) files.set(file.path, file.text);
  }
  for (const job of work.personaPages) files.set(job.path, renderPersonaPage(job.input, options));
  const sorted = new Map([...files].sort(([a], [b]) => compareCodePoints(a, b)));
  const diagnostics = [...sorted].flatMap(([file, text]) =>
    fits(text) ? [] : [tooLargeDiagnostic(file, byteLength(text), options)],
  );
  return { files: sorted, diagnostics };
}

/** Both exports as single files when each fits, else null; a library far over the cap isn't serialized whole. */
function exportsFitInOneFile(
  personas: readonly CataloguePersona[],
  schemaRef: string,
  exportBytes: (persona: CataloguePersona) => number,
): { json: string; csv: string } | null {
  // A sum, so in any order; only a library that may fit is sorted.
  let lowerBound = 0;
  for (const persona of personas) {
    lowerBound += exportBytes(persona);
    if (lowerBound > MAX_CATALOGUE_FILE_BYTES) return null;
  }
  const byId = [...personas].sort(compareById);
  const json = personasJson(byId, schemaRef);
  const csv = personasCsv(byId);
  return fits(json) && fits(csv) ? { json, csv } : null;
}

/** At most the size of `tags.md` with every tag's personas: each lists a link to `<product>/<slug>.md`. */
function lowerBoundOfTagIndex(model: CatalogueModel): number {
  let bytes = 0;
  for (const group of model.tags) for (const persona of group.personas) bytes += persona.slug.length + 4;
  return bytes;
}

/**
 * At most the size of `graph.md` with one graph per product: every persona is a node (its id and at least the
 * visible characters of its title) and every edge names two ids.
 */
function lowerBoundOfGraph(model: CatalogueModel): number {
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

/**
 * At most the size of the index with every product's table: each row holds the id, the page link
 * (`<product>/<slug>.md`) labelled with at least the title's visible characters, the category, and each tag
 * both as link text and in its link.
 */
/** Whitespace and what `neutralizeText` drops (controls, bidi marks): never counted towards a lower bound. */
const INVISIBLE = /[\s\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

function lowerBoundOfIndex(model: CatalogueModel): number {
  let bytes = 0;
  for (const persona of model.personas) {
    bytes += persona.id.length + persona.product.length + persona.slug.length + 4;
    bytes += persona.title.replace(INVISIBLE, '').length + persona.category.length;
    for (const tag of persona.tags) bytes += 2 * tag.length;
  }
  return bytes;
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
