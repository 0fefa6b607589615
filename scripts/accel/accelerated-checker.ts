import path from 'node:path';
import { checkContributionFile } from '../check/contribution/check-contribution-file.ts';
import { compareWithPersonas } from '../check/contribution/check-contributions.ts';
import type { LibraryChecker } from '../check/library-checker.ts';
import { checkPersonaFile } from '../check/persona/check-persona-file.ts';
import { compileSchema, type SchemaValidator } from '../check/schema/compile-schema.ts';
import type { ContributionFacts } from '../core/contribution.ts';
import type { Diagnostic } from '../core/diagnostic.ts';
import type { PersonaFacts } from '../core/facts.ts';
import { DEFAULT_SETTINGS, type LintSettings } from '../core/lint-settings.ts';
import { contentHash } from '../core/sha256.ts';
import { readCapped } from '../read/read-library.ts';
import { fastContributionCheck, fastPersonaCheck } from './fast-checks.ts';
import type { ResultStore } from './result-store.ts';
import { type PoolOptions, type PoolTask, runInPool } from './worker-pool.ts';

/** Below this many files per thread, a worker costs more to start (load, compile the schemas) than it saves. */
export const FILES_PER_THREAD = 1500;

interface CheckShared {
  schema: object;
  keepData: boolean | 'if-parsed';
  settings: LintSettings;
}

interface FileJob {
  file: string;
  bytes: Uint8Array;
}

/** Each thread compiles a schema once, however many chunks it checks. */
const compiled = new Map<string, SchemaValidator>();
/** The same schema object asks again for every file of a chunk: answered without serializing it each time. */
const compiledByObject = new WeakMap<object, SchemaValidator>();
function validatorFor(schema: object): SchemaValidator {
  const known = compiledByObject.get(schema);
  if (known) return known;
  const key = JSON.stringify(schema);
  let validate = compiled.get(key);
  if (!validate) {
    validate = compileSchema(schema);
    compiled.set(key, validate);
  }
  compiledByObject.set(schema, validate);
  return validate;
}

export const checkPersonasTask: PoolTask<CheckShared, FileJob, PersonaFacts> = {
  name: 'check-personas',
  run: (shared, jobs) =>
    jobs.map(({ file, bytes }) => {
      const facts = checkPersonaFile(file, bytes, validatorFor(shared.schema), {
        fast: fastPersonaCheck,
        settings: shared.settings,
      });
      return shared.keepData !== false ? facts : { ...facts, data: null };
    }),
};

export const checkContributionsTask: PoolTask<CheckShared, FileJob, ContributionFacts> = {
  name: 'check-contributions',
  run: (shared, jobs) =>
    jobs.map(({ file, bytes }) =>
      checkContributionFile(file, bytes, validatorFor(shared.schema), {
        fast: fastContributionCheck,
        settings: shared.settings,
      }),
    ),
};

export interface AcceleratedOptions {
  store: ResultStore;
  schemas: { persona: object; contribution: object };
  /** The library's lint settings (persona.config.yaml); the defaults when absent. */
  settings?: LintSettings;
  pool?: Partial<PoolOptions>;
}

/**
 * The accelerated checker: a file whose content the store has seen is answered from it (by stamp, without even
 * reading it when its size, times and inode are unchanged); the rest are checked on the fast paths, spread over
 * worker threads when there are many. Comparisons of contributions with personas are remembered by both files'
 * content. Answers equal the reference checker's.
 */
export function acceleratedChecker(root: string, options: AcceleratedOptions): LibraryChecker {
  const { store } = options;
  const settings = options.settings ?? DEFAULT_SETTINGS;
  // Stored results hold for the schemas and settings they were checked with: their hash is part of every key.
  const schemaKey = contentHash(
    JSON.stringify([options.schemas.persona, options.schemas.contribution, settings]),
  );
  const hashes = new Map<string, string>();
  const pool: PoolOptions = { minItemsPerThread: FILES_PER_THREAD, ...options.pool };
  const absolute = (file: string) => path.join(root, file);
  const hashOf = (file: string) => {
    const known = store.hashOf(absolute(file), () => readCapped(absolute(file)));
    hashes.set(file, known.hash);
    return known;
  };
  const dataOf = (file: string) =>
    checkPersonaFile(file, readCapped(absolute(file)), validatorFor(options.schemas.persona), {
      fast: fastPersonaCheck,
      settings,
    }).data;

  async function checkWithStore<F extends { file: string }>(
    kind: string,
    files: readonly string[],
    task: PoolTask<CheckShared, FileJob, F>,
    shared: CheckShared,
    fromStore: (stored: F, file: string) => F | undefined,
  ): Promise<F[]> {
    const out = new Array<F>(files.length);
    const jobs: Array<{ index: number; job: FileJob; key: string }> = [];
    files.forEach((file, index) => {
      const { hash, bytes } = hashOf(file);
      const key = `${schemaKey}\0${file}\0${hash}`;
      const stored = store.get<F>(kind, key);
      const revived = stored === undefined ? undefined : fromStore(stored, file);
      if (revived) out[index] = revived;
      else jobs.push({ index, key, job: { file, bytes: bytes ?? readCapped(absolute(file)) } });
    });
    const checked = await runInPool(
      task,
      shared,
      jobs.map((j) => j.job),
      pool,
    );
    jobs.forEach(({ index, key }, k) => {
      const facts = checked[k] as F;
      out[index] = facts;
      store.set(kind, key, 'data' in facts ? { ...facts, data: null } : facts);
    });
    return out;
  }

  return {
    personas: async (files, { keepData }) => {
      const facts = await checkWithStore<PersonaFacts>(
        'persona',
        files,
        checkPersonasTask,
        { schema: options.schemas.persona, keepData, settings },
        (stored, file) => (isPersonaFacts(stored, file) ? stored : undefined),
      );
      // The store keeps no data: a caller that wants it has the files it has not just parsed read again.
      if (keepData !== true) return facts;
      return facts.map((f) => (f.data === null && f.readable ? { ...f, data: dataOf(f.file) } : f));
    },
    contributions: (files) =>
      checkWithStore<ContributionFacts>(
        'contribution',
        files,
        checkContributionsTask,
        { schema: options.schemas.contribution, keepData: true, settings },
        (stored, file) => (isContributionFacts(stored, file) ? stored : undefined),
      ),
    compare: async (planned, personas) => {
      const out = new Map<string, Diagnostic[]>();
      const missing: (typeof planned)[number][] = [];
      for (const comparison of planned) {
        const key = `${schemaKey}\0${hashes.get(comparison.contribution.file)}\0${hashes.get(comparison.target.file)}`;
        const known = store.get<Diagnostic[]>('compare', key);
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
          const key = `${schemaKey}\0${hashes.get(comparison.contribution.file)}\0${hashes.get(comparison.target.file)}`;
          store.set('compare', key, diagnostics);
        }
      }
      return out;
    },
    dataOf,
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
