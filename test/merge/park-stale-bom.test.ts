import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { diskOps, type FileOps } from '../../scripts/apply/file-ops.ts';
import { mergeLibrary } from '../../scripts/pipeline/merge-library.ts';
import { contribution, FIXTURE_LIBRARY, writeFiles } from '../contributions/contribution-helpers.ts';
import { scratchLibrary } from '../helpers/run-cli.ts';

// Regression (from a review): the journal keeps a move's text as `new TextDecoder().decode(bytes)`, which drops a UTF-8
// BOM, while its `sha256` is of the original bytes. A crash after the parked copy is written and before the
// original is removed leaves a copy whose hash is not the journal's, so the re-run keeps the original too:
// the correction is duplicated, and the next run parks it again as stale/<name>-2.yaml.
const DIR = 'contributions/sentry-error-monitor';
const ORIGINAL = 'Crawler and browser-extension noise eating the monthly error quota.';
const correction = (author: string, value: string) =>
  contribution(
    'persona: sentry-error-monitor',
    'field: frustrations',
    'action: correct',
    'item: 3',
    `value: "${value}"`,
    `original: "${ORIGINAL}"`,
    `author: ${author}`,
    'rationale: "Seen it."',
  );
const FIRST = `${DIR}/2026-11-20-amy-frustrations-item-3.yaml`;
const SECOND = `${DIR}/2026-11-21-bob-frustrations-item-3.yaml`;

const stateBase = mkdtempSync(path.join(os.tmpdir(), 'persona-state-'));
afterAll(() => rmSync(stateBase, { recursive: true, force: true }));
const env = { PERSONA_STATE_DIR: stateBase };
let cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups) c();
  cleanups = [];
});

function files(root: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const e of readdirSync(path.join(root, rel), { withFileTypes: true })) {
      const child = `${rel}/${e.name}`;
      if (e.isDirectory()) walk(child);
      else out.push(child);
    }
  };
  walk(DIR);
  return out.sort();
}

describe('park-stale crash safety with a BOM', () => {
  it('a crash between writing the parked copy and removing the original neither duplicates nor loses it', async () => {
    const { root, cleanup } = scratchLibrary(FIXTURE_LIBRARY);
    cleanups.push(cleanup);
    writeFiles(root, {
      [FIRST]: correction('amy', 'Bot noise eats the quota by mid-month.'),
      [SECOND]: `\uFEFF${correction('bob', 'Crawler noise burns the quota.')}`,
    });
    let crashed = false;
    const disk = diskOps(root);
    const crashing: FileOps = {
      ...disk,
      // Crash on the removal of the original, right after its parked copy was written.
      remove: async (file) => {
        if (file === SECOND && !crashed) {
          crashed = true;
          throw new Error('crash');
        }
        return disk.remove(file);
      },
    };
    await expect(
      mergeLibrary(root, { dryRun: false, date: null, parkStale: true, env, ops: crashing }),
    ).rejects.toThrow('crash');
    expect(crashed).toBe(true);
    await mergeLibrary(root, { dryRun: false, date: null, parkStale: true, env });
    await mergeLibrary(root, { dryRun: false, date: null, parkStale: true, env });
    expect(files(root)).toEqual([`${DIR}/stale/2026-11-21-bob-frustrations-item-3.yaml`]);
  });
});
