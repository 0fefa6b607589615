import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { POOL_TASKS } from '../accel/pool-tasks.ts';
import { POOL_WORKER, registerWorkerEntry, servePool } from '../accel/worker-pool.ts';
import { main } from './main.ts';
import { writerUnlessClosed } from './writer-unless-closed.ts';

// The bundle is also the script of its own worker threads: a worker is marked in its workerData.
if (!isMainThread && workerData?.[POOL_WORKER] === true) {
  if (parentPort) servePool(parentPort, POOL_TASKS);
} else {
  registerWorkerEntry(import.meta.url);
  process.exitCode = await main(process.argv.slice(2), {
    stdout: writerUnlessClosed(process.stdout),
    stderr: writerUnlessClosed(process.stderr),
    cwd: process.cwd(),
    env: process.env,
    interrupt() {
      const controller = new AbortController();
      for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => controller.abort());
      return controller.signal;
    },
  });
}
