import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { checkContributionFile } from '../check/contribution/check-contribution-file.ts';
import type { ContributionFacts } from '../check/contribution/contribution.ts';
import type { PersonaTarget } from '../check/contribution/contribution-index.ts';
import { checkAgainstPersona } from '../check/contribution/rules/target-rules.ts';
import {
  checkPersonaFile,
  type PersonaFacts,
  type PersonaSummary,
  summarizePersona,
} from '../check/persona/check-persona-file.ts';
import { compileSchema, type SchemaValidator } from '../check/schema/compile-schema.ts';
import type { Diagnostic } from '../core/diagnostic.ts';
import { readCappedWithStat } from '../read/read-library.ts';
import { contentHash, type FileStamp } from './validate-cache.ts';

export interface CheckJobs {
  root: string;
  personaFiles: string[];
  contributionFiles: string[];
  personaSchema: object;
  contributionSchema: object;
  /**
   * Send every persona's data back (the catalogue renders them all). Otherwise it stays in the thread that
   * parsed it, contributions are compared with it there, and only summaries cross threads: copying 10,000
   * parsed personas between threads cost more than checking contributions against them.
   */
  personaData: boolean;
  /** Hash each file's content for the cache's stamps; without a cache the hash would be thrown away. */
  hashContent: boolean;
}

/** Facts as they come back from a thread: `data` is absent when it stayed there. */
export type CheckedPersona = Omit<PersonaFacts, 'data' | 'summary'> & {
  data?: PersonaFacts['data'];
  summary: PersonaSummary | null;
};

export interface CheckedFiles {
  personas: CheckedPersona[];
  contributions: ContributionFacts[];
  /** Size, mtime, inode and content hash of each file as it was read, in input order (for the cache). */
  personaStamps: FileStamp[];
  contributionStamps: FileStamp[];
}

/** One contribution to compare with its persona, in the thread that holds the persona's data. */
export interface Comparison {
  contribution: ContributionFacts;
  target: Omit<PersonaTarget, 'data'>;
  owner: number;
}

export interface FileCheck extends CheckedFiles {
  /** The thread that holds each persona's data (0 is the calling thread, which always has it). */
  personaOwners: number[];
  /**
   * Compares contributions with their personas where the data is (`dataOf` gives this thread's), in input
   * order, and lets the workers stop. Call it once, with an empty list when there is nothing to compare.
   */
  compare(
    comparisons: readonly Comparison[],
    dataOf: (file: string) => Record<string, unknown>,
  ): Promise<Diagnostic[][]>;
}

/** Marks the workerData of a checking worker, so the bundle's entry knows to run `runCheckWorker`. */
export const CHECK_WORKER = 'persona-check-worker';

/** Below this many files a worker's start-up (loading the bundle, compiling schemas) costs more than it saves. */
const FILES_PER_WORKER = 1500;

let workerEntry: URL | undefined;

/** Called by the CLI entry with its own URL: the bundle doubles as the worker script. */
export function registerWorkerEntry(url: string | URL): void {
  workerEntry = new URL(url);
}

/** Schemas the caller already compiled; the main thread's share reuses them instead of compiling again. */
export interface CompiledSchemas {
  persona: SchemaValidator;
  contribution: SchemaValidator;
}

/** The messages a worker answers after its share: contributions to compare with the personas it holds. */
interface CompareRequest {
  comparisons: Array<Omit<Comparison, 'owner'>>;
}

interface WorkerHandle {
  result: Promise<CheckedFiles>;
  compare(comparisons: Array<Omit<Comparison, 'owner'>>): Promise<Diagnostic[][]>;
  stop(): void;
}

/**
 * Reads and checks every file, each on its own (the per-file half of validation), spread over worker threads
 * when the library is large enough for that to pay. Results come back in the order of the inputs.
 * `compile` gives the caller's compiled schemas; it is called only after the workers were started, so the main
 * thread compiles while they load.
 */
export async function checkFiles(jobs: CheckJobs, compile: () => CompiledSchemas): Promise<FileCheck> {
  const total = jobs.personaFiles.length + jobs.contributionFiles.length;
  const threads = Math.min(availableParallelism(), Math.floor(total / FILES_PER_WORKER) + 1);
  if (!workerEntry || threads < 2) {
    const checked = checkShare(jobs, compile(), true);
    return {
      ...checked,
      personaOwners: checked.personas.map(() => 0),
      compare: async (comparisons, dataOf) => compareHere(comparisons, dataOf, compile().persona),
    };
  }
  // Round-robin shares keep the work even; the main thread takes share 0 instead of idling.
  const shares = Array.from({ length: threads }, (_, k) => ({
    ...jobs,
    personaFiles: jobs.personaFiles.filter((_, i) => i % threads === k),
    contributionFiles: jobs.contributionFiles.filter((_, i) => i % threads === k),
  }));
  const entry = workerEntry;
  const workers = shares.slice(1).map((share) => startWorker(entry, share));
  const own = checkShare(shares[0] as CheckJobs, compile(), true);
  // A worker that fails is replaced by checking its share here, with the data kept here.
  const results = await Promise.all(
    workers.map((worker, k) =>
      worker.result.catch(() => {
        worker.stop();
        return checkShare(shares[k + 1] as CheckJobs, compile(), true);
      }),
    ),
  );
  const all = [own, ...results];
  const owners = all.map((result, k) => result.personas.map((p) => ('data' in p ? 0 : k)));
  return {
    personas: interleave(all.map((r) => r.personas)),
    contributions: interleave(all.map((r) => r.contributions)),
    personaStamps: interleave(all.map((r) => r.personaStamps)),
    contributionStamps: interleave(all.map((r) => r.contributionStamps)),
    personaOwners: interleave(owners),
    async compare(comparisons, dataOf) {
      const byOwner = Array.from({ length: threads }, () => [] as number[]);
      comparisons.forEach((c, i) => {
        (byOwner[c.owner] ?? (byOwner[0] as number[])).push(i);
      });
      const asked = workers.map((worker, k) => {
        const mine = byOwner[k + 1] as number[];
        const request = mine.map((i) => {
          const { owner: _owner, ...rest } = comparisons[i] as Comparison;
          return rest;
        });
        // A worker lost between the two phases: its personas are read again here (the facts load on demand).
        return worker
          .compare(request)
          .catch(() => compareHere(request, dataOf, compile().persona))
          .finally(() => worker.stop());
      });
      const out: Diagnostic[][] = new Array(comparisons.length);
      const local = byOwner[0] as number[];
      compareHere(
        local.map((i) => comparisons[i] as Comparison),
        dataOf,
        compile().persona,
      ).forEach((diagnostics, j) => {
        out[local[j] as number] = diagnostics;
      });
      const answers = await Promise.all(asked);
      answers.forEach((answer, k) => {
        (byOwner[k + 1] as number[]).forEach((i, j) => {
          out[i] = answer[j] as Diagnostic[];
        });
      });
      return out;
    },
  };
}

function compareHere(
  comparisons: readonly Omit<Comparison, 'owner'>[],
  dataOf: (file: string) => Record<string, unknown>,
  validatePersona: SchemaValidator,
): Diagnostic[][] {
  return comparisons.map(({ contribution: facts, target }) => {
    const data = dataOf(target.file);
    return facts.contribution
      ? checkAgainstPersona({
          facts,
          contribution: facts.contribution,
          target: { ...target, data },
          data,
          validatePersona,
        })
      : [];
  });
}

/** Undoes the round-robin split: item i of share k was input k + i·threads. */
function interleave<T>(shares: T[][]): T[] {
  const out: T[] = [];
  const longest = Math.max(...shares.map((s) => s.length));
  for (let i = 0; i < longest; i++) for (const share of shares) if (i < share.length) out.push(share[i] as T);
  return out;
}

function startWorker(entry: URL, jobs: CheckJobs): WorkerHandle {
  const worker = new Worker(entry, { workerData: { [CHECK_WORKER]: true, jobs } });
  let failed: Error | undefined;
  const failures = new Set<(error: Error) => void>();
  const fail = (error: Error) => {
    failed ??= error;
    for (const reject of failures) reject(error);
  };
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`check worker exited with code ${code}`)));
  const next = <T>() =>
    new Promise<T>((resolve, reject) => {
      if (failed) return reject(failed);
      failures.add(reject);
      worker.once('message', (message: T) => {
        failures.delete(reject);
        resolve(message);
      });
    });
  const result = next<CheckedFiles>();
  return {
    result,
    compare(comparisons) {
      const answer = next<Diagnostic[][]>();
      worker.postMessage({ comparisons } satisfies CompareRequest);
      return answer;
    },
    stop: () => void worker.terminate(),
  };
}

/**
 * Checks one share. `keepData` leaves each persona's data in its facts (this thread); otherwise it is left
 * out of the facts and kept in `held` for the comparisons asked of this thread later.
 */
export function checkShare(
  jobs: CheckJobs,
  compiled?: CompiledSchemas,
  keepData = jobs.personaData,
  held?: Map<string, Record<string, unknown>>,
): CheckedFiles {
  const validatePersona = compiled?.persona ?? compileSchema(jobs.personaSchema);
  const validateContribution = compiled?.contribution ?? compileSchema(jobs.contributionSchema);
  const out: CheckedFiles = { personas: [], contributions: [], personaStamps: [], contributionStamps: [] };
  for (const file of jobs.personaFiles) {
    const { bytes, ...stat } = readCappedWithStat(path.join(jobs.root, file));
    const facts = checkPersonaFile(file, bytes, validatePersona);
    const summary = facts.data ? summarizePersona(facts.data) : null;
    if (keepData) out.personas.push({ ...facts, summary });
    else {
      const { data, ...rest } = facts;
      if (data) held?.set(file, data);
      out.personas.push({ ...rest, summary });
    }
    out.personaStamps.push({ ...stat, hash: jobs.hashContent ? contentHash(bytes) : '' });
  }
  for (const file of jobs.contributionFiles) {
    const { bytes, ...stat } = readCappedWithStat(path.join(jobs.root, file));
    out.contributions.push(checkContributionFile(file, bytes, validateContribution));
    out.contributionStamps.push({ ...stat, hash: jobs.hashContent ? contentHash(bytes) : '' });
  }
  return out;
}

/** What the worker side needs of its thread: a way to post results and to receive the comparison request. */
export interface WorkerPort {
  postMessage(message: unknown): void;
  once(event: 'message', listener: (message: CompareRequest) => void): unknown;
}

/** The worker side: check the share, post the facts, then compare contributions with the personas it holds. */
export async function runCheckWorker(data: { jobs: CheckJobs }, port: WorkerPort): Promise<void> {
  const held = new Map<string, Record<string, unknown>>();
  const validatePersona = compileSchema(data.jobs.personaSchema);
  const compiled = { persona: validatePersona, contribution: compileSchema(data.jobs.contributionSchema) };
  const request = new Promise<CompareRequest>((resolve) => port.once('message', resolve));
  port.postMessage(checkShare(data.jobs, compiled, data.jobs.personaData, held));
  const { comparisons } = await request;
  port.postMessage(compareHere(comparisons, (file) => held.get(file) ?? {}, validatePersona));
}

/** A hash of the running bundle: cached results from any other build of the tool are never reused. */
export function toolIdentity(): string | undefined {
  if (!workerEntry) return undefined;
  try {
    return contentHash(readFileSync(workerEntry));
  } catch {
    return undefined;
  }
}
