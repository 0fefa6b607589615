/**
 * Worker-thread entry (bundled as `dist/catalogue-worker.mjs`): renders the persona pages it is sent, one batch
 * per message, compares each with its file and writes the changed ones to the temporary files it is told
 * (`syncPageFile`), and answers with what became of each. The thread that sent them renames them into place.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type PageOutcome, type PageWrite, syncPageFile } from '../../apply/sync-page-file.ts';
import type { CatalogueOptions } from './catalogue-context.ts';
import type { PersonaPageInput } from './persona-page.ts';
import { renderPersonaPageParts } from './render-catalogue.ts';

export interface RenderBatch {
  jobs: PersonaPageInput[];
  /** Where each page goes, in the same order. */
  writes: PageWrite[];
}

export interface RenderedBatch {
  outcomes: PageOutcome[];
}

const options = (workerData as { options: CatalogueOptions } | null)?.options;
if (parentPort && options) {
  const port = parentPort;
  port.on('message', (batch: RenderBatch) => {
    const outcomes = batch.jobs.map((input, index) =>
      syncPageFile(renderPersonaPageParts(input, options), batch.writes[index] as PageWrite),
    );
    port.postMessage({ outcomes } satisfies RenderedBatch);
  });
}
