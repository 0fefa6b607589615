import type { PageOutcome } from '../apply/sync-page-file.ts';
import { type PageJob, writePage } from '../apply/write-catalogue-unit.ts';
import type { CatalogueOptions } from '../render/catalogue/catalogue-context.ts';
import { checkContributionsTask, checkPersonasTask } from './accelerated-checker.ts';
import { FAST_KIT } from './fast-kit.ts';
import { reloadPersona } from './persona-reload.ts';
import type { PoolTask } from './worker-pool.ts';

/** Renders persona pages and writes each changed one to its temporary file, with the fast kit. */
export const writePagesTask: PoolTask<{ root: string; options: CatalogueOptions }, PageJob, PageOutcome> = {
  name: 'write-pages',
  run: (shared, jobs) =>
    jobs.map((job) =>
      writePage(job, shared.options, FAST_KIT, (source) => reloadPersona(shared.root, source)),
    ),
};

/** Below this many pages per thread, a worker costs more to start than it saves. */
export const PAGES_PER_THREAD = 64;

/** Every task a worker of the bundle can be asked to run. */
export const POOL_TASKS: ReadonlyMap<string, PoolTask<unknown, unknown, unknown>> = new Map(
  [checkPersonasTask, checkContributionsTask, writePagesTask].map((task) => [
    task.name,
    task as PoolTask<unknown, unknown, unknown>,
  ]),
);
