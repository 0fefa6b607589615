import { defaultCacheFile } from '../read/tool-state.ts';
import { fingerprintOf, ResultStore } from './result-store.ts';
import { accelerated } from './switch.ts';
import { toolFingerprint } from './tool-fingerprint.ts';
import { type PoolOptions, WorkerPool } from './worker-pool.ts';

/** Everything the accelerator keeps for one run: its result store and its worker threads. */
export interface Accelerator {
  store: ResultStore;
  /** Options for the pool beyond each task's own threshold, with the run's threads (`workers`). */
  pool: Partial<PoolOptions> & { workers: WorkerPool };
}

export interface AcceleratorOptions {
  /** The store's file: a path, null for none (in memory), undefined for the default in the tools' state folder. */
  store?: string | null;
  pool?: Partial<PoolOptions>;
  env: Record<string, string | undefined>;
}

/**
 * The accelerator for a run on `root`, or null when it is switched off (`PERSONA_ACCEL=off`): then every stage
 * takes its reference path. One per run, shared by the stages, so they read and write one store; `close` saves it.
 */
export function openAccelerator(root: string, options: AcceleratorOptions): Accelerator | null {
  if (!accelerated(options.env)) return null;
  // Results are reused only by the same build of the tool; one that cannot say what it is keeps none.
  const tool = toolFingerprint();
  const location =
    tool === undefined
      ? null
      : options.store === undefined
        ? defaultCacheFile(root, 'results', options.env)
        : options.store;
  const minItemsPerThread = Number(options.env.PERSONA_FILES_PER_THREAD);
  // PERSONA_THREADS caps the threads, this one included (1: no worker threads), to measure or to share a machine.
  const threads = Math.floor(Number(options.env.PERSONA_THREADS));
  return {
    store: ResultStore.open(location, fingerprintOf([tool ?? '']), root),
    // PERSONA_FILES_PER_THREAD lets a test start real threads on a small library.
    pool: {
      ...(minItemsPerThread > 0 ? { minItemsPerThread } : {}),
      ...options.pool,
      workers: new WorkerPool({
        threads: options.pool?.threads ?? (threads >= 1 ? threads : undefined),
        spawn: options.pool?.spawn,
      }),
    },
  };
}

/** Keeps what the run learnt, and ends its threads. */
export function closeAccelerator(accelerator: Accelerator | null): void {
  accelerator?.pool.workers.close();
  accelerator?.store.save();
}
