import { type Accelerator, closeAccelerator, openAccelerator } from '../accel/accelerator.ts';
import { CatalogueMemory } from '../accel/catalogue-memory.ts';
import { FAST_KIT } from '../accel/fast-kit.ts';
import { PersonaChangedError, reloadPersona } from '../accel/persona-reload.ts';
import { PAGES_PER_THREAD, writePagesTask } from '../accel/pool-tasks.ts';
import { type PoolOptions, runInPool } from '../accel/worker-pool.ts';
import { CatalogueFolder, type ChangedFile, removeCatalogueFiles } from '../apply/catalogue-folder.ts';
import { syncPageFile } from '../apply/sync-page-file.ts';
import { type PageJob, type PersonaSource, writePage } from '../apply/write-catalogue-unit.ts';
import { type CataloguePersona, toCataloguePersona } from '../core/catalogue-persona.ts';
import { compareCodePoints, type Diagnostic } from '../core/diagnostic.ts';
import { listCatalogueFolder } from '../read/read-catalogue-folder.ts';
import type { CatalogueOptions, FreshnessOptions } from '../render/catalogue/catalogue-context.ts';
import { catalogueEntryOf } from '../render/catalogue/catalogue-entry.ts';
import { tooLargeDiagnostic } from '../render/catalogue/catalogue-limits.ts';
import { layOutCatalogue, renderUnit } from '../render/catalogue/catalogue-units.ts';
import { REFERENCE_KIT } from '../render/catalogue/markdown-kit.ts';
import type { CatalogueUnit } from '../render/catalogue/pages/page-type.ts';
import { validateLibrary } from './validate-library.ts';

export interface CatalogueRunOptions {
  /** Absolute folder the catalogue is written to. */
  outDir: string;
  options: CatalogueOptions;
  /** Compare with the files instead of writing them. */
  check: boolean;
  /**
   * Render every valid persona and skip the ones with errors (the apply workflow: a cross-file problem that a
   * merge created must not stop the catalogue). Otherwise any persona error stops the run before it writes.
   */
  keepGoing: boolean;
  env: Record<string, string | undefined>;
  /** What "needs review" is measured against (the CLI reads the date from git, or `--as-of`). */
  freshness?: FreshnessOptions;
  /** The accelerator's pool options (tests start threads in-process, with a low threshold). */
  pool?: Partial<PoolOptions>;
}

export type CatalogueRun =
  /** Persona errors stopped the run (without keepGoing): nothing was written. */
  | { kind: 'blocked'; personas: number; diagnostics: Diagnostic[] }
  /** A file would exceed the size cap: nothing was written. */
  | { kind: 'too-large'; personas: number; diagnostics: Diagnostic[] }
  | {
      kind: 'done';
      personas: number;
      changed: ChangedFile[];
      stale: string[];
      unchanged: number;
      /** Units rendered in this run; the rest were known current (the accelerator's store). */
      rendered: string[];
      /** Persona files left out because they have errors (keepGoing only), with those errors. */
      skipped: Array<{ file: string; diagnostics: Diagnostic[] }>;
    };

/**
 * validate the personas → each one's entry → lay out the units → render the ones not known current → write
 * (or compare) → remove stale files. Throws `SymlinkInCatalogueError` when a link sits where a generated file
 * or folder goes. With the accelerator, entries and current units come from its store and persona pages render
 * on its worker pool; `--check` always renders everything and compares it with the files themselves.
 */
export async function buildCatalogue(root: string, run: CatalogueRunOptions): Promise<CatalogueRun> {
  const accelerator = openAccelerator(root, { env: run.env, pool: run.pool });
  try {
    return await build(root, run, accelerator);
  } finally {
    closeAccelerator(accelerator);
  }
}

async function build(root: string, run: CatalogueRunOptions, accelerator: Accelerator | null) {
  const personas = await validPersonas(root, run, accelerator);
  if ('blocked' in personas) return personas.blocked;
  const { valid, broken, tagDescriptions, hashes } = personas;

  const kit = accelerator ? FAST_KIT : REFERENCE_KIT;
  const memory =
    accelerator && !run.check
      ? new CatalogueMemory(accelerator, root, run.outDir, run.options, hashes)
      : null;
  // Each entry from the data validation parsed, which is let go as soon as it is used: every later step reads
  // the personas it needs again, one at a time, so the run holds outlines, not every persona's data.
  const entries = new Map(
    valid.map((file) => {
      const compute = () => catalogueEntryOf(personas.takeData(file) ?? personas.load(file));
      return [file, memory ? memory.entryOf(file, compute) : compute()] as const;
    }),
  );
  personas.letGo();
  const { load, sourceOf } = personas;
  const { units } = layOutCatalogue(entries, run.options, kit, {
    tagDescriptions,
    ...(run.freshness ? { freshness: run.freshness } : {}),
  });

  const folder = new CatalogueFolder(run.outDir, { check: run.check });
  // Listed while this thread renders; changed files are staged under hidden names until the end.
  const existing = listCatalogueFolder(run.outDir);
  existing.catch(() => undefined);
  const produced = new Map<string, string[]>();
  try {
    const digests = new Map(memory ? units.map((unit) => [unit, memory.digestOf(unit)]) : []);
    const toRender: CatalogueUnit[] = [];
    for (const unit of units) {
      const current = memory?.currentFiles(digests.get(unit) as string) ?? null;
      if (current) folder.keep(current);
      else toRender.push(unit);
    }
    // Persona pages first: with the accelerator they go to its workers, which render and write them while this
    // thread renders the files made from the whole library. Sizes are decided before any of it: every listing
    // lays itself out in numbered parts under the cap (catalogue-limits.ts), so the too-large check below is a
    // safety net for one item alone over the cap, which capped cards and summaries keep from happening.
    const pages = toRender.filter((u) => u.path !== undefined);
    const jobs: PageJob[] = pages.map((unit) => ({
      unit: { type: unit.type, input: unit.input },
      personas: unit.personas.map(sourceOf),
      write: folder.prepare(unit.path as string),
    }));
    const pagesDone = accelerator
      ? runInPool(writePagesTask, { root, options: run.options }, jobs, {
          minItemsPerThread: PAGES_PER_THREAD,
          workersOnly: true,
          ...accelerator.pool,
        })
      : Promise.resolve(jobs.map((job) => writePage(job, run.options, kit, (source) => load(source.file))));
    // Its failure is taken up below, after this thread's own work: until then it must not count as unhandled.
    pagesDone.catch(() => undefined);
    try {
      for (const unit of toRender.filter((u) => u.path === undefined)) {
        const files = renderUnit(unit, unit.personas.map(load), run.options, kit);
        for (const file of files) {
          const write = folder.prepare(file.path);
          folder.record(write, syncPageFile(file.parts, write));
        }
        produced.set(
          unit.key,
          files.map((file) => file.path),
        );
        // Let the workers' answers in (each brings them their next pages).
        await new Promise((resolve) => setImmediate(resolve));
      }
    } catch (error) {
      // Let the workers stop writing before the staged files are cleaned up.
      await pagesDone.catch(() => undefined);
      throw error;
    }
    const outcomes = await pagesDone;
    jobs.forEach((job, index) => {
      folder.record(job.write, outcomes[index] as (typeof outcomes)[number]);
      produced.set((pages[index] as CatalogueUnit).key, [job.write.file]);
    });

    if (folder.tooLarge.length > 0) {
      await folder.abort();
      const diagnostics = folder.tooLarge.map((f) => tooLargeDiagnostic(f.path, f.bytes, run.options));
      return { kind: 'too-large' as const, personas: valid.length, diagnostics };
    }
    const stale = folder.stale(await existing);
    if (run.check) await folder.abort();
    else {
      folder.commit();
      await removeCatalogueFiles(run.outDir, stale);
      if (memory)
        for (const unit of toRender)
          memory.remember(digests.get(unit) as string, produced.get(unit.key) ?? []);
    }
    return {
      kind: 'done' as const,
      personas: valid.length,
      changed: [...folder.changed].sort((a, b) => compareCodePoints(a.path, b.path)),
      stale,
      unchanged: folder.unchanged,
      rendered: toRender.map((unit) => unit.key),
      skipped: [...broken].map(([file, diagnostics]) => ({ file, diagnostics })),
    };
  } catch (error) {
    await folder.abort();
    throw error;
  }
}

interface ValidPersonas {
  /** The personas without errors (all of them, but with keepGoing), by file. */
  valid: string[];
  broken: Map<string, Diagnostic[]>;
  tagDescriptions: ReadonlyMap<string, string>;
  /** Each persona file's content hash as validation read it (the accelerator's; empty on the reference path). */
  hashes: ReadonlyMap<string, string>;
  /** The data validation parsed for a file, given once (null when it kept none). */
  takeData(file: string): CataloguePersona | null;
  /** Lets go of what validation kept: everything after reads personas again. */
  letGo(): void;
  /** A valid persona read again, as validated (the run stops if its file changed since). */
  load(file: string): CataloguePersona;
  /** A persona as a page job names it, for the thread that renders the page to read. */
  sourceOf(file: string): PersonaSource;
}

/**
 * Validation of the personas only (contributions don't change what the catalogue shows, and only the personas'
 * problems count), reduced to what the catalogue needs: which personas are valid, and how to read one again.
 * The validation result itself (every persona's facts and data) is not kept beyond this.
 */
async function validPersonas(
  root: string,
  run: CatalogueRunOptions,
  accelerator: Accelerator | null,
): Promise<{ blocked: CatalogueRun } | ValidPersonas> {
  const library = await validateLibrary(root, {
    contributions: false,
    personaData: run.check ? true : 'if-parsed',
    accelerator,
    env: run.env,
  });
  const errors = library.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0 && !run.keepGoing)
    return { blocked: { kind: 'blocked', personas: library.personas.length, diagnostics: errors } };
  const broken = new Map<string, Diagnostic[]>();
  for (const d of errors) broken.set(d.file, [...(broken.get(d.file) ?? []), d]);
  let parsed: Map<string, Record<string, unknown>> | null = new Map();
  const valid: string[] = [];
  for (const facts of library.personas) {
    if (broken.has(facts.file)) continue;
    valid.push(facts.file);
    if (facts.data) parsed.set(facts.file, facts.data);
  }
  const hashes = library.checked?.hashes ?? new Map<string, string>();
  const { readPersonaData, tagDescriptions } = library;
  const sourceOf = (file: string): PersonaSource => ({ file, hash: hashes.get(file) ?? null });
  const kept = new Map<string, CataloguePersona>();
  return {
    valid,
    broken,
    tagDescriptions,
    hashes,
    takeData(file) {
      const data = parsed?.get(file);
      parsed?.delete(file);
      if (!data) return null;
      const persona = toCataloguePersona(file, data);
      if (!accelerator) kept.set(file, persona);
      return persona;
    },
    letGo() {
      parsed = null;
    },
    // The accelerator reads a persona again cheaply (its bytes still hashing as validated, the fast YAML path);
    // the reference keeps what it read, and checks in full a persona whose data validation did not keep.
    load: accelerator
      ? (file) => reloadPersona(root, sourceOf(file))
      : (file) => {
          const known = kept.get(file);
          if (known) return known;
          const data = readPersonaData(file);
          if (!data) throw new PersonaChangedError(file);
          const persona = toCataloguePersona(file, data);
          kept.set(file, persona);
          return persona;
        },
    sourceOf,
  };
}
