import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';

/**
 * How many cores the rest of the machine leaves free, so the worker pool sizes itself: on two cores that another
 * job keeps busy, a second thread only costs (its start, its own JIT warm-up and garbage collection) and
 * finishes later than one thread would (docs/benchmark.md, "Threads").
 *
 * On Linux the machine's busy time is read from /proc/stat at two moments (when this module loads, at the start
 * of the process, and when the pool first decides), and this process's own CPU time over the same window is
 * taken out: what remains is what others used. Elsewhere, or over a window too short to tell, the one-minute
 * load average stands in (it counts this process too, so it errs towards fewer threads).
 */

/** Busy and total CPU time of the whole machine, in clock ticks, from the `cpu` line of /proc/stat. */
export interface MachineTimes {
  busy: number;
  total: number;
}

/** The `cpu` line of /proc/stat: user nice system idle iowait irq softirq steal …; idle and iowait are not busy. */
export function parseProcStat(text: string): MachineTimes | null {
  const line = text.split('\n', 1)[0] ?? '';
  const fields = line.split(/\s+/);
  if (fields[0] !== 'cpu') return null;
  const ticks = fields.slice(1, 9).map(Number);
  if (ticks.length < 5 || ticks.some((t) => !Number.isFinite(t) || t < 0)) return null;
  const total = ticks.reduce((a, b) => a + b, 0);
  const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0);
  return { busy: total - idle, total };
}

function readMachineTimes(): MachineTimes | null {
  try {
    return parseProcStat(readFileSync('/proc/stat', 'latin1'));
  } catch {
    return null;
  }
}

/** One moment: the machine's times, this process's CPU time (all its threads) and the clock, in ms. */
export interface LoadSample {
  machine: MachineTimes | null;
  ownCpuMs: number;
  atMs: number;
}

export function sampleLoad(): LoadSample {
  const own = process.cpuUsage();
  return { machine: readMachineTimes(), ownCpuMs: (own.user + own.system) / 1000, atMs: performance.now() };
}

/** Shorter than this, two readings of /proc/stat (in ticks of 10 ms) say too little. */
const MIN_WINDOW_MS = 60;

/**
 * The cores others kept busy between two samples: the machine's busy share of all cores' time, minus this
 * process's own CPU time. Null when the window is too short or /proc/stat could not be read.
 */
export function othersBusyCores(from: LoadSample, to: LoadSample, cores: number): number | null {
  const windowMs = to.atMs - from.atMs;
  if (!from.machine || !to.machine || windowMs < MIN_WINDOW_MS) return null;
  const total = to.machine.total - from.machine.total;
  if (total <= 0) return null;
  const busyCores = ((to.machine.busy - from.machine.busy) / total) * cores;
  const ownCores = (to.ownCpuMs - from.ownCpuMs) / windowMs;
  return Math.max(0, busyCores - ownCores);
}

/**
 * Threads worth running, this one included: the cores that others leave free, rounded, at least one and at
 * most `cores`. `othersBusy` null (unknown) falls back to the load average less this thread.
 */
export function threadsForLoad(cores: number, othersBusy: number | null, loadAverage: number): number {
  const others = othersBusy ?? Math.max(0, loadAverage - 1);
  return Math.max(1, Math.min(cores, Math.round(cores - others)));
}

/** Taken when the bundle loads: the start of the window the first decision looks back over. */
const START = sampleLoad();

/** The threads the machine has room for now (decided once per process: later tasks keep the same pool). */
let decided: number | undefined;
export function threadsTheMachineAllows(): number {
  if (decided === undefined) {
    const cores = availableParallelism();
    decided = threadsForLoad(cores, othersBusyCores(START, sampleLoad(), cores), loadavg()[0] ?? 0);
  }
  return decided;
}
