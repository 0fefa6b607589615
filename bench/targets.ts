/**
 * Issue 19's targets, judged from the rows of one run: every ratio is between medians measured in the same
 * run, at the same size. A target whose rows did not run (or whose size is not among `--sizes`) is listed as
 * not measured, never guessed.
 */
import type { ResultRow } from './report.ts';

export interface TargetResult {
  /** Stable id, the same at every size (`size` tells them apart). */
  id: string;
  /** The size it is judged at, or null for a target over two sizes or one that could not be judged at all. */
  size: number | null;
  /** The target in words, such as "validate-cold ≤ 1.0 × (peer + peer-contributions)". */
  target: string;
  limit: number;
  unit: '×' | 'MB' | 's';
  /** The measured value in `unit`, or null when not measured. */
  value: number | null;
  /** What was measured, in words, or "not measured (why)". */
  measured: string;
  /** Null when not measured. */
  met: boolean | null;
}

const MB_10K = 400;
const MB_50K = 800;

/** Commands whose peak RSS is held to the memory targets, and the rows that run them. */
const MEMORY_COMMANDS: ReadonlyArray<{ id: string; name: string; rows: readonly string[] }> = [
  { id: 'validate', name: 'persona validate', rows: ['validate-cold', 'validate-warm', 'validate-watch'] },
  { id: 'catalogue', name: 'persona catalogue', rows: ['catalogue-cold', 'catalogue-warm'] },
  { id: 'merge', name: 'persona merge --dry-run', rows: ['merge-dry-run'] },
  { id: 'pr-check', name: 'the PR check', rows: ['pr-check-persona', 'pr-check-contribution'] },
];

export function judgeTargets(rows: readonly ResultRow[], sizes: readonly number[]): TargetResult[] {
  const ran = [...new Set(sizes)].sort((a, b) => a - b);
  const out: TargetResult[] = [];
  const find = (scenario: string, size: number) =>
    rows.find((r) => r.scenario === scenario && r.size === size);

  /** Why a row gives no median at a size, or null when it does. */
  const missing = (scenario: string, size: number): string | null => {
    const row = find(scenario, size);
    if (!row) return `${scenario} did not run`;
    if (row.status === 'skipped') return `${scenario} skipped: ${row.reason ?? ''}`;
    if (row.status !== 'ok' || row.medianMs === null) return `${scenario} ${row.status}`;
    return null;
  };

  /** A ratio of two rows' medians, at every size that ran (or one size), or not measured. */
  const ratio = (
    id: string,
    target: string,
    limit: number,
    numerator: string,
    denominators: readonly string[],
    atSizes: readonly number[] = ran,
  ) => {
    for (const size of atSizes) {
      const base = { id, size, target, limit, unit: '×' as const };
      if (!ran.includes(size)) {
        out.push({ ...base, value: null, measured: `not measured (${size} not among --sizes)`, met: null });
        continue;
      }
      const why = [numerator, ...denominators].map((s) => missing(s, size)).filter((w) => w !== null);
      if (why.length > 0) {
        out.push({ ...base, value: null, measured: `not measured (${why.join(', ')})`, met: null });
        continue;
      }
      const top = find(numerator, size)?.medianMs as number;
      const bottom = denominators.reduce((sum, s) => sum + (find(s, size)?.medianMs as number), 0);
      const value = round(top / bottom, 2);
      out.push({
        ...base,
        value,
        measured: `${value.toFixed(2)} × (${ms(top)} / ${ms(bottom)})`,
        met: value <= limit,
      });
    }
  };

  ratio('validate-cold/peers', 'validate-cold ≤ 1.0 × (peer + peer-contributions)', 1.0, 'validate-cold', [
    'peer',
    'peer-contributions',
  ]);
  ratio('pr-check-persona/validate-cold', 'pr-check-persona ≤ 1.3 × validate-cold', 1.3, 'pr-check-persona', [
    'validate-cold',
  ]);
  ratio(
    'pr-check-contribution/validate-cold',
    'pr-check-contribution ≤ 1.3 × validate-cold',
    1.3,
    'pr-check-contribution',
    ['validate-cold'],
  );
  ratio('validate-watch/validate-cold', 'validate-watch ≤ 0.1 × validate-cold', 0.1, 'validate-watch', [
    'validate-cold',
  ]);

  for (const [size, limit] of [
    [10_000, MB_10K],
    [50_000, MB_50K],
  ] as const) {
    for (const command of MEMORY_COMMANDS) {
      const base = {
        id: `rss-${size / 1000}k/${command.id}`,
        size,
        target: `${command.name}: peak RSS ≤ ${limit} MB at ${size}`,
        limit,
        unit: 'MB' as const,
      };
      if (!ran.includes(size)) {
        out.push({ ...base, value: null, measured: `not measured (${size} not among --sizes)`, met: null });
        continue;
      }
      const measured = command.rows
        .map((scenario) => find(scenario, size))
        .filter((r): r is ResultRow => r !== undefined && r.status === 'ok' && r.peakRssMb !== null);
      if (measured.length === 0) {
        const why = command.rows.map((s) => missing(s, size) ?? `${s} has no RSS`).join(', ');
        out.push({ ...base, value: null, measured: `not measured (${why})`, met: null });
        continue;
      }
      const peak = measured.reduce((a, b) => ((b.peakRssMb as number) > (a.peakRssMb as number) ? b : a));
      const value = round(peak.peakRssMb as number, 0);
      out.push({
        ...base,
        value,
        measured: `${value} MB (${peak.scenario}; of ${measured.map((r) => r.scenario).join(', ')})`,
        met: value <= limit,
      });
    }
  }

  ratio(
    'catalogue-cold/validate-cold',
    'catalogue-cold ≤ 2 × validate-cold at 10000',
    2,
    'catalogue-cold',
    ['validate-cold'],
    [10_000],
  );
  ratio('catalogue-warm/catalogue-cold', 'catalogue-warm ≤ 0.1 × catalogue-cold', 0.1, 'catalogue-warm', [
    'catalogue-cold',
  ]);

  for (const size of ran) {
    const base = {
      id: 'action-start',
      size,
      target: 'action-start ≤ 0.15 s',
      limit: 0.15,
      unit: 's' as const,
    };
    const why = missing('action-start', size);
    if (why) {
      out.push({ ...base, value: null, measured: `not measured (${why})`, met: null });
      continue;
    }
    const value = round((find('action-start', size)?.medianMs as number) / 1000, 3);
    out.push({ ...base, value, measured: `${value.toFixed(3)} s`, met: value <= 0.15 });
  }
  for (const [from, to, limit] of [
    [1000, 10_000, 11],
    [10_000, 50_000, 5.5],
  ] as const) {
    const base = {
      id: `scaling-${to / 1000}k/${from / 1000}k`,
      size: null,
      target: `every row: median at ${to} / median at ${from} ≤ ${limit}`,
      limit,
      unit: '×' as const,
    };
    const absent = [from, to].filter((s) => !ran.includes(s));
    if (absent.length > 0) {
      out.push({
        ...base,
        value: null,
        measured: `not measured (${absent.join(' and ')} not among --sizes)`,
        met: null,
      });
      continue;
    }
    const pairs = [...new Set(rows.map((r) => r.scenario))].flatMap((scenario) => {
      const small = find(scenario, from);
      const large = find(scenario, to);
      if (small?.status !== 'ok' || large?.status !== 'ok' || !small.medianMs || large.medianMs === null)
        return [];
      return [{ scenario, ratio: round(large.medianMs / small.medianMs, 2) }];
    });
    if (pairs.length === 0) {
      out.push({ ...base, value: null, measured: 'not measured (no row ran at both sizes)', met: null });
      continue;
    }
    const worst = pairs.reduce((a, b) => (b.ratio > a.ratio ? b : a));
    const over = pairs.filter((p) => p.ratio > limit).map((p) => `${p.scenario} ${p.ratio.toFixed(2)}`);
    out.push({
      ...base,
      value: worst.ratio,
      measured: `worst ${worst.ratio.toFixed(2)} (${worst.scenario}) of ${pairs.length} rows${over.length > 0 ? `; over: ${over.join(', ')}` : ''}`,
      met: over.length === 0,
    });
  }
  return out;
}

function ms(value: number): string {
  return `${Math.round(value).toLocaleString('en-US')} ms`;
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
