import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { POOL_TASKS } from './pool-tasks.ts';
import { POOL_WORKER, registerWorkerEntry, servePool } from './worker-pool.ts';

/**
 * For a bundle's entry (the CLI and both actions): each bundle is also the script of its own worker threads.
 * In a worker the pool is served and true is returned (the entry does nothing else); on the main thread the
 * bundle is registered as its workers' script and false is returned.
 */
export function servedAsPoolWorker(entryUrl: string): boolean {
  if (!isMainThread && workerData?.[POOL_WORKER] === true) {
    if (parentPort) servePool(parentPort, POOL_TASKS);
    return true;
  }
  registerWorkerEntry(entryUrl);
  return false;
}
