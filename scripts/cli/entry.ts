import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { CHECK_WORKER, registerWorkerEntry, runCheckWorker } from '../pipeline/check-files.ts';
import { main } from './main.ts';
import { writerUnlessClosed } from './writer-unless-closed.ts';

// The bundle is also the script of its own worker threads: a worker is marked in its workerData.
if (!isMainThread && workerData?.[CHECK_WORKER] === true) {
  if (parentPort) await runCheckWorker(workerData, parentPort);
} else {
  registerWorkerEntry(import.meta.url);
  const code = await main(process.argv.slice(2), {
    stdout: writerUnlessClosed(process.stdout),
    stderr: writerUnlessClosed(process.stderr),
    cwd: process.cwd(),
    env: process.env,
  });
  process.exitCode = code;
}
