import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ResultRow } from '../../bench/report.ts';
import type { TargetResult } from '../../bench/targets.ts';
import { REPO_ROOT, runCli, scratchLibrary } from '../helpers/run-cli.ts';

const scratch = scratchLibrary();
afterAll(() => scratch.cleanup());

// The rows of issue 19 on a tiny library: they run, exit as expected and check what they ran. Never a time (the
// whole bench on a tiny size is in bench-run.test.ts).
describe('npm run bench: the peer, pull-request and action-start rows on a tiny size', () => {
  const rowsRun = [
    'peer',
    'peer-contributions',
    'validate-cold',
    'pr-check-persona',
    'pr-check-contribution',
    'action-start',
  ];
  it('runs each row as expected, with the ratios and the targets table', async () => {
    const out = path.join(scratch.root, 'issue-19.json');
    const result = await runCli(
      [
        'bench/run.ts',
        '--sizes',
        '8',
        '--runs',
        '1',
        '--warmup',
        '0',
        '--only',
        rowsRun.join(','),
        '--out',
        out,
      ],
      { entry: path.join(REPO_ROOT, 'scripts/build/run-ts.mjs'), cwd: REPO_ROOT, timeoutMs: 100_000 },
    );
    const results = JSON.parse(readFileSync(out, 'utf8'));
    const rows: ResultRow[] = results.rows;
    expect(rows.filter((r) => r.status !== 'ok').map((r) => `${r.scenario}: ${r.reason}`)).toEqual([]);
    expect(results.problems).toEqual([]);
    expect(result.code, result.stderr).toBe(0);
    expect(rows.map((r) => r.scenario)).toEqual(rowsRun);
    const byId = new Map(rows.map((r) => [r.scenario, r]));
    const exits = Object.fromEntries(rows.map((r) => [r.scenario, r.samples.map((s) => s.exitCode)]));
    expect(exits).toEqual({
      peer: [1],
      'peer-contributions': [1],
      'validate-cold': [1],
      'pr-check-persona': [0],
      'pr-check-contribution': [0],
      'action-start': [1],
    });
    const library = results.libraries[0];
    expect(byId.get('peer-contributions')?.files).toBe(library.contributions - 1);
    expect(byId.get('pr-check-persona')?.files).toBe(2 * (library.personas + library.contributions));
    expect(byId.get('action-start')).toMatchObject({ files: 0, filesPerSecond: null, root: 'empty' });
    expect(library.pullRequests.contribution).toMatch(/^contributions\/.+\.yaml added \(extend\)$/);

    // × peer: over both peers' sum; the persona-only ratio is kept; × cold for the PR check.
    const cold = byId.get('validate-cold') as ResultRow;
    expect(cold.peerBasis).toBe('peer + peer-contributions');
    expect(byId.get('peer')?.peerBasis).toBe('peer');
    expect(cold.ratioToPersonaPeer).toBeGreaterThan(cold.ratioToPeer as number);
    expect(byId.get('pr-check-persona')).toMatchObject({ relativeTo: 'validate-cold' });
    expect(byId.get('pr-check-contribution')?.ratioToCold).toBeGreaterThan(0);

    expect(results.load.start).toHaveLength(3);
    expect(results.load.end).toHaveLength(3);
    for (const row of rows) expect(row.load?.before).toHaveLength(3);

    const targets: TargetResult[] = results.targets;
    const judged = targets.filter((t) => t.met !== null).map((t) => t.id);
    expect(judged.sort()).toEqual(
      [
        'action-start',
        'pr-check-contribution/validate-cold',
        'pr-check-persona/validate-cold',
        'validate-cold/peers',
      ].sort(),
    );
    expect(targets.find((t) => t.id === 'validate-watch/validate-cold')?.measured).toBe(
      'not measured (validate-watch did not run)',
    );
    expect(result.stdout).toMatch(/Targets \(issue 19\), from this run's medians:\n\n\| target +\| +size \|/);
    expect(result.stdout).toMatch(/\| command +\| size \| files \| +median ms \|.*× peer \| +× cold \|/);
    expect(result.stdout).toMatch(/^Load average \(1, 5, 15 min\): /m);
  }, 110_000);
});
