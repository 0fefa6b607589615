import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { threadsTheMachineAllows } from './machine-load.ts';

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
  /** A real thread must not keep the process alive once the run is over. */
  unref?(): void;
}

export interface PoolOptions {
  /** Below this many items per thread, a thread costs more to start than it saves. */
  minItemsPerThread: number;
  /**
   * Threads at most, this one included. Default: the cores available, less those the rest of the machine keeps
   * busy when the first task decides (machine-load.ts), so a loaded machine runs this one thread.
   */
  threads?: number;
  /** Starts a worker thread (default: the registered entry; none registered, no workers). */
  spawn?: () => WorkerLike;
  /** Threads kept for the whole run, shared by its tasks (see `WorkerPool`); else each call starts its own. */
  workers?: WorkerPool;
  /**
   * Leave this thread free (it has other work to do meanwhile, and a heap of its own to keep small): a worker
   * per core takes the items, and this thread does them only when no worker can start.
   */
  workersOnly?: boolean;
}

/** Marks a thread started by the pool, so the bundle's entry knows to run `servePool`. */
export const POOL_WORKER = 'persona-pool-worker';

/**
 * One chunk of a task for a worker: the items, and (with the first chunk of a task a worker gets) what the task's
 * items share, which the worker keeps for the task's later chunks: sent once, and one object there for the whole
 * task, so what is built from it (a compiled schema) is built once.
 */
interface PoolJob {
  [POOL_WORKER]: number;
  /** Which task run the chunk belongs to. */
  run: number;
  task: string;
  shared?: unknown;
  items: unknown[];
}

interface PoolAnswer {
  job: number;
  results: unknown[];
}

/** Items per chunk: small enough to even out the threads' finishing times, large enough to send rarely. */
const CHUNK = 32;
/** Chunks waiting at each worker, so it never idles while this thread is busy with one of its own. */
const CHUNKS_IN_FLIGHT = 2;
/**
 * A worker holds a couple of chunks at a time, so a small heap does (V8's defaults let each grow to ~90 MB
 * before collecting). A chunk that needs more makes the worker fail, and this thread does that chunk itself.
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 96 };

let workerEntry: URL | undefined;

/** Called by the CLI's entry with its own URL: the bundle is also the script of its workers. */
export function registerWorkerEntry(url: string | URL | undefined): void {
  workerEntry = url === undefined ? undefined : new URL(url);
}

/** The URL of the running bundle, when there is one (its hash fingerprints stored results). */
export function registeredEntry(): URL | undefined {
  return workerEntry;
}

function defaultSpawn(): (() => WorkerLike) | undefined {
  const entry = workerEntry;
  return entry
    ? () => new Worker(entry, { workerData: { [POOL_WORKER]: true }, resourceLimits: WORKER_LIMITS })
    : undefined;
}

/**
 * Worker threads kept for one run: started when a task first has enough items for them, then given every later
 * task, so a run that checks personas, then contributions, then writes pages starts its threads once. `close`
 * ends them; they never keep the process alive on their own.
 */
export class WorkerPool {
  readonly #spawn: (() => WorkerLike) | undefined;
  readonly #threads: number;
  /** No thread count was given: the machine's load decides, once, when a task first wants threads. */
  readonly #sizeToLoad: boolean;
  readonly #workers: Array<{
    worker: WorkerLike;
    alive: boolean;
    waiting: Map<number, (a: PoolAnswer | null) => void>;
    /** Task runs this worker has the shared part of. */
    runs: Set<number>;
  }> = [];
  #jobs = 0;

  constructor(options: { threads?: number; spawn?: () => WorkerLike } = {}) {
    this.#spawn = options.spawn ?? defaultSpawn();
    this.#threads = options.threads ?? availableParallelism();
    this.#sizeToLoad = options.threads === undefined;
  }

  /** How many threads a task of `count` items gets, this one included. */
  threadsFor(count: number, minItemsPerThread: number, threads = this.#threads): number {
    if (!this.#spawn) return 1;
    const wanted = Math.max(
      1,
      Math.min(threads, this.#threads, Math.floor(count / Math.max(1, minItemsPerThread))),
    );
    // Looked at only when threads are wanted: a small run never reads the machine's load.
    return wanted < 2 || !this.#sizeToLoad ? wanted : Math.min(wanted, threadsTheMachineAllows());
  }

  /** `count` live workers, started as needed (fewer when threads cannot be started). */
  workers(count: number): WorkerSlot[] {
    for (let i = this.#workers.filter((w) => w.alive).length; i < count && this.#spawn; i++) this.#start();
    return this.#workers
      .filter((w) => w.alive)
      .slice(0, count)
      .map((entry) => ({
        send: (job, shared) =>
          new Promise<PoolAnswer | null>((resolve) => {
            if (!entry.alive) return resolve(null);
            const id = ++this.#jobs;
            entry.waiting.set(id, resolve);
            const first = !entry.runs.has(job.run);
            entry.runs.add(job.run);
            try {
              entry.worker.postMessage({
                ...job,
                ...(first ? { shared } : {}),
                [POOL_WORKER]: id,
              } satisfies PoolJob);
            } catch {
              entry.waiting.delete(id);
              resolve(null);
            }
          }),
      }));
  }

  close(): void {
    for (const entry of this.#workers) {
      entry.alive = false;
      void entry.worker.terminate();
    }
    this.#workers.length = 0;
  }

  #start(): void {
    const worker = (this.#spawn as () => WorkerLike)();
    worker.unref?.();
    const entry = {
      worker,
      alive: true,
      waiting: new Map<number, (a: PoolAnswer | null) => void>(),
      runs: new Set<number>(),
    };
    const lose = () => {
      entry.alive = false;
      for (const resolve of entry.waiting.values()) resolve(null);
      entry.waiting.clear();
    };
    worker.on('message', (message) => {
      const answer = message as Partial<PoolAnswer> | null;
      const resolve = typeof answer?.job === 'number' ? entry.waiting.get(answer.job) : undefined;
      if (!resolve) return;
      entry.waiting.delete(answer?.job as number);
      resolve(Array.isArray(answer?.results) ? (answer as PoolAnswer) : null);
    });
    worker.on('error', lose);
    worker.on('exit', lose);
    this.#workers.push(entry);
  }
}

let nextRun = 1;

/** A worker as a task sees it: send it a chunk, get its results (null: the worker was lost). */
export interface WorkerSlot {
  send(job: Omit<PoolJob, typeof POOL_WORKER | 'shared'>, shared: unknown): Promise<PoolAnswer | null>;
}

/**
 * Runs `task` over `items` on this thread and, when there are enough items, on worker threads too. Items go out
 * in chunks, a couple at a time to each worker and one at a time here, so a thread that is slower (or starts
 * late) simply does fewer, and only a few chunks are ever on their way between threads. A chunk a lost worker
 * held is done here. The result is the same as `task.run(shared, items)`.
 */
export async function runInPool<Shared, Item, Result>(
  task: PoolTask<Shared, Item, Result>,
  shared: Shared,
  items: readonly Item[],
  options: PoolOptions,
): Promise<Result[]> {
  const own = options.workers ? null : new WorkerPool(options);
  const pool = options.workers ?? (own as WorkerPool);
  try {
    const threads = pool.threadsFor(items.length, options.minItemsPerThread, options.threads);
    if (threads < 2) return task.run(shared, items);
    const run = nextRun++;
    const results = new Array<Result>(items.length);
    const chunks: number[][] = [];
    for (let start = 0; start < items.length; start += CHUNK)
      chunks.push(Array.from({ length: Math.min(CHUNK, items.length - start) }, (_, k) => start + k));
    let next = 0;
    const runHere = (indices: number[]) => {
      const out = task.run(
        shared,
        indices.map((i) => items[i] as Item),
      );
      indices.forEach((i, k) => {
        results[i] = out[k] as Result;
      });
    };
    // Each worker keeps a couple of chunks; when one comes back, it gets the next. A lost worker's chunk is
    // done here, and it gets no more.
    const feed = async (slot: WorkerSlot): Promise<void> => {
      while (next < chunks.length) {
        const indices = chunks[next++] as number[];
        const answer = await slot.send({ run, task: task.name, items: indices.map((i) => items[i]) }, shared);
        if (answer && answer.results.length === indices.length)
          indices.forEach((i, k) => {
            results[i] = answer.results[k] as Result;
          });
        else {
          runHere(indices);
          return;
        }
      }
    };
    const slots = pool.workers(options.workersOnly ? threads : threads - 1);
    const fed = slots.flatMap((slot) => Array.from({ length: CHUNKS_IN_FLIGHT }, () => feed(slot)));
    // This thread's own share, one chunk at a time, letting the workers' answers in between.
    while (next < chunks.length && (!options.workersOnly || slots.length === 0)) {
      runHere(chunks[next++] as number[]);
      await new Promise((resolve) => setImmediate(resolve));
    }
    await Promise.all(fed);
    // What lost workers left.
    while (next < chunks.length) runHere(chunks[next++] as number[]);
    return results;
  } finally {
    own?.close();
  }
}

/** What the tasks a worker is running share, by task run; only the latest few are kept. */
const SHARED = new Map<number, unknown>();

/** One chunk on the worker side: run the named task over it and answer. */
export function runPoolJob(
  message: unknown,
  port: { postMessage(message: unknown): void },
  tasks: ReadonlyMap<string, PoolTask<unknown, unknown, unknown>>,
): void {
  const job = message as PoolJob;
  if ('shared' in job) {
    SHARED.set(job.run, job.shared);
    for (const run of SHARED.keys()) if (SHARED.size > 4 && run !== job.run) SHARED.delete(run);
  }
  const task = tasks.get(job.task);
  const results = task && SHARED.has(job.run) ? task.run(SHARED.get(job.run), job.items) : null;
  // Without its task or shared part the worker answers nothing usable, and the chunk is done by the pool's thread.
  port.postMessage({ job: job[POOL_WORKER], results: results ?? [] } satisfies PoolAnswer);
}

/** The worker side: run every job the pool sends, for as long as the thread lives. */
export function servePool(
  port: {
    postMessage(message: unknown): void;
    on(event: 'message', listener: (message: unknown) => void): unknown;
  },
  tasks: ReadonlyMap<string, PoolTask<unknown, unknown, unknown>>,
): void {
  port.on('message', (message) => runPoolJob(message, port, tasks));
}

/**
 * A thread that runs in this process: the pool's protocol without a bundle, for tests. `lose` makes it claim
 * chunks and then exit without answering.
 */
export function inProcessWorker(
  tasks: ReadonlyMap<string, PoolTask<unknown, unknown, unknown>>,
  options: { lose?: boolean } = {},
): WorkerLike {
  const listeners = {
    message: [] as Array<(m: unknown) => void>,
    error: [] as Array<(e: Error) => void>,
    exit: [] as Array<(c: number) => void>,
  };
  let alive = true;
  const worker: WorkerLike = {
    postMessage(message) {
      // Later, as a thread would: the main thread takes its own share first.
      setImmediate(() => {
        if (!alive) return;
        if (options.lose) {
          runPoolJob(message, { postMessage: () => {} }, tasks);
          alive = false;
          for (const listener of listeners.exit) listener(1);
          return;
        }
        runPoolJob(
          message,
          {
            postMessage: (answer) =>
              setImmediate(() => {
                for (const listener of listeners.message) listener(answer);
              }),
          },
          tasks,
        );
      });
    },
    on(event: 'message' | 'error' | 'exit', listener: never) {
      (listeners[event] as unknown[]).push(listener);
      return worker;
    },
    terminate() {
      alive = false;
    },
  };
  return worker;
}
