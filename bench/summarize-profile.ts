/**
 * Summaries of V8 CPU profiles (`node --cpu-prof`): where a thread's wall time went, and the functions with the
 * most self time. Pure: the caller reads the files.
 */

/** The parts of the `.cpuprofile` format (Chrome DevTools Protocol `Profiler.Profile`) that are used here. */
export interface CpuProfile {
  nodes: Array<{
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
  }>;
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileEntry {
  /** The function's name, or `(anonymous)`; V8's own entries keep their names, such as `(garbage collector)`. */
  function: string;
  /** `file:line` (1-based) for JavaScript, empty for native code. */
  location: string;
  selfMs: number;
}

export interface ProfileSummary {
  /** From the first to the last sample's end. */
  wallMs: number;
  /** Wall time not spent idle (waiting on a message, I/O or a timer). */
  busyMs: number;
  idleMs: number;
  gcMs: number;
  /** The `top` entries with the most self time, idle left out, most first; ties by name. */
  top: ProfileEntry[];
}

const IDLE = '(idle)';
const GC = '(garbage collector)';

/**
 * Each sample is charged the time until the next one (the last one, until the profile's end), which is how
 * DevTools draws it. Returns null for a profile whose shape is not the one above.
 */
export function summarizeProfile(profile: unknown, top = 15): ProfileSummary | null {
  if (!isCpuProfile(profile)) return null;
  const keyOf = new Map<number, string>();
  const entryOf = new Map<string, ProfileEntry>();
  for (const node of profile.nodes) {
    const { functionName, url, lineNumber } = node.callFrame;
    const name = functionName === '' ? '(anonymous)' : functionName;
    const location = url === '' ? '' : `${url.split('/').at(-1)}:${lineNumber + 1}`;
    const key = `${name}\u0000${location}`;
    keyOf.set(node.id, key);
    if (!entryOf.has(key)) entryOf.set(key, { function: name, location, selfMs: 0 });
  }
  let at = profile.startTime;
  const times: number[] = profile.timeDeltas.map((delta) => {
    at += delta;
    return at;
  });
  for (const [index, nodeId] of profile.samples.entries()) {
    const start = times[index] as number;
    const end = times[index + 1] ?? Math.max(profile.endTime, start);
    const entry = entryOf.get(keyOf.get(nodeId) ?? '');
    if (entry) entry.selfMs += (end - start) / 1000;
  }
  const entries = [...entryOf.values()];
  const idleMs = entries.filter((e) => e.function === IDLE).reduce((sum, e) => sum + e.selfMs, 0);
  const gcMs = entries.filter((e) => e.function === GC).reduce((sum, e) => sum + e.selfMs, 0);
  const first = times[0] ?? profile.startTime;
  const wallMs = Math.max(profile.endTime, times.at(-1) ?? first) / 1000 - first / 1000;
  return {
    wallMs: round(wallMs),
    busyMs: round(wallMs - idleMs),
    idleMs: round(idleMs),
    gcMs: round(gcMs),
    top: entries
      .filter((e) => e.function !== IDLE && e.selfMs > 0)
      .sort((a, b) => b.selfMs - a.selfMs || a.function.localeCompare(b.function, 'en'))
      .slice(0, top)
      .map((e) => ({ ...e, selfMs: round(e.selfMs) })),
  };
}

/**
 * Which thread of which process wrote a profile, from the name Node gives it:
 * `CPU.<date>.<time>.<pid>.<thread id>.<sequence>.cpuprofile`, thread 0 being the main thread.
 */
export function profileThread(fileName: string): { pid: number; thread: number; sequence: number } | null {
  const match = /^CPU\.\d+\.\d+\.(\d+)\.(\d+)\.(\d+)\.cpuprofile$/.exec(fileName);
  if (!match) return null;
  return { pid: Number(match[1]), thread: Number(match[2]), sequence: Number(match[3]) };
}

function isCpuProfile(value: unknown): value is CpuProfile {
  if (typeof value !== 'object' || value === null) return false;
  const p = value as Record<string, unknown>;
  if (!Array.isArray(p.nodes) || !Array.isArray(p.samples) || !Array.isArray(p.timeDeltas)) return false;
  if (typeof p.startTime !== 'number' || typeof p.endTime !== 'number') return false;
  if (p.samples.length !== p.timeDeltas.length) return false;
  if (!p.timeDeltas.every((d) => typeof d === 'number' && Number.isFinite(d))) return false;
  return p.nodes.every((node: unknown) => {
    if (typeof node !== 'object' || node === null) return false;
    const { id, callFrame } = node as { id?: unknown; callFrame?: unknown };
    if (typeof id !== 'number' || typeof callFrame !== 'object' || callFrame === null) return false;
    const frame = callFrame as Record<string, unknown>;
    return (
      typeof frame.functionName === 'string' &&
      typeof frame.url === 'string' &&
      typeof frame.lineNumber === 'number'
    );
  });
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
