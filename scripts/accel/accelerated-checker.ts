import path from 'node:path';
import { checkContributionFile } from '../check/contribution/check-contribution-file.ts';
import { compareWithPersonas } from '../check/contribution/check-contributions.ts';
import type { CheckedFiles, LibraryChecker } from '../check/library-checker.ts';
import { checkPersonaFile } from '../check/persona/check-persona-file.ts';
import { compileSchema, type SchemaValidator } from '../check/schema/compile-schema.ts';
import type { ContributionFacts } from '../core/contribution.ts';
import type { Diagnostic } from '../core/diagnostic.ts';
import type { PersonaFacts } from '../core/facts.ts';
import { DEFAULT_SETTINGS, type LintSettings } from '../core/lint-settings.ts';
import { contentHash } from '../core/sha256.ts';
import { readCapped, readCappedWithStat } from '../read/read-library.ts';
import { fastContributionCheck, fastPersonaCheck } from './fast-checks.ts';
import type { FileStamp, ResultStore } from './result-store.ts';
import { type PoolOptions, type PoolTask, runInPool } from './worker-pool.ts';

/** Below this many files per thread, a worker costs more to start (load, compile the schemas) than it saves. */
export const FILES_PER_THREAD = 1500;

interface CheckShared {
  root: string;
  schema: object;
  keepData: boolean | 'if-parsed';
  settings: LintSettings;
  /** Keep the data of the personas these slugs or ids name (the targets of contributions), whatever `keepData`. */
  keepDataFor?: readonly string[];
  /** The twin's content hash of each file it checked: a file with the same path and hash is not checked again. */
  twinHashes?: ReadonlyMap<string, string>;
}

/**
 * A file checked on some thread: its facts (null: its bytes are the twin's, whose facts it takes), and its
 * content hash with the stamp it had when read.
 */
interface Checked<F> {
  facts: F | null;
  hash: string;
  stamp: FileStamp;
}

/** The same path with the same bytes as in the twin library. */
function sameAsTwin(shared: CheckShared, file: string, hash: string): boolean {
  return shared.twinHashes?.get(file) === hash;
}

/**
 * Each thread compiles a schema once, however many chunks it checks. Keyed by the schema object itself (one per
 * task on each thread): its JSON, computed for every file, had cost more than checking a warm file.
 */
const compiled = new WeakMap<object, SchemaValidator>();
function validatorFor(schema: object): SchemaValidator {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = compileSchema(schema);
    compiled.set(schema, validate);
  }
  return validate;
}

/** Each thread reads its own files: nothing is read ahead on the main thread, and no bytes cross threads. */
function readJob(root: string, file: string): { bytes: Uint8Array; hash: string; stamp: FileStamp } {
  const { bytes, ...stamp } = readCappedWithStat(path.join(root, file));
  return { bytes, hash: contentHash(bytes), stamp };
}

const KEEP_FOR = new WeakMap<object, Set<string>>();

export const checkPersonasTask: PoolTask<CheckShared, string, Checked<PersonaFacts>> = {
  name: 'check-personas',
  run: (shared, files) => {
    let wanted = KEEP_FOR.get(shared);
    if (!wanted) {
      wanted = new Set(shared.keepDataFor ?? []);
      KEEP_FOR.set(shared, wanted);
    }
    return files.map((file) => {
      const { bytes, hash, stamp } = readJob(shared.root, file);
      if (sameAsTwin(shared, file, hash)) return { facts: null, hash, stamp };
      const facts = checkPersonaFile(file, bytes, validatorFor(shared.schema), {
        fast: fastPersonaCheck,
        settings: shared.settings,
      });
      const keep =
        shared.keepData !== false ||
        wanted.has(facts.identity.slug ?? '\0') ||
        wanted.has(facts.identity.id ?? '\0');
      return { facts: keep ? facts : { ...facts, data: null }, hash, stamp };
    });
  },
};

export const checkContributionsTask: PoolTask<CheckShared, string, Checked<ContributionFacts>> = {
  name: 'check-contributions',
  run: (shared, files) =>
    files.map((file) => {
      const { bytes, hash, stamp } = readJob(shared.root, file);
      if (sameAsTwin(shared, file, hash)) return { facts: null, hash, stamp };
      const facts = checkContributionFile(file, bytes, validatorFor(shared.schema), {
        fast: fastContributionCheck,
        settings: shared.settings,
      });
      return { facts, hash, stamp };
    }),
};

export interface AcceleratedOptions {
  store: ResultStore;
  schemas: { persona: object; contribution: object };
  /** The library's lint settings (persona.config.yaml); the defaults when absent. */
  settings?: LintSettings;
  pool?: Partial<PoolOptions>;
  /**
   * A library checked just before that this one mostly shares (a pull request's head, when checking its base):
   * a file with the same path and bytes, checked with the same schemas and settings, takes the twin's facts
   * (shared, not copied: facts are never changed once made) instead of being parsed and checked again.
   */
  twin?: {
    checked: CheckedFiles;
    personas: readonly PersonaFacts[];
    contributions: readonly ContributionFacts[];
  };
}

/**
 * The accelerated checker: a file whose content the store has seen is answered from it (by stamp, without even
 * reading it when its size, times and inode are unchanged); the rest are checked on the fast paths, spread over
 * worker threads when there are many, each thread reading its own files. Comparisons of contributions with
 * personas are remembered by both files' content. Answers equal the reference checker's.
 */
export function acceleratedChecker(root: string, options: AcceleratedOptions): LibraryChecker {
  const { store } = options;
  const settings = options.settings ?? DEFAULT_SETTINGS;
  // Stored results hold for the schemas and settings they were checked with: their hash is part of every key.
  const schemaKey = contentHash(
    JSON.stringify([options.schemas.persona, options.schemas.contribution, settings]),
  );
  const hashes = new Map<string, string>();
  let withData = false;
  const twin = options.twin?.checked.key === schemaKey ? options.twin : undefined;
  const byFile = <F extends { file: string }>(facts: readonly F[] = []) =>
    new Map(facts.map((f) => [f.file, f]));
  const twinPersonas = byFile(twin?.personas);
  const twinContributions = byFile(twin?.contributions);
  const pool: PoolOptions = { minItemsPerThread: FILES_PER_THREAD, ...options.pool };
  const absolute = (file: string) => path.join(root, file);
  const dataOf = (file: string) =>
    checkPersonaFile(file, readCapped(absolute(file)), validatorFor(options.schemas.persona), {
      fast: fastPersonaCheck,
      settings,
    }).data;

  async function checkWithStore<F extends { file: string }>(
    kind: string,
    files: readonly string[],
    task: PoolTask<CheckShared, string, Checked<F>>,
    shared: CheckShared,
    fromStore: ((stored: F, file: string) => F | undefined) | null,
    /** The twin's facts by file, and whether they will do (a persona's must have data when the caller wants it). */
    twinFacts: ReadonlyMap<string, F>,
    fromTwin: (facts: F) => boolean,
  ): Promise<F[]> {
    const out = new Array<F>(files.length);
    const jobs: Array<{ index: number; file: string }> = [];
    files.forEach((file, index) => {
      const hash = store.knownHash(absolute(file));
      if (hash !== undefined) hashes.set(file, hash);
      const stored =
        hash === undefined || !fromStore ? undefined : store.get<F>(kind, `${schemaKey}\0${file}\0${hash}`);
      const revived = stored === undefined || !fromStore ? undefined : fromStore(stored, file);
      if (revived) out[index] = revived;
      else jobs.push({ index, file });
    });
    const twinHashes = new Map<string, string>();
    for (const { file } of jobs) {
      const facts = twinFacts.get(file);
      const hash = twin?.checked.hashes.get(file);
      if (facts && hash !== undefined && fromTwin(facts)) twinHashes.set(file, hash);
    }
    const checked = await runInPool(
      task,
      twinHashes.size > 0 ? { ...shared, twinHashes } : shared,
      jobs.map((j) => j.file),
      pool,
    );
    jobs.forEach(({ index, file }, k) => {
      const { facts, hash, stamp } = checked[k] as Checked<F>;
      hashes.set(file, hash);
      store.record(absolute(file), stamp, hash);
      if (facts === null) {
        out[index] = twinFacts.get(file) as F;
        return;
      }
      out[index] = facts;
      store.set(kind, `${schemaKey}\0${file}\0${hash}`, 'data' in facts ? { ...facts, data: null } : facts);
    });
    return out;
  }

  return {
    personas: (files, { keepData, keepDataFor }) => {
      withData = keepData === true;
      return checkWithStore<PersonaFacts>(
        'persona',
        files,
        checkPersonasTask,
        { root, schema: options.schemas.persona, keepData, keepDataFor, settings },
        // The store keeps no data: a caller that wants every persona's data has every file checked again, on
        // the pool, rather than read one by one here.
        keepData === true ? null : (stored, file) => (isPersonaFacts(stored, file) ? stored : undefined),
        twinPersonas,
        () => keepData !== true || twin?.checked.withData === true,
      );
    },
    contributions: (files) =>
      checkWithStore<ContributionFacts>(
        'contribution',
        files,
        checkContributionsTask,
        { root, schema: options.schemas.contribution, keepData: true, settings },
        (stored, file) => (isContributionFacts(stored, file) ? stored : undefined),
        twinContributions,
        () => true,
      ),
    compare: async (planned, personas) => {
      const out = new Map<string, Diagnostic[]>();
      const missing: (typeof planned)[number][] = [];
      const keyOf = (comparison: (typeof planned)[number]) =>
        `${schemaKey}\0${hashes.get(comparison.contribution.file)}\0${hashes.get(comparison.target.file)}`;
      for (const comparison of planned) {
        const known = store.get<Diagnostic[]>('compare', keyOf(comparison));
        if (Array.isArray(known)) out.set(comparison.contribution.file, known);
        else missing.push(comparison);
      }
      if (missing.length > 0) {
        const held = new Map(personas.flatMap((p) => (p.data ? [[p.file, p.data] as const] : [])));
        const needed = new Map<string, Record<string, unknown>>();
        for (const { target } of missing) {
          const data = held.get(target.file) ?? dataOf(target.file);
          if (data) needed.set(target.file, data);
        }
        const compared = compareWithPersonas(missing, needed, validatorFor(options.schemas.persona));
        for (const comparison of missing) {
          const diagnostics = compared.get(comparison.contribution.file) ?? [];
          out.set(comparison.contribution.file, diagnostics);
          store.set('compare', keyOf(comparison), diagnostics);
        }
      }
      return out;
    },
    dataOf,
    checked: () => ({ key: schemaKey, hashes, withData }),
  };
}

/** A stored result is used only if it has the shape it was stored with, for the same file. */
function isPersonaFacts(value: unknown, file: string): value is PersonaFacts {
  const facts = value as Partial<PersonaFacts> | null;
  return (
    facts?.file === file &&
    Array.isArray(facts.diagnostics) &&
    typeof facts.readable === 'boolean' &&
    typeof facts.identity === 'object' &&
    facts.identity !== null &&
    typeof facts.collected === 'object' &&
    facts.collected !== null
  );
}

function isContributionFacts(value: unknown, file: string): value is ContributionFacts {
  const facts = value as Partial<ContributionFacts> | null;
  return facts?.file === file && Array.isArray(facts.diagnostics) && typeof facts.places === 'object';
}
