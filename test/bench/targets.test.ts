import { describe, expect, it } from 'vitest';
import type { ResultRow } from '../../bench/report.ts';
import { judgeTargets } from '../../bench/targets.ts';

function row(
  scenario: string,
  size: number,
  medianMs: number | null,
  extra: Partial<ResultRow> = {},
): ResultRow {
  return {
    scenario,
    label: scenario,
    size,
    status: medianMs === null ? 'skipped' : 'ok',
    root: 'library',
    files: 10,
    expectedExit: [0],
    samples: [],
    medianMs,
    filesPerSecond: null,
    peakRssMb: 100,
    ratioToFloor: null,
    ratioToPeer: null,
    peerBasis: null,
    ratioToPersonaPeer: null,
    ratioToCold: null,
    relativeTo: null,
    scaling: null,
    ...extra,
  };
}

const byId = (targets: ReturnType<typeof judgeTargets>, id: string, size: number | null) =>
  targets.find((t) => t.id === id && t.size === size);

describe('judgeTargets: issue 19 targets from one run', () => {
  it('divides cold validation by the sum of both peers, at each size that ran', () => {
    const targets = judgeTargets(
      [row('peer', 1000, 300), row('peer-contributions', 1000, 200), row('validate-cold', 1000, 450)],
      [1000],
    );
    expect(byId(targets, 'validate-cold/peers', 1000)).toMatchObject({
      value: 0.9,
      limit: 1,
      met: true,
      measured: '0.90 × (450 ms / 500 ms)',
    });
  });

  it('says which row is missing or skipped instead of judging', () => {
    const targets = judgeTargets(
      [
        row('peer', 1000, 300),
        row('validate-cold', 1000, 450),
        row('pr-check-persona', 1000, null, { reason: 'no validate-action.mjs next to x' }),
      ],
      [1000],
    );
    expect(byId(targets, 'validate-cold/peers', 1000)).toMatchObject({
      value: null,
      met: null,
      measured: 'not measured (peer-contributions did not run)',
    });
    expect(byId(targets, 'pr-check-persona/validate-cold', 1000)?.measured).toBe(
      'not measured (pr-check-persona skipped: no validate-action.mjs next to x)',
    );
  });

  it('judges the PR check, the watch, the warm catalogue and the action start as ratios or seconds', () => {
    const targets = judgeTargets(
      [
        row('validate-cold', 200, 1000),
        row('pr-check-persona', 200, 1400),
        row('pr-check-contribution', 200, 1200),
        row('validate-watch', 200, 90),
        row('catalogue-cold', 200, 3000),
        row('catalogue-warm', 200, 400),
        row('action-start', 200, 120),
      ],
      [200],
    );
    expect(byId(targets, 'pr-check-persona/validate-cold', 200)).toMatchObject({ value: 1.4, met: false });
    expect(byId(targets, 'pr-check-contribution/validate-cold', 200)).toMatchObject({
      value: 1.2,
      met: true,
    });
    expect(byId(targets, 'validate-watch/validate-cold', 200)).toMatchObject({ value: 0.09, met: true });
    expect(byId(targets, 'catalogue-warm/catalogue-cold', 200)).toMatchObject({ value: 0.13, met: false });
    expect(byId(targets, 'action-start', 200)).toMatchObject({ value: 0.12, unit: 's', met: true });
    // Judged at 10000 only.
    expect(byId(targets, 'catalogue-cold/validate-cold', 10_000)).toMatchObject({
      met: null,
      measured: 'not measured (10000 not among --sizes)',
    });
  });

  it('holds each command to its memory budget by the highest peak RSS of its rows', () => {
    const targets = judgeTargets(
      [
        row('validate-cold', 10_000, 2000, { peakRssMb: 380 }),
        row('validate-warm', 10_000, 900, { peakRssMb: 410 }),
        row('catalogue-cold', 10_000, 9000, { peakRssMb: 390 }),
      ],
      [10_000],
    );
    expect(byId(targets, 'rss-10k/validate', 10_000)).toMatchObject({
      value: 410,
      met: false,
      measured: '410 MB (validate-warm; of validate-cold, validate-warm)',
    });
    expect(byId(targets, 'rss-10k/catalogue', 10_000)).toMatchObject({ value: 390, met: true });
    expect(byId(targets, 'rss-10k/merge', 10_000)?.met).toBeNull();
    expect(byId(targets, 'rss-50k/validate', 50_000)?.measured).toBe(
      'not measured (50000 not among --sizes)',
    );
  });

  it('judges scaling only between sizes that both ran, naming the worst row and any over the limit', () => {
    const rows = [
      row('validate-cold', 1000, 100),
      row('validate-cold', 10_000, 900),
      row('catalogue-cold', 1000, 100),
      row('catalogue-cold', 10_000, 1200),
      row('peer', 1000, 100),
      row('peer', 10_000, null),
    ];
    const targets = judgeTargets(rows, [1000, 10_000]);
    expect(byId(targets, 'scaling-10k/1k', null)).toMatchObject({
      value: 12,
      met: false,
      measured: 'worst 12.00 (catalogue-cold) of 2 rows; over: catalogue-cold 12.00',
    });
    expect(byId(targets, 'scaling-50k/10k', null)).toMatchObject({
      met: null,
      measured: 'not measured (50000 not among --sizes)',
    });
  });
});
