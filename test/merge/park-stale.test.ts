import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { diskOps, type FileOps } from '../../scripts/apply/file-ops.ts';
import { mergeLibrary } from '../../scripts/pipeline/merge-library.ts';
import { validateLibrary } from '../../scripts/pipeline/validate-library.ts';
import { toolStateFor } from '../../scripts/read/tool-state.ts';
import {
  contribution,
  FIXTURE_LIBRARY,
  MONITOR,
  snapshot,
  writeFiles,
} from '../contributions/contribution-helpers.ts';
import { runCli, scratchLibrary } from '../helpers/run-cli.ts';
import { scenario } from '../helpers/scenario.ts';

const DIR = 'contributions/sentry-error-monitor';
const ORIGINAL = 'Crawler and browser-extension noise eating the monthly error quota.';
const correction = (author: string, value: string, original = ORIGINAL) =>
  contribution(
    'persona: sentry-error-monitor',
    'field: frustrations',
    'action: correct',
    'item: 3',
    `value: "${value}"`,
    `original: "${original}"`,
    `author: ${author}`,
    'rationale: "Seen it."',
  );
const FIRST = `${DIR}/2026-11-20-amy-frustrations-item-3.yaml`;
const SECOND = `${DIR}/2026-11-21-bob-frustrations-item-3.yaml`;
const PARKED = `${DIR}/stale/2026-11-21-bob-frustrations-item-3.yaml`;

const stateBase = mkdtempSync(path.join(os.tmpdir(), 'persona-state-'));
afterAll(() => rmSync(stateBase, { recursive: true, force: true }));
const env = { PERSONA_STATE_DIR: stateBase };

let cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups) cleanup();
  cleanups = [];
});

/** Two pull requests corrected the same item from the same main; both were merged before the apply job ran. */
function twoCorrections(): string {
  const { root, cleanup } = scratchLibrary(FIXTURE_LIBRARY);
  cleanups.push(cleanup);
  writeFiles(root, {
    [FIRST]: correction('amy', 'Bot noise eats the quota by mid-month.'),
    [SECOND]: correction('bob', 'Crawler noise burns the quota.'),
  });
  return root;
}

describe('persona merge --park-stale (the apply workflow)', () => {
  it('applies the first correction and parks the second in stale/: nothing lost, nothing an error', async () => {
    const root = twoCorrections();
    const second = snapshot(root)[SECOND];
    const run = await runCli(['merge', '--park-stale', '--format', 'json', '--root', root]);
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.applied.map((a: { file: string }) => a.file)).toEqual([FIRST]);
    expect(report.conflicts).toEqual([]);
    expect(report.parked).toEqual([
      {
        file: SECOND,
        to: PARKED,
        diagnostic: expect.objectContaining({ rule: 'contribution/stale-original' }),
      },
    ]);
    const after = snapshot(root);
    expect(after).not.toHaveProperty(SECOND);
    expect(after[PARKED]).toBe(second);
    // The parked correction is pending, not an error: validate exits 0 with one warning.
    const validate = await runCli(['validate', '--format', 'json', '--root', root]);
    expect(validate.code).toBe(0);
    expect(
      JSON.parse(validate.stdout).diagnostics.map((d: { file: string; rule: string }) => [d.file, d.rule]),
    ).toEqual([[PARKED, 'contribution/parked']]);
  });

  it('applies a parked correction once the text it replaces comes back, and removes it', async () => {
    const root = twoCorrections();
    await mergeLibrary(root, { dryRun: false, date: null, parkStale: true, env });
    // Someone corrects the item back to the text the parked correction was written against.
    writeFiles(root, {
      [`${DIR}/2026-11-22-cy-frustrations-item-3.yaml`]: correction(
        'cy',
        ORIGINAL,
        'Bot noise eats the quota by mid-month.',
      ),
    });
    const { plan } = await mergeLibrary(root, { dryRun: false, date: null, parkStale: true, env });
    expect(plan.applied.map((a) => a.file)).toEqual([
      `${DIR}/2026-11-22-cy-frustrations-item-3.yaml`,
      PARKED,
    ]);
    expect(snapshot(root)[MONITOR]).toContain('"Crawler noise burns the quota."');
    expect(Object.keys(snapshot(root)).filter((f) => f.startsWith(DIR))).toEqual([]);
    const { diagnostics } = await validateLibrary(root);
    expect(diagnostics).toEqual([]);
  });

  it('stays quiet while parked: a later merge neither applies nor reports it', async () => {
    const root = twoCorrections();
    await mergeLibrary(root, { dryRun: false, date: null, parkStale: true, env });
    const before = snapshot(root);
    const { plan } = await mergeLibrary(root, { dryRun: false, date: null, parkStale: true, env });
    expect([plan.applied, plan.conflicts, plan.parked]).toEqual([[], [], []]);
    expect(snapshot(root)).toEqual(before);
  });

  it('without --park-stale the second stays where it is, as a conflict (exit 1), as before', async () => {
    const root = twoCorrections();
    const run = await runCli(['merge', '--root', root]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('[contribution/stale-original]');
    expect(snapshot(root)).toHaveProperty(SECOND);
  });

  scenario('a crash at any step of the move ends, after a re-run, exactly as one clean run', async () => {
    const clean = twoCorrections();
    await mergeLibrary(clean, { dryRun: false, date: null, parkStale: true, env });
    const expected = snapshot(clean);
    for (let crashAt = 0; crashAt < 8; crashAt++) {
      const root = twoCorrections();
      const counter = { changes: 0 };
      const crashing = (base: string): FileOps => {
        const disk = diskOps(base);
        const guard = async <T>(step: () => Promise<T>) => {
          if (counter.changes++ === crashAt) throw new Error('crash');
          return step();
        };
        return {
          ...disk,
          write: (file, text) => guard(() => disk.write(file, text)),
          remove: (file) => guard(() => disk.remove(file)),
          removeEmptyDir: (dir) => guard(() => disk.removeEmptyDir(dir)),
        };
      };
      const crashed = await mergeLibrary(root, {
        dryRun: false,
        date: null,
        parkStale: true,
        env,
        ops: crashing(root),
        stateOps: crashing(toolStateFor(root, env).dir),
      }).then(
        () => false,
        () => true,
      );
      // Every step up to the last one of a clean run (7 changes) really crashed.
      expect(crashed, `crash at change ${crashAt}`).toBe(crashAt < 7);
      await mergeLibrary(root, { dryRun: false, date: null, parkStale: true, env });
      expect(snapshot(root), `crash at change ${crashAt}`).toEqual(expected);
    }
  });
});
