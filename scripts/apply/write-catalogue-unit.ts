import type { CataloguePersona } from '../core/catalogue-persona.ts';
import type { CatalogueOptions } from '../render/catalogue/catalogue-context.ts';
import { renderUnit } from '../render/catalogue/catalogue-units.ts';
import type { MarkdownKit } from '../render/catalogue/markdown-kit.ts';
import type { CatalogueUnit } from '../render/catalogue/pages/page-type.ts';
import { type PageOutcome, type PageWrite, syncPageFile } from './sync-page-file.ts';

/** A persona a page is made from: its file, and the content hash validation checked (null: not known). */
export interface PersonaSource {
  file: string;
  hash: string | null;
}

/** A unit of one known file (a persona page), with its declared personas and where its file goes. */
export interface PageJob {
  unit: Pick<CatalogueUnit, 'type' | 'input'>;
  /** By file, not by data: the thread that renders the page reads them (`load`), so no persona's data is held for later or sent between threads. */
  personas: PersonaSource[];
  write: PageWrite;
}

/**
 * Renders a one-file unit and compares it with its file, staging it when it differs (`syncPageFile`). Plain
 * data in and out, so it runs the same on this thread or on a worker, where creating thousands of files is
 * spread over the threads and no page text crosses between them.
 */
export function writePage(
  job: PageJob,
  options: CatalogueOptions,
  kit: MarkdownKit,
  load: (source: PersonaSource) => CataloguePersona,
): PageOutcome {
  const [file] = renderUnit(job.unit, job.personas.map(load), options, kit);
  return syncPageFile(file?.parts ?? [], job.write);
}
