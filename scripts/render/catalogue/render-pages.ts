import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { type PageOutcome, type PageWrite, syncPageFile } from '../../apply/sync-page-file.ts';
import type { CatalogueOptions } from './catalogue-context.ts';
import { type PersonaPageJob, renderPersonaPageParts } from './render-catalogue.ts';
import type { RenderBatch, RenderedBatch } from './render-worker.ts';

/** Below this many pages, starting workers costs more than it saves. */
export const WORKER_MIN_PAGES = 64;
const BATCH_PAGES = 16;
const BATCHES_IN_FLIGHT = 3;
/**
 * A worker holds little beyond the page it is rendering, yet with V8's default limits each grew to ~90 MB of
 * heap before collecting, which put a 10,000-persona run over its memory budget. A small young generation and an
 * old generation ~3x the worker's usual live heap (~20 MB) make it collect sooner; a page is at most 500 KB, so
 * even the largest leaves ample room.
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 64 };

/** The worker bundle, next to the CLI bundle; running from source (tests) there is none and pages render here. */
const WORKER_FILE = 'catalogue-worker.mjs';

export interface RenderPagesOptions {
  /** Worker threads to use; 0 renders on this thread. Default: one per available core, when the bundle has them. */
  workers?: number;
  /** The worker script; default `catalogue-worker.mjs` next to the running bundle. */
  workerFile?: URL;
}

/** Where a page goes (see `syncPageFile`), asked for just before it is rendered. */
export type PreparePage = (job: PersonaPageJob) => PageWrite;

/** Receives what became of a page, with the `PageWrite` it was given. */
export type OnPage = (job: PersonaPageJob, write: PageWrite, outcome: PageOutcome) => void;

/**
 * Renders persona pages, compares each with its file and writes the changed ones to their temporary files
 * (`syncPageFile`), and hands each outcome to `onPage`, in no particular order. Large runs spread over worker
 * threads, which do the writing too: creating thousands of files then runs in parallel, and page texts never
 * cross threads.
 */
export async function renderPersonaPages(
  jobs: readonly PersonaPageJob[],
  options: CatalogueOptions,
  prepare: PreparePage,
  onPage: OnPage,
  { workers = defaultWorkers(jobs.length), workerFile }: RenderPagesOptions = {},
): Promise<void> {
  const file = workers > 0 ? (workerFile ?? workerBundle()) : null;
  if (!file || jobs.length === 0) {
    for (const job of jobs) {
      const write = prepare(job);
      onPage(job, write, syncPageFile(renderPersonaPageParts(job.input, options), write));
    }
    return;
  }
  await renderOnWorkers(
    jobs,
    options,
    prepare,
    onPage,
    file,
    Math.min(workers, Math.ceil(jobs.length / BATCH_PAGES)),
  );
}

function defaultWorkers(pages: number): number {
  if (pages < WORKER_MIN_PAGES) return 0;
  return Math.max(1, Math.min(availableParallelism(), Math.ceil(pages / WORKER_MIN_PAGES)));
}

function workerBundle(): URL | null {
  const url = new URL(`./${WORKER_FILE}`, import.meta.url);
  if (url.protocol !== 'file:' || !import.meta.url.endsWith('.mjs')) return null;
  return existsSync(fileURLToPath(url)) ? url : null;
}

async function renderOnWorkers(
  jobs: readonly PersonaPageJob[],
  options: CatalogueOptions,
  prepare: PreparePage,
  onPage: OnPage,
  file: URL,
  count: number,
): Promise<void> {
  const pool = Array.from(
    { length: count },
    () => new Worker(file, { workerData: { options }, resourceLimits: WORKER_LIMITS }),
  );
  let next = 0;
  try {
    await Promise.all(
      pool.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const sent: { jobs: PersonaPageJob[]; writes: PageWrite[] }[] = [];
            // A few batches wait at each worker, so it keeps rendering while this thread is busy with its own
            // files; the answers are small, so nothing large waits in memory either way.
            const send = () => {
              while (sent.length < BATCHES_IN_FLIGHT && next < jobs.length) {
                const batch = jobs.slice(next, next + BATCH_PAGES);
                next += batch.length;
                const writes = batch.map(prepare);
                sent.push({ jobs: batch, writes });
                worker.postMessage({ jobs: batch.map((job) => job.input), writes } satisfies RenderBatch);
              }
              if (sent.length === 0) resolve();
            };
            worker.on('message', (rendered: RenderedBatch) => {
              try {
                // A worker answers its batches in the order it was sent them.
                const batch = sent.shift();
                if (batch === undefined) throw new Error('catalogue worker answered a batch it was not sent');
                batch.jobs.forEach((job, index) => {
                  const outcome = rendered.outcomes[index];
                  if (outcome === undefined) throw new Error(`catalogue worker left out ${job.path}`);
                  onPage(job, batch.writes[index] as PageWrite, outcome);
                });
                send();
              } catch (error) {
                reject(error);
              }
            });
            worker.on('error', reject);
            worker.on('exit', (code) => {
              if (code !== 0) reject(new Error(`catalogue worker stopped with exit code ${code}`));
            });
            try {
              send();
            } catch (error) {
              reject(error);
            }
          }),
      ),
    );
  } finally {
    await Promise.all(pool.map((worker) => worker.terminate()));
  }
}
