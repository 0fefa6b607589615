import { describe, expect, it } from 'vitest';
import { type CpuProfile, profileThread, summarizeProfile } from '../../bench/summarize-profile.ts';

const frame = (functionName: string, url = '', lineNumber = -1) => ({ functionName, url, lineNumber });

/** root → main → (work, helper); plus V8's own entries. Times in microseconds, as V8 writes them. */
function sampleProfile(): CpuProfile {
  return {
    nodes: [
      { id: 1, callFrame: frame('(root)') },
      { id: 2, callFrame: frame('main', 'file:///repo/dist/persona.mjs', 9) },
      { id: 3, callFrame: frame('work', 'file:///repo/dist/persona.mjs', 41) },
      { id: 4, callFrame: frame('', 'file:///repo/dist/persona.mjs', 99) },
      { id: 5, callFrame: frame('(garbage collector)') },
      { id: 6, callFrame: frame('(idle)') },
      // The same function reached by a second path is one entry.
      { id: 7, callFrame: frame('work', 'file:///repo/dist/persona.mjs', 41) },
      { id: 8, callFrame: frame('lstat') },
    ],
    startTime: 1_000_000,
    endTime: 1_010_000,
    // Samples at 1,000,000 + 0, 2,000, 5,000, 6,000, 7,000, 9,000 µs; the last runs to endTime.
    samples: [3, 4, 5, 6, 7, 8],
    timeDeltas: [0, 2_000, 3_000, 1_000, 1_000, 2_000],
  };
}

describe('summarizeProfile', () => {
  it('charges each sample the time until the next one, the last one until the end', () => {
    const summary = summarizeProfile(sampleProfile());
    expect(summary).toEqual({
      wallMs: 10,
      busyMs: 9,
      idleMs: 1,
      gcMs: 1,
      top: [
        { function: 'work', location: 'persona.mjs:42', selfMs: 4 },
        { function: '(anonymous)', location: 'persona.mjs:100', selfMs: 3 },
        { function: '(garbage collector)', location: '', selfMs: 1 },
        { function: 'lstat', location: '', selfMs: 1 },
      ],
    });
  });

  it('keeps only the top entries, most self time first', () => {
    expect(summarizeProfile(sampleProfile(), 2)?.top.map((e) => e.function)).toEqual(['work', '(anonymous)']);
  });

  it('summarizes a profile with no samples as empty', () => {
    const empty = { ...sampleProfile(), samples: [], timeDeltas: [] };
    expect(summarizeProfile(empty)).toEqual({ wallMs: 10, busyMs: 10, idleMs: 0, gcMs: 0, top: [] });
  });

  it.each([
    ['null', null],
    ['an array', []],
    ['no nodes', { ...sampleProfile(), nodes: undefined }],
    ['samples and deltas of different lengths', { ...sampleProfile(), timeDeltas: [0] }],
    ['a delta that is not a number', { ...sampleProfile(), timeDeltas: [0, 1, 2, '3', 4, 5] }],
    ['a node without a call frame', { ...sampleProfile(), nodes: [{ id: 1 }] }],
    [
      'a call frame without a line',
      { ...sampleProfile(), nodes: [{ id: 1, callFrame: { functionName: 'x', url: '' } }] },
    ],
    ['no start time', { ...sampleProfile(), startTime: '0' }],
  ])('returns null for %s', (_label, input) => {
    expect(summarizeProfile(input)).toBeNull();
  });
});

describe('profileThread', () => {
  it.each([
    ['CPU.20261123.052720.12252.0.001.cpuprofile', { pid: 12252, thread: 0, sequence: 1 }],
    ['CPU.20261123.052720.12252.3.004.cpuprofile', { pid: 12252, thread: 3, sequence: 4 }],
    ['Heap.20261123.052720.12252.0.001.heapprofile', null],
    ['CPU.20261123.052720.12252.0.001.cpuprofile.tmp', null],
    ['summary.md', null],
  ])('%s', (name, expected) => {
    expect(profileThread(name)).toEqual(expected);
  });
});
