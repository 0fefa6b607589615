/**
 * Worker-thread entry (bundled as `dist/catalogue-worker.mjs`): renders the persona pages it is sent, one batch
 * per message, and answers with their texts. Pure rendering: it never touches the file system.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { CatalogueOptions } from './catalogue-context.ts';
import { hashText } from './content-hash.ts';
import type { PersonaPageJob } from './render-catalogue.ts';
import { renderPersonaPage } from './render-catalogue.ts';

export interface RenderBatch {
  id: number;
  jobs: PersonaPageJob[];
}

export interface RenderedBatch {
  id: number;
  texts: string[];
  /** `hashText` of each text: hashing here spreads it over the workers too. */
  hashes: string[];
}

const options = (workerData as { options: CatalogueOptions } | null)?.options;
if (parentPort && options) {
  const port = parentPort;
  port.on('message', (batch: RenderBatch) => {
    const texts = batch.jobs.map((job) => renderPersonaPage(job.input, options));
    port.postMessage({ id: batch.id, texts, hashes: texts.map(hashText) } satisfies RenderedBatch);
  });
}
