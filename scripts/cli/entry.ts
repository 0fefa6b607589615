import { servedAsPoolWorker } from '../accel/pool-entry.ts';
import { main } from './main.ts';
import { writerUnlessClosed } from './writer-unless-closed.ts';

// The bundle is also the script of its own worker threads.
if (!servedAsPoolWorker(import.meta.url)) {
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
