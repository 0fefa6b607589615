import {
  chmodSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { contribution, FIXTURE_LIBRARY, writeFiles } from '../contributions/contribution-helpers.ts';
import { runCli, scratchLibrary } from '../helpers/run-cli.ts';

/**
 * The commands that write into the library refuse a symbolic link on the way (exit 2, nothing written,
 * nothing written outside), and the tools refuse a state folder in the shared temporary folder that another
 * user could have made or may write to.
 */
let cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups) cleanup();
  cleanups = [];
});

function scratch(from?: string): string {
  const { root, cleanup } = scratchLibrary(from);
  cleanups.push(cleanup);
  return root;
}

/** Every entry under `root` with its content (files) or target (links), never following a link. */
function snapshot(root: string, dir = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(path.join(root, dir))) {
    const relative = path.join(dir, name);
    const full = path.join(root, relative);
    const stats = lstatSync(full);
    if (stats.isSymbolicLink()) out[relative] = `-> ${readlinkSync(full)}`;
    else if (stats.isDirectory()) Object.assign(out, snapshot(root, relative));
    else out[relative] = readFileSync(full, 'utf8');
  }
  return out;
}

/** A folder outside the library that a link points at: it must stay empty. */
function outside(): string {
  return scratch();
}

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

describe('no command writes through a symbolic link', () => {
  it('persona new: a product folder that is a link', async () => {
    const root = scratch(FIXTURE_LIBRARY);
    const away = outside();
    symlinkSync(away, path.join(root, 'personas/acme'));
    const before = snapshot(root);
    const run = await runCli([
      'new',
      '--root',
      root,
      '--product',
      'acme',
      '--title',
      'The Acme Operator',
      '--category',
      'technical',
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/symbolic link/);
    expect(readdirSync(away)).toEqual([]);
    expect(snapshot(root)).toEqual(before);
  });

  it('persona contribute: a contribution folder that is a link', async () => {
    const root = scratch(FIXTURE_LIBRARY);
    const away = outside();
    mkdirSync(path.join(root, 'contributions'), { recursive: true });
    symlinkSync(away, path.join(root, 'contributions/sentry-error-monitor'));
    const before = snapshot(root);
    const run = await runCli([
      'contribute',
      'sentry-error-monitor',
      'aha_moment',
      '--confirm',
      '--author',
      'amy',
      '--rationale',
      'Seen it.',
      '--root',
      root,
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/symbolic link/);
    expect(readdirSync(away)).toEqual([]);
    expect(snapshot(root)).toEqual(before);
  });

  it('persona merge --park-stale: a stale/ folder that is a link', async () => {
    const root = scratch(FIXTURE_LIBRARY);
    const away = outside();
    const dir = 'contributions/sentry-error-monitor';
    writeFiles(root, {
      [`${dir}/2026-11-20-amy-frustrations-item-3.yaml`]: correction(
        'amy',
        'Bot noise eats the quota by mid-month.',
      ),
      [`${dir}/2026-11-21-bob-frustrations-item-3.yaml`]: correction('bob', 'Crawler noise burns the quota.'),
    });
    symlinkSync(away, path.join(root, dir, 'stale'));
    const before = snapshot(root);
    const run = await runCli(['merge', '--park-stale', '--root', root]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/symbolic link/);
    expect(readdirSync(away)).toEqual([]);
    expect(snapshot(root)).toEqual(before);
  });
});

describe('state in the shared temporary folder', () => {
  const uid = typeof process.getuid === 'function' ? process.getuid() : 0;

  it.each([
    ['others may write to it', (dir: string) => chmodSync(dir, 0o777)],
    [
      'it is a link',
      (dir: string) => {
        rmSync(dir, { recursive: true });
        symlinkSync(mkdtempSync(path.join(os.tmpdir(), 'persona-elsewhere-')), dir);
      },
    ],
  ])('is refused when %s: merge exits 2 and writes nothing', async (_, plant) => {
    // A library outside any git working tree, with no PERSONA_STATE_DIR: its state goes to the temp folder.
    const temp = scratch();
    const root = scratch(FIXTURE_LIBRARY);
    const shared = path.join(temp, `persona-library-${uid}`);
    mkdirSync(shared, { mode: 0o700 });
    plant(shared);
    const before = snapshot(root);
    const run = await runCli(['merge', '--root', root], {
      env: { PERSONA_STATE_DIR: undefined, TMPDIR: temp },
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/others may write to it|symbolic link/);
    expect(snapshot(root)).toEqual(before);
  });
});
