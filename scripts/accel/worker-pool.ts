import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

/**
 * A piece of work the pool can run anywhere: a pure function over a share of the items, with what every share
 * needs (`shared`), by name, so a worker can find it. Results come back in the order of the items.
 */
export interface PoolTask<Shared, Item, Result> {
  name: string;
  run(shared: Shared, items: readonly Item[]): Result[];
}

/** What the pool needs of a thread: a real `Worker`, or a stand-in in tests. */
export interface WorkerLike {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  terminate(): unknown;
}

export interface PoolOptions {
  /** Below this many items per thread, a thread costs more to start than it saves. */
  minItemsPerThread: number;
  /** Threads at most, this one included (default: the cores available). */
  threads?: number;
  /** Starts a worker thread for the pool (default: the registered entry; none registered, no workers). */
  spawn?: (workerData: PoolWorkerData) => WorkerLike;
}

/** Marks a thread started by the pool, so the bundle's entry knows to run `runPoolWorker`. */
export const POOL_WORKER = 'persona-pool-worker';

export interface PoolWorkerData {
  [POOL_WORKER]: true;
  task: string;
  shared: unknown;
  items: unknown[];
  counter: SharedArrayBuffer;
}

/** Items per claim: small enough to even out the threads' finishing times, large enough to claim rarely. */
const CHUNK = 32;

let workerEntry: URL | undefined;

/** Called by the CLI's entry with its own URL: the bundle is also the script of its workers. */
export function registerWorkerEntry(url: string | URL | undefined): void {
  workerEntry = url === undefined ? undefined : new URL(url);
}

/** The URL of the running bundle, when there is one (its hash fingerprints stored results). */
export function registeredEntry(): URL | undefined {
  return workerEntry;
}

function defaultSpawn(): ((data: PoolWorkerData) => WorkerLike) | undefined {
  const entry = workerEntry;
  return entry ? (data) => new Worker(entry, { workerData: data }) : undefined;
}

/**
 * Runs `task` over `items` on this thread and, when there are enough items, on worker threads too. Every
 * thread claims chunks from one shared counter until none are left, so a worker that starts late takes fewer.
 * What a lost worker had claimed is done here. The result is the same as `task.run(shared, items)`.
 */
export async function runInPool<Shared, Item, Result>(
  task: PoolTask<Shared, Item, Result>,
  shared: Shared,
  items: readonly Item[],
  options: PoolOptions,
): Promise<Result[]> {
  const spawn = options.spawn ?? defaultSpawn();
  const threads = Math.min(
    options.threads ?? availableParallelism(),
    Math.floor(items.length / Math.max(1, options.minItemsPerThread)),
  );
  if (!spawn || threads < 2) return task.run(shared, items);
  const counter = new SharedArrayBuffer(4);
  const data: PoolWorkerData = { [POOL_WORKER]: true, task: task.name, shared, items: [...items], counter };
  const workers = Array.from({ length: threads - 1 }, () => awaitWorker(spawn(data)));
  const results = new Array<Result>(items.length);
  const done = new Uint8Array(items.length);
  const claimed = claimChunks(new Int32Array(counter), items.length);
  for (const indices of claimed) {
    const out = task.run(
      shared,
      indices.map((i) => items[i] as Item),
    );
    indices.forEach((i, k) => {
      results[i] = out[k] as Result;
      done[i] = 1;
    });
  }
  for (const answer of await Promise.all(workers)) {
    if (!answer) continue;
    answer.indices.forEach((i, k) => {
      results[i] = answer.results[k] as Result;
      done[i] = 1;
    });
  }
  const missing = [...done.keys()].filter((i) => done[i] === 0);
  if (missing.length > 0) {
    const out = task.run(
      shared,
      missing.map((i) => items[i] as Item),
    );
    missing.forEach((i, k) => {
      results[i] = out[k] as Result;
    });
  }
  return results;
}

/** The chunks of `total` items this thread claims, one claim at a time. */
function* claimChunks(counter: Int32Array, total: number): Generator<number[]> {
  for (let chunk = Atomics.add(counter, 0, 1); chunk * CHUNK < total; chunk = Atomics.add(counter, 0, 1)) {
    const start = chunk * CHUNK;
    yield Array.from({ length: Math.min(CHUNK, total - start) }, (_, k) => start + k);
  }
}

interface WorkerAnswer {
  indices: number[];
  results: unknown[];
}

/** The worker's one answer, or null when it failed or exited first (its share is then done here). */
function awaitWorker(worker: WorkerLike): Promise<WorkerAnswer | null> {
  return new Promise((resolve) => {
    let settled = false;
    const settle = (answer: WorkerAnswer | null) => {
      if (settled) return;
      settled = true;
      resolve(answer);
      void worker.terminate();
    };
    worker.on('message', (message) => {
      const answer = message as Partial<WorkerAnswer> | null;
      settle(
        Array.isArray(answer?.indices) && Array.isArray(answer?.results) ? (answer as WorkerAnswer) : null,
      );
    });
    worker.on('error', () => settle(null));
    worker.on('exit', () => settle(null));
  });
}

/** The worker side: claim chunks of the named task until none are left, then answer once. */
export function runPoolWorker(
  data: PoolWorkerData,
  port: { postMessage(message: unknown): void },
  tasks: ReadonlyMap<string, PoolTask<unknown, unknown, unknown>>,
): void {
  const task = tasks.get(data.task);
  const indices: number[] = [];
  const results: unknown[] = [];
  if (task) {
    for (const chunk of claimChunks(new Int32Array(data.counter), data.items.length)) {
      results.push(
        ...task.run(
          data.shared,
          chunk.map((i) => data.items[i]),
        ),
      );
      indices.push(...chunk);
    }
  }
  port.postMessage({ indices, results } satisfies WorkerAnswer);
}
