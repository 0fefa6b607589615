import { describe, expect, it } from 'vitest';
import {
  type LoadSample,
  othersBusyCores,
  parseProcStat,
  sampleLoad,
  threadsForLoad,
} from '../../scripts/accel/machine-load.ts';

/** The pool sizes itself from what the rest of the machine keeps busy (scripts/accel/machine-load.ts). */
describe('parseProcStat', () => {
  it.each([
    // user nice system idle iowait irq softirq steal: busy is all but idle and iowait.
    ['cpu  100 5 20 800 30 1 2 3 0 0\ncpu0 50 2 10 400 15 0 1 1 0 0\n', { busy: 131, total: 961 }],
    ['cpu 1 0 1 8 0\n', { busy: 2, total: 10 }],
    ['cpu0 1 2 3 4 5\n', null],
    ['cpu x y z\n', null],
    ['cpu 1 2\n', null],
    ['', null],
  ])('%j', (text, expected) => {
    expect(parseProcStat(text)).toEqual(expected);
  });
});

const sample = (busy: number, total: number, ownCpuMs: number, atMs: number): LoadSample => ({
  machine: { busy, total },
  ownCpuMs,
  atMs,
});

describe('othersBusyCores', () => {
  it.each([
    // 2 cores over 200 ms (40 ticks): the machine busy 40 ticks (2 cores), this process 200 ms (1 core): others 1.
    ['one other core busy', sample(0, 0, 0, 0), sample(40, 40, 200, 200), 2, 1],
    ['only this process', sample(0, 0, 0, 0), sample(20, 40, 200, 200), 2, 0],
    ['an idle machine', sample(0, 0, 0, 0), sample(2, 40, 0, 200), 2, 0.1],
    ['never below zero', sample(0, 0, 0, 0), sample(10, 40, 200, 200), 2, 0],
    ['a window too short to tell', sample(0, 0, 0, 0), sample(4, 4, 10, 20), 2, null],
  ])('%s', (_name, from, to, cores, expected) => {
    const others = othersBusyCores(from, to, cores);
    if (expected === null) expect(others).toBeNull();
    else expect(others).toBeCloseTo(expected, 5);
  });

  it('is unknown without /proc/stat', () => {
    expect(othersBusyCores({ machine: null, ownCpuMs: 0, atMs: 0 }, sample(1, 1, 0, 500), 2)).toBeNull();
  });

  it('reads this machine (Linux) and finds a plausible figure', () => {
    const from = sampleLoad();
    const until = performance.now() + 80;
    while (performance.now() < until) {
      // Busy for the window: this process's own time is taken out of the machine's.
    }
    const others = othersBusyCores(from, sampleLoad(), 64);
    if (from.machine === null) return expect(others).toBeNull();
    expect(others).toBeGreaterThanOrEqual(0);
    expect(others).toBeLessThanOrEqual(64);
  });
});

describe('threadsForLoad', () => {
  it.each([
    [2, 0, 0, 2],
    [2, 0.4, 0, 2],
    [2, 0.6, 0, 1],
    [2, 1, 0, 1],
    [2, 3, 0, 1],
    [8, 2.2, 0, 6],
    [1, 0, 0, 1],
    // Unknown: the load average less this thread.
    [2, null, 0.3, 2],
    [2, null, 1.4, 2],
    [2, null, 2.2, 1],
    [4, null, 3, 2],
  ])('%i cores, others %s, load average %s: %i threads', (cores, others, loadAverage, expected) => {
    expect(threadsForLoad(cores, others, loadAverage)).toBe(expected);
  });
});
