import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { checkContributionFile } from '../check/contribution/check-contribution-file.ts';
import type { PersonaTarget } from '../check/contribution/contribution-index.ts';
import { checkAgainstPersona } from '../check/contribution/rules/target-rules.ts';
import {
  checkPersonaFile,
  type PersonaFacts,
  type PersonaSummary,
  summarizePersona,
} from '../check/persona/check-persona-file.ts';
import { compileSchemaOnFirstUse, type SchemaValidator } from '../check/schema/compile-schema.ts';
import type { ContributionFacts } from '../core/contribution.ts';
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

/** Called by the CLI entry with its own URL: the bundle doubles as the worker script. Undefined: no workers. */
export function registerWorkerEntry(url: string | URL | undefined): void {
  workerEntry = url === undefined ? undefined : new URL(url);
}

/** Schemas the caller already compiled; the main thread's share reuses them instead of compiling again. */
export interface CompiledSchemas {
  persona: SchemaValidator;
  contribution: SchemaValidator;
}

/** The messages a worker answers after its share: contributions to compare with the personas it holds. */
interface CompareRequest {
  comparisons: Comparison[];
}

interface WorkerHandle {
  result: Promise<ClaimedFiles>;
  compare(comparisons: Comparison[]): Promise<Diagnostic[][]>;
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
    const total = jobs.personaFiles.length + jobs.contributionFiles.length;
    const checked = checkIndices(
      jobs,
      Array.from({ length: total }, (_, i) => i),
      compile(),
      true,
    );
    return {
      ...checked,
      personaOwners: checked.personas.map(() => 0),
      compare: async (comparisons, dataOf) => compareHere(comparisons, dataOf, compile().persona),
    };
  }
  // Files are handed out in chunks from a counter all threads share, so a worker that starts late (it loads
  // the bundle and compiles the schemas while this thread already checks) simply takes fewer chunks.
  const counter = new Int32Array(new SharedArrayBuffer(4));
  const entry = workerEntry;
  const workers = Array.from({ length: threads - 1 }, () => startWorker(entry, jobs, counter.buffer));
  const own = checkClaimed(jobs, counter, compile(), true);
  const reports = await Promise.all(
    workers.map((worker) =>
      worker.result.catch(() => {
        worker.stop();
        return undefined;
      }),
    ),
  );
  // What a lost worker had claimed is checked here, with the data kept here.
  const all = [own, ...reports];
  const missing = unclaimed(jobs, all);
  if (missing.length > 0) all.push(checkIndices(jobs, missing, compile(), true));
  const personas = new Array<CheckedPersona>(jobs.personaFiles.length);
  const personaStamps = new Array<FileStamp>(jobs.personaFiles.length);
  const personaOwners = new Array<number>(jobs.personaFiles.length);
  const contributions = new Array<ContributionFacts>(jobs.contributionFiles.length);
  const contributionStamps = new Array<FileStamp>(jobs.contributionFiles.length);
  all.forEach((report, thread) => {
    report?.personaIndices.forEach((index, j) => {
      const facts = report.personas[j] as CheckedPersona;
      personas[index] = facts;
      personaStamps[index] = report.personaStamps[j] as FileStamp;
      personaOwners[index] = 'data' in facts ? 0 : thread;
    });
    report?.contributionIndices.forEach((index, j) => {
      contributions[index] = report.contributions[j] as ContributionFacts;
      contributionStamps[index] = report.contributionStamps[j] as FileStamp;
    });
  });
  return {
    personas,
    contributions,
    personaStamps,
    contributionStamps,
    personaOwners,
    async compare(comparisons, dataOf) {
      const byOwner = Array.from({ length: threads }, () => [] as number[]);
      comparisons.forEach((c, i) => {
        (byOwner[c.owner] ?? (byOwner[0] as number[])).push(i);
      });
      const asked = workers.map((worker, k) => {
        const mine = byOwner[k + 1] as number[];
        const request = mine.map((i) => comparisons[i] as Comparison);
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
  comparisons: readonly Comparison[],
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

function startWorker(entry: URL, jobs: CheckJobs, counter: SharedArrayBuffer): WorkerHandle {
  const worker = new Worker(entry, { workerData: { [CHECK_WORKER]: true, jobs, counter } });
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
  const result = next<ClaimedFiles>();
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

/** Checked files with their positions in the inputs (`personaFiles`, `contributionFiles`). */
interface ClaimedFiles extends CheckedFiles {
  personaIndices: number[];
  contributionIndices: number[];
}

/** Files per claim: small enough to even out the threads' finishing times, large enough to claim rarely. */
const CHUNK = 32;

/** Checks chunks of files, claimed one at a time from `counter` until none are left. */
function checkClaimed(
  jobs: CheckJobs,
  counter: Int32Array,
  compiled: CompiledSchemas,
  keepData: boolean,
  held?: Map<string, Record<string, unknown>>,
): ClaimedFiles {
  const total = jobs.personaFiles.length + jobs.contributionFiles.length;
  function* claimed(): Generator<number> {
    for (let chunk = Atomics.add(counter, 0, 1); chunk * CHUNK < total; chunk = Atomics.add(counter, 0, 1))
      for (let i = chunk * CHUNK; i < Math.min(total, (chunk + 1) * CHUNK); i++) yield i;
  }
  return checkIndices(jobs, claimed(), compiled, keepData, held);
}

/** The files no thread reported, as positions over personas then contributions. */
function unclaimed(jobs: CheckJobs, reports: ReadonlyArray<ClaimedFiles | undefined>): number[] {
  const seen = new Set<number>();
  for (const report of reports) {
    for (const i of report?.personaIndices ?? []) seen.add(i);
    for (const i of report?.contributionIndices ?? []) seen.add(jobs.personaFiles.length + i);
  }
  const total = jobs.personaFiles.length + jobs.contributionFiles.length;
  return Array.from({ length: total }, (_, i) => i).filter((i) => !seen.has(i));
}

/**
 * Checks the files at these positions (personas first, then contributions). `keepData` leaves each persona's
 * data in its facts; otherwise it is left out of them and kept in `held`, for comparisons asked later.
 */
function checkIndices(
  jobs: CheckJobs,
  indices: Iterable<number>,
  compiled: CompiledSchemas,
  keepData: boolean,
  held?: Map<string, Record<string, unknown>>,
): ClaimedFiles {
  const out: ClaimedFiles = {
    personas: [],
    contributions: [],
    personaStamps: [],
    contributionStamps: [],
    personaIndices: [],
    contributionIndices: [],
  };
  const stampOf = (stat: Omit<FileStamp, 'hash'>, bytes: Uint8Array): FileStamp => ({
    ...stat,
    hash: jobs.hashContent ? contentHash(bytes) : '',
  });
  for (const index of indices) {
    if (index < jobs.personaFiles.length) {
      const file = jobs.personaFiles[index] as string;
      const { bytes, ...stat } = readCappedWithStat(path.join(jobs.root, file));
      const facts = checkPersonaFile(file, bytes, compiled.persona);
      const summary = facts.data ? summarizePersona(facts.data) : null;
      if (keepData) out.personas.push({ ...facts, summary });
      else {
        const { data, ...rest } = facts;
        if (data) held?.set(file, data);
        out.personas.push({ ...rest, summary });
      }
      out.personaStamps.push(stampOf(stat, bytes));
      out.personaIndices.push(index);
    } else {
      const file = jobs.contributionFiles[index - jobs.personaFiles.length] as string;
      const { bytes, ...stat } = readCappedWithStat(path.join(jobs.root, file));
      out.contributions.push(checkContributionFile(file, bytes, compiled.contribution));
      out.contributionStamps.push(stampOf(stat, bytes));
      out.contributionIndices.push(index - jobs.personaFiles.length);
    }
  }
  return out;
}

/** What the worker side needs of its thread: a way to post results and to receive the comparison request. */
export interface WorkerPort {
  postMessage(message: unknown): void;
  once(event: 'message', listener: (message: CompareRequest) => void): unknown;
}

/** The worker side: check the chunks it claims, post the facts, then compare contributions with the personas it holds. */
export async function runCheckWorker(
  data: { jobs: CheckJobs; counter: SharedArrayBuffer },
  port: WorkerPort,
): Promise<void> {
  const held = new Map<string, Record<string, unknown>>();
  const compiled = {
    persona: compileSchemaOnFirstUse(data.jobs.personaSchema),
    contribution: compileSchemaOnFirstUse(data.jobs.contributionSchema),
  };
  const request = new Promise<CompareRequest>((resolve) => port.once('message', resolve));
  const counter = new Int32Array(data.counter);
  port.postMessage(checkClaimed(data.jobs, counter, compiled, data.jobs.personaData, held));
  const { comparisons } = await request;
  port.postMessage(compareHere(comparisons, (file) => held.get(file) ?? {}, compiled.persona));
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
