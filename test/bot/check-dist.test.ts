import { appendFileSync, cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: plain ESM build script without type declarations
import { bundle } from '../../scripts/build/bundle.mjs';
// @ts-expect-error: plain ESM build script without type declarations
import { checkDist } from '../../scripts/build/check-dist.mjs';

// The bundles are rebuilt from the current source, so this checks the checker, not the committed dist/.
let fresh: string;
beforeAll(async () => {
  fresh = mkdtempSync(path.join(os.tmpdir(), 'persona-dist-'));
  await bundle({ outdir: fresh });
});
afterAll(() => rmSync(fresh, { recursive: true, force: true }));

function variant(change: (dir: string) => void): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'persona-dist-variant-'));
  cpSync(fresh, dir, { recursive: true });
  change(dir);
  return dir;
}

describe('check-dist', () => {
  it('builds the CLI and both action entry points', async () => {
    expect(await checkDist(fresh)).toEqual([]);
  });

  it.each([
    [
      'a changed byte',
      (dir: string) => appendFileSync(path.join(dir, 'persona.mjs'), ' '),
      'persona.mjs',
      'differs from a fresh build',
    ],
    [
      'a missing bundle',
      (dir: string) => rmSync(path.join(dir, 'validate-action.mjs')),
      'validate-action.mjs',
      'missing from dist/',
    ],
    [
      'a leftover file',
      (dir: string) => writeFileSync(path.join(dir, 'old.mjs'), ''),
      'old.mjs',
      'is not produced by the build any more',
    ],
  ])('reports %s', async (_name, change, file, problem) => {
    const dir = variant(change);
    try {
      expect(await checkDist(dir)).toEqual([{ file, problem }]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
