import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import {
  type PoolTask,
  type PoolWorkerData,
  runInPool,
  runPoolWorker,
  type WorkerLike,
} from '../../scripts/accel/worker-pool.ts';

/** A task whose result shows which item it came from. */
const square: PoolTask<{ offset: number }, number, number> = {
  name: 'square',
  run: (shared, items) => items.map((n) => n * n + shared.offset),
};
const TASKS = new Map([[square.name, square as PoolTask<unknown, unknown, unknown>]]);

/**
 * A worker thread stand-in that runs the pool's real worker side in this process, after the main thread has
 * taken its share (as a thread that starts late would); `die` makes it claim chunks and then exit unanswered.
 */
function fakeSpawn(options: { die?: boolean; claimsFirst?: boolean } = {}) {
  const started: EventEmitter[] = [];
  const spawn = (data: PoolWorkerData): WorkerLike => {
    const worker = Object.assign(new EventEmitter(), {
      postMessage: () => {},
      terminate: () => {},
    });
    started.push(worker);
    // It claims its chunks at once (or later), and speaks once the pool listens, as a real thread would.
    const later = (emit: () => void) => setImmediate(emit);
    const work = () => {
      if (options.die) {
        // Claims chunks, then is lost before it answers: its share must be done by the main thread.
        runPoolWorker(data, { postMessage: () => {} }, TASKS);
        later(() => worker.emit('exit', 1));
      } else
        runPoolWorker(
          data,
          { postMessage: (message) => later(() => worker.emit('message', message)) },
          TASKS,
        );
    };
    if (options.claimsFirst) work();
    else setImmediate(work);
    return worker;
  };
  return { spawn, started };
}

const items = Array.from({ length: 1000 }, (_, i) => i);
const expected = square.run({ offset: 3 }, items);

describe('the worker pool', () => {
  it('gives the results of running the task here, in order, whoever did each share', async () => {
    const { spawn, started } = fakeSpawn({ claimsFirst: true });
    const out = await runInPool(square, { offset: 3 }, items, { minItemsPerThread: 100, threads: 3, spawn });
    expect(out).toEqual(expected);
    expect(started).toHaveLength(2);
  });

  it('starts no thread below its threshold', async () => {
    const { spawn, started } = fakeSpawn();
    const out = await runInPool(square, { offset: 3 }, items.slice(0, 150), {
      minItemsPerThread: 100,
      spawn,
    });
    expect(out).toEqual(expected.slice(0, 150));
    expect(started).toHaveLength(0);
  });

  it('does a lost worker’s share itself', async () => {
    const { spawn } = fakeSpawn({ die: true, claimsFirst: true });
    const out = await runInPool(square, { offset: 3 }, items, { minItemsPerThread: 100, threads: 2, spawn });
    expect(out).toEqual(expected);
  });

  it('is the task itself without a way to start threads', async () => {
    expect(await runInPool(square, { offset: 3 }, items, { minItemsPerThread: 1 })).toEqual(expected);
  });
});
