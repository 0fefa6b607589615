import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { diskOps, type FileOps } from '../../scripts/apply/file-ops.ts';
import { mergeLibrary } from '../../scripts/pipeline/merge-library.ts';
import { validateLibrary } from '../../scripts/pipeline/validate-library.ts';
import { contribution, FIXTURE_LIBRARY, MONITOR, writeFiles } from '../contributions/contribution-helpers.ts';
import { scratchLibrary } from '../helpers/run-cli.ts';

// Regression (from a review): parseJournal accepts only paths of [A-Za-z0-9._-], but the library reads (and validate
// passes) contribution files with any other name, e.g. `2026-11-20-zoë-goals.yaml`. A crash after the persona
// is written and before that file is removed leaves a journal the re-run calls unreadable and sets aside, so
// the already-applied contribution is planned again: an extension becomes a `contribution/duplicate-item`
// error on main, instead of the crash ending as one clean run.
const DIR = 'contributions/sentry-error-monitor';
const FILE = `${DIR}/2026-11-20-zoë-goals.yaml`;

const stateBase = mkdtempSync(path.join(os.tmpdir(), 'persona-state-'));
afterAll(() => rmSync(stateBase, { recursive: true, force: true }));
const env = { PERSONA_STATE_DIR: stateBase };
let cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups) c();
  cleanups = [];
});

describe('merge journal and file names the library accepts', () => {
  it('a crash before the applied contribution is removed ends, after a re-run, as one clean run', async () => {
    const { root, cleanup } = scratchLibrary(FIXTURE_LIBRARY);
    cleanups.push(cleanup);
    writeFiles(root, {
      [FILE]: contribution(
        'persona: sentry-error-monitor',
        'field: goals',
        'action: extend',
        'value: "Ship it fast."',
        'author: zoe',
      ),
    });
    expect((await validateLibrary(root)).diagnostics).toEqual([]);
    const disk = diskOps(root);
    let crashed = false;
    const crashing: FileOps = {
      ...disk,
      remove: async (file) => {
        if (file === FILE && !crashed) {
          crashed = true;
          throw new Error('crash');
        }
        return disk.remove(file);
      },
    };
    await expect(
      mergeLibrary(root, { dryRun: false, date: null, parkStale: true, env, ops: crashing }),
    ).rejects.toThrow('crash');
    const rerun = await mergeLibrary(root, { dryRun: false, date: null, parkStale: true, env });
    expect(rerun.journal?.unreadable ?? false).toBe(false);
    // Applied and removed, its emptied folder with it.
    expect(existsSync(path.join(root, DIR)) ? readdirSync(path.join(root, DIR)) : []).toEqual([]);
    expect(readFileSync(path.join(root, MONITOR), 'utf8').match(/Ship it fast\./g)).toHaveLength(1);
    expect((await validateLibrary(root)).diagnostics).toEqual([]);
  });
});
