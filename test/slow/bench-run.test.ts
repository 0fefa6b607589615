import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ResultRow } from '../../bench/report.ts';
import { SCENARIO_IDS } from '../../bench/scenarios.ts';
import { REPO_ROOT, runCli, scratchLibrary } from '../helpers/run-cli.ts';

const scratch = scratchLibrary();
afterAll(() => scratch.cleanup());

// The full run builds and times every row, about 8 s: it is in the slow project, which .ci/run also runs.
// The benchmark is a tool, not a test: this only checks that it runs end to end on a tiny library.
describe('npm run bench on a tiny size', () => {
  it('runs every command as expected and writes the results file', async () => {
    const out = path.join(scratch.root, 'results.json');
    const profiles = path.join(scratch.root, 'profiles');
    const result = await runCli(
      [
        'bench/run.ts',
        '--sizes',
        '20',
        '--runs',
        '1',
        '--warmup',
        '0',
        '--seed',
        '3',
        '--out',
        out,
        '--keep',
        '--profile',
        profiles,
      ],
      { entry: path.join(REPO_ROOT, 'scripts/build/run-ts.mjs'), cwd: REPO_ROOT, timeoutMs: 110_000 },
    );
    const results = JSON.parse(readFileSync(out, 'utf8'));
    const rows: ResultRow[] = results.rows;

    expect(rows.filter((r) => r.status !== 'ok').map((r) => `${r.scenario}: ${r.reason}`)).toEqual([]);
    expect(results.problems).toEqual([]);
    expect(result.code).toBe(0);

    expect(results).toMatchObject({ version: 1, options: { sizes: [20], runs: 1, warmup: 0, seed: 3 } });
    expect(results.machine.cpus).toBeGreaterThan(0);
    expect(results.machine.node).toBe(process.version);
    expect(results.libraries).toHaveLength(1);
    expect(results.libraries[0]).toMatchObject({
      size: 20,
      contributionsByAction: { confirm: 3, correct: 3, extend: 3 },
      verification: { exitCode: 1, warnings: 0, unexpected: [], missed: [] },
    });
    expect(rows.map((r) => r.scenario)).toEqual([...SCENARIO_IDS]);
    for (const row of rows) {
      expect(row.size).toBe(20);
      expect(row.samples).toHaveLength(1);
      expect(row.expectedExit).toContain(row.samples[0]?.exitCode);
      expect(row.medianMs).toBeGreaterThan(0);
      // action-start reads no file, so it has no files/s.
      if (row.scenario === 'action-start') expect(row.filesPerSecond).toBeNull();
      else expect(row.filesPerSecond).toBeGreaterThan(0);
      expect(row.peakRssMb).toBeGreaterThan(0);
      expect(row.ratioToFloor).toBeGreaterThan(0);
      expect(row.ratioToPeer).toBeGreaterThan(0);
      expect(row.scaling).toBeNull();
      // --profile: one more run per row, its profiles kept and summarized per thread.
      const profile = row.profile;
      expect(profile?.dir).toBe(path.join(profiles, `20-${row.scenario}`));
      expect(profile?.unreadable).toEqual([]);
      const main = profile?.threads.find((t) => t.thread === 'main');
      expect(main?.busyMs).toBeGreaterThan(0);
      expect(main?.top.length).toBeGreaterThan(0);
      expect(readdirSync(profile?.dir as string).sort()).toEqual(profile?.threads.map((t) => t.file).sort());
    }
    const summary = readFileSync(path.join(profiles, 'summary.md'), 'utf8');
    for (const row of rows) {
      expect(summary).toContain(`## ${row.label}, 20 personas`);
      expect(summary).toContain(`Profiles: 20-${row.scenario}/`);
    }
    expect(rows.find((r) => r.scenario === 'floor')?.ratioToFloor).toBe(1);
    // The catalogue row says what it wrote: 20 persona pages among the listings.
    const written = rows.find((r) => r.scenario === 'catalogue-cold')?.output;
    expect(written?.files).toBeGreaterThan(20);
    expect(written?.personaPageMedianBytes).toBeGreaterThan(1000);
    expect(result.stdout).toMatch(
      /What the catalogue rows wrote:\n\n\| command +\| size \| files \| total MB \|/,
    );
    expect(result.stdout).toMatch(/\| command +\| size \| files \| +median ms \|/);
    // The measured CLI is one bundle, which is also its own worker script, as dist/persona.mjs is.
    const kept = /kept the generated libraries in (\S+)/.exec(result.stderr)?.[1];
    expect(kept).toBeDefined();
    try {
      expect(readdirSync(path.join(kept as string, 'bin')).sort()).toEqual([
        'floor.mjs',
        'persona.mjs',
        'stat-floor.mjs',
        'validate-action.mjs',
        'watch-edit.mjs',
      ]);
    } finally {
      rmSync(kept as string, { recursive: true, force: true });
    }
  }, 120_000);
});
