import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { checkContributionFile } from '../check/contribution/check-contribution-file.ts';
import type { ContributionFacts } from '../check/contribution/contribution.ts';
import { checkPersonaFile, type PersonaFacts } from '../check/persona/check-persona-file.ts';
import { compileSchema, type SchemaValidator } from '../check/schema/compile-schema.ts';
import { readCappedWithStat } from '../read/read-library.ts';
import { contentHash, type FileStamp } from './validate-cache.ts';

export interface CheckJobs {
  root: string;
  personaFiles: string[];
  contributionFiles: string[];
  personaSchema: object;
  contributionSchema: object;
}

export interface CheckedFiles {
  personas: PersonaFacts[];
  contributions: ContributionFacts[];
  /** Size, mtime, inode and content hash of each file as it was read, in input order (for the cache). */
  personaStamps: FileStamp[];
  contributionStamps: FileStamp[];
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

/**
 * Reads and checks every file, each on its own (the per-file half of validation), spread over worker threads
 * when the library is large enough for that to pay. Results come back in the order of the inputs.
 */
/** Schemas the caller already compiled; the main thread's share reuses them instead of compiling again. */
export interface CompiledSchemas {
  persona: SchemaValidator;
  contribution: SchemaValidator;
}

/**
 * `compile` gives the caller's compiled schemas; it is called only after the workers were started, so the main
 * thread compiles while they load.
 */
export async function checkFiles(jobs: CheckJobs, compile?: () => CompiledSchemas): Promise<CheckedFiles> {
  const total = jobs.personaFiles.length + jobs.contributionFiles.length;
  const threads = Math.min(availableParallelism(), Math.floor(total / FILES_PER_WORKER) + 1);
  if (!workerEntry || threads < 2) return checkShare(jobs, compile?.());
  // Round-robin shares keep the work even; the main thread takes share 0 instead of idling.
  const shares = Array.from({ length: threads }, (_, k) => ({
    ...jobs,
    personaFiles: jobs.personaFiles.filter((_, i) => i % threads === k),
    contributionFiles: jobs.contributionFiles.filter((_, i) => i % threads === k),
  }));
  const entry = workerEntry;
  const pending = shares.slice(1).map((share) => inWorker(entry, share).catch(() => checkShare(share)));
  const results = [checkShare(shares[0] as CheckJobs, compile?.()), ...(await Promise.all(pending))];
  return {
    personas: interleave(results.map((r) => r.personas)),
    contributions: interleave(results.map((r) => r.contributions)),
    personaStamps: interleave(results.map((r) => r.personaStamps)),
    contributionStamps: interleave(results.map((r) => r.contributionStamps)),
  };
}

/** Undoes the round-robin split: item i of share k was input k + i·threads. */
function interleave<T>(shares: T[][]): T[] {
  const out: T[] = [];
  const longest = Math.max(...shares.map((s) => s.length));
  for (let i = 0; i < longest; i++) for (const share of shares) if (i < share.length) out.push(share[i] as T);
  return out;
}

function inWorker(entry: URL, jobs: CheckJobs): Promise<CheckedFiles> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(entry, { workerData: { [CHECK_WORKER]: true, jobs } });
    worker.once('message', (result: CheckedFiles) => {
      resolve(result);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`check worker exited with code ${code}`));
    });
  });
}

export function checkShare(jobs: CheckJobs, compiled?: CompiledSchemas): CheckedFiles {
  const validatePersona = compiled?.persona ?? compileSchema(jobs.personaSchema);
  const validateContribution = compiled?.contribution ?? compileSchema(jobs.contributionSchema);
  const out: CheckedFiles = { personas: [], contributions: [], personaStamps: [], contributionStamps: [] };
  for (const file of jobs.personaFiles) {
    const { bytes, ...stat } = readCappedWithStat(path.join(jobs.root, file));
    out.personas.push(checkPersonaFile(file, bytes, validatePersona));
    out.personaStamps.push({ ...stat, hash: contentHash(bytes) });
  }
  for (const file of jobs.contributionFiles) {
    const { bytes, ...stat } = readCappedWithStat(path.join(jobs.root, file));
    out.contributions.push(checkContributionFile(file, bytes, validateContribution));
    out.contributionStamps.push({ ...stat, hash: contentHash(bytes) });
  }
  return out;
}

/** The worker side: check the share it was given and post the plain-data results back. */
export async function runCheckWorker(
  data: { jobs: CheckJobs },
  post: (result: CheckedFiles) => void,
): Promise<void> {
  post(checkShare(data.jobs));
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
