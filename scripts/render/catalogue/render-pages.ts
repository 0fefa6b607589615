import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { CatalogueOptions } from './catalogue-context.ts';
import { hashText } from './content-hash.ts';
import { type PersonaPageJob, renderPersonaPage } from './render-catalogue.ts';
import type { RenderBatch, RenderedBatch } from './render-worker.ts';

/** Below this many pages, starting workers costs more than it saves. */
export const WORKER_MIN_PAGES = 64;
const BATCH_PAGES = 16;
const MAX_BACKLOG_BATCHES = 4;

/** The worker bundle, next to the CLI bundle; running from source (tests) there is none and pages render here. */
const WORKER_FILE = 'catalogue-worker.mjs';

export interface RenderPagesOptions {
  /** Worker threads to use; 0 renders on this thread. Default: one per available core, when the bundle has them. */
  workers?: number;
  /** The worker script; default `catalogue-worker.mjs` next to the running bundle. */
  workerFile?: URL;
}

/** Receives a rendered page and its text's `hashText`, computed where the page was rendered. */
export type OnPage = (job: PersonaPageJob, text: string, output: string) => Promise<void>;

/**
 * Renders persona pages and hands each to `onPage` as soon as it is ready, one at a time and in no particular
 * order; the caller's I/O overlaps the rendering. Large runs spread over worker threads.
 */
export async function renderPersonaPages(
  jobs: readonly PersonaPageJob[],
  options: CatalogueOptions,
  onPage: OnPage,
  { workers = defaultWorkers(jobs.length), workerFile }: RenderPagesOptions = {},
): Promise<void> {
  const file = workers > 0 ? (workerFile ?? workerBundle()) : null;
  if (!file || jobs.length === 0) {
    for (const job of jobs) {
      const text = renderPersonaPage(job.input, options);
      await onPage(job, text, hashText(text));
    }
    return;
  }
  await renderOnWorkers(jobs, options, onPage, file, Math.min(workers, Math.ceil(jobs.length / BATCH_PAGES)));
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
  onPage: OnPage,
  file: URL,
  count: number,
): Promise<void> {
  const batches: PersonaPageJob[][] = [];
  for (let start = 0; start < jobs.length; start += BATCH_PAGES)
    batches.push(jobs.slice(start, start + BATCH_PAGES));
  const pool = Array.from({ length: count }, () => new Worker(file, { workerData: { options } }));
  let next = 0;
  let backlog = 0;
  // Results are handled strictly one after another (the caller writes files), while workers keep rendering.
  let handling: Promise<void> = Promise.resolve();
  try {
    await Promise.all(
      pool.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const send = async () => {
              // Rendered pages wait in memory until they are handled: keep that queue short.
              while (backlog >= MAX_BACKLOG_BATCHES) await handling;
              if (next >= batches.length) return resolve();
              const id = next++;
              worker.postMessage({ id, jobs: batches[id] ?? [] } satisfies RenderBatch);
            };
            worker.on('message', (rendered: RenderedBatch) => {
              const batch = batches[rendered.id] ?? [];
              batches[rendered.id] = [];
              backlog++;
              handling = handling.then(async () => {
                for (const [index, job] of batch.entries())
                  await onPage(job, rendered.texts[index] ?? '', rendered.hashes[index] ?? '');
                backlog--;
              });
              handling.catch(reject);
              send().catch(reject);
            });
            worker.on('error', reject);
            worker.on('exit', (code) => {
              if (code !== 0) reject(new Error(`catalogue worker stopped with exit code ${code}`));
            });
            send().catch(reject);
          }),
      ),
    );
    await handling;
  } finally {
    await Promise.all(pool.map((worker) => worker.terminate()));
  }
}
