import { describe, expect, it } from 'vitest';
import { inProcessWorker, type PoolTask, runInPool, WorkerPool } from '../../scripts/accel/worker-pool.ts';

/** A task whose result shows which item it came from. */
const square: PoolTask<{ offset: number }, number, number> = {
  name: 'square',
  run: (shared, items) => items.map((n) => n * n + shared.offset),
};
const TASKS = new Map([[square.name, square as PoolTask<unknown, unknown, unknown>]]);

/** Starts in-process threads (the pool's real worker side), counting them. */
function counted(options: { lose?: boolean } = {}) {
  const started: unknown[] = [];
  const spawn = () => {
    const worker = inProcessWorker(TASKS, options);
    started.push(worker);
    return worker;
  };
  return { spawn, started };
}

const items = Array.from({ length: 1000 }, (_, i) => i);
const expected = square.run({ offset: 3 }, items);

describe('the worker pool', () => {
  it('gives the results of running the task here, in order, whoever did each share', async () => {
    const { spawn, started } = counted();
    const out = await runInPool(square, { offset: 3 }, items, { minItemsPerThread: 100, threads: 3, spawn });
    expect(out).toEqual(expected);
    expect(started).toHaveLength(2);
  });

  it('starts no thread below its threshold', async () => {
    const { spawn, started } = counted();
    const out = await runInPool(square, { offset: 3 }, items.slice(0, 150), {
      minItemsPerThread: 100,
      spawn,
    });
    expect(out).toEqual(expected.slice(0, 150));
    expect(started).toHaveLength(0);
  });

  it('does a lost worker’s share itself', async () => {
    const { spawn } = counted({ lose: true });
    const out = await runInPool(square, { offset: 3 }, items, { minItemsPerThread: 100, threads: 2, spawn });
    expect(out).toEqual(expected);
  });

  it('is the task itself without a way to start threads', async () => {
    expect(await runInPool(square, { offset: 3 }, items, { minItemsPerThread: 1 })).toEqual(expected);
  });

  it('keeps its threads for a whole run: later tasks reuse them, and a lost one is replaced', async () => {
    const { spawn, started } = counted();
    const workers = new WorkerPool({ threads: 3, spawn });
    const options = { minItemsPerThread: 100, workers };
    expect(await runInPool(square, { offset: 3 }, items, options)).toEqual(expected);
    expect(await runInPool(square, { offset: 1 }, items, options)).toEqual(square.run({ offset: 1 }, items));
    expect(started).toHaveLength(2);
    // A task small enough for one helper thread uses one of those already running.
    expect(await runInPool(square, { offset: 3 }, items.slice(0, 250), options)).toEqual(
      expected.slice(0, 250),
    );
    expect(started).toHaveLength(2);
    workers.close();
    const lost = new WorkerPool({ threads: 2, spawn: counted({ lose: true }).spawn });
    const again = { minItemsPerThread: 100, workers: lost };
    expect(await runInPool(square, { offset: 3 }, items, again)).toEqual(expected);
    expect(await runInPool(square, { offset: 3 }, items, again)).toEqual(expected);
    lost.close();
  });
});
