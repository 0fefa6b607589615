import type { CataloguePersona, PersonaOutline } from '../../../core/catalogue-persona.ts';
import { hashData } from '../../../core/sha256.ts';
import type {
  CatalogueContext,
  CatalogueLayout,
  CatalogueOptions,
  FreshnessOptions,
} from '../catalogue-context.ts';
import type { CatalogueEntry } from '../catalogue-entry.ts';
import { buildCatalogueModel, type CatalogueModel } from '../catalogue-model.ts';
import type { MarkdownKit } from '../markdown-kit.ts';

/** One file of the catalogue: its path inside the catalogue folder, and its text in parts that, joined, are it. */
export interface CatalogueFile {
  path: string;
  parts: readonly string[];
}

/**
 * One piece of the catalogue to render: a page type, a key unique in the catalogue, and everything it is made
 * from. `input` is plain data; `personas` names the persona files whose whole data it also needs (their
 * content, by hash, is part of what it is made from). A page type's `render` sees nothing else, so the digest
 * of `(type, key, input, personas' contents, options, tool)` cannot miss an input.
 */
export interface CatalogueUnit {
  type: string;
  key: string;
  input: unknown;
  personas: readonly string[];
  /** The one file the unit writes, when known before rendering (a persona page): it can render on a worker. */
  path?: string;
}

/** What a page type plans from: the library's outlines, as a model, with the layout and derived sizes. */
export interface PlanContext extends CatalogueContext {
  /** Each persona file's derived entry (sizes of its export rows). */
  entries: ReadonlyMap<string, CatalogueEntry>;
  /** The outlines and layout, shared by the units made from the whole library (see `SharedCatalogue`). */
  shared: SharedCatalogue;
  /** What "needs review" is measured against: only the units that show it take it as input. */
  freshness: FreshnessOptions;
}

/**
 * A page type, in one file: which units it has in a catalogue (`units`, from the outlines), and how one unit is
 * rendered from exactly its input and declared personas (in the order declared).
 */
export interface PageType<Input> {
  name: string;
  units(ctx: PlanContext): Array<Omit<CatalogueUnit, 'type' | 'input'> & { input: Input }>;
  render(
    input: Input,
    personas: readonly CataloguePersona[],
    options: CatalogueOptions,
    kit: MarkdownKit,
  ): CatalogueFile[];
}

/**
 * The outlines of the whole library with the layout: the input of every page made from the library as a whole
 * (the index, tags, graph). It carries its own digest, so a unit's digest names it instead of hashing
 * thousands of outlines once per unit.
 */
export interface SharedCatalogue {
  shared: 'catalogue';
  digest: string;
  outlines: readonly PersonaOutline[];
  layout: CatalogueLayout;
  /** The vocabulary's description of each tag in use that has one (`tags.yaml`). */
  tagDescriptions: Readonly<Record<string, string>>;
}

export function shareCatalogue(
  outlines: readonly PersonaOutline[],
  layout: CatalogueLayout,
  tagDescriptions: Readonly<Record<string, string>> = {},
): SharedCatalogue {
  return {
    shared: 'catalogue',
    digest: hashData([outlines, layout, tagDescriptions]),
    outlines,
    layout,
    tagDescriptions,
  };
}

/** `JSON.stringify` replacer for digests: a shared catalogue stands for itself by its digest. */
export function digestReplacer(_key: string, value: unknown): unknown {
  return (value as Partial<SharedCatalogue> | null)?.shared === 'catalogue'
    ? `catalogue:${(value as SharedCatalogue).digest}`
    : value;
}

/** Every unit made from one shared catalogue renders from the same model, built once. */
const MODELS = new WeakMap<SharedCatalogue, CatalogueModel>();

export function contextOf(shared: SharedCatalogue, options: CatalogueOptions): CatalogueContext {
  let model = MODELS.get(shared);
  if (!model) {
    model = buildCatalogueModel(shared.outlines);
    MODELS.set(shared, model);
  }
  return { model, options, layout: shared.layout, tagDescriptions: shared.tagDescriptions };
}

/** A page type of one file rendered from its tree with the kit's serializer. */
export function markdownFile(path: string, kit: MarkdownKit, tree: Parameters<MarkdownKit['serialize']>[0]) {
  return { path, parts: [kit.serialize(tree)] };
}
