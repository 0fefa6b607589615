import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
// @ts-expect-error: plain ESM build script without type declarations
import { scopeOf } from '../../scripts/build/ci-scope.mjs';
import { REPO_ROOT, runCli, scratchLibrary } from '../helpers/run-cli.ts';

/**
 * One warning policy (docs/…, README "Warnings and errors"): warnings are shown everywhere and fail nothing
 * automated; an error fails only the change that introduces it. These tests hold the PR check's judgement
 * (`validate --base`, the validate action's verdict) and CI's scope to it. They judge no shipped data: the
 * data on main changes with every merge, and a check of it here would turn every tools change red.
 */
let cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups) cleanup();
  cleanups = [];
});

function library(): string {
  const lib = scratchLibrary();
  cleanups.push(lib.cleanup);
  for (const folder of ['personas', 'schemas'])
    cpSync(path.join(REPO_ROOT, folder), path.join(lib.root, folder), { recursive: true });
  return lib.root;
}

const PERSONA = 'personas/sentry/sentry-error-monitor.yaml';
const addWarning = (root: string) =>
  writeFileSync(
    path.join(root, PERSONA),
    readFileSync(path.join(root, PERSONA), 'utf8').replace(/^(aha_moment: ")/m, '$1TODO '),
  );

describe('one warning policy', () => {
  it('a warning a pull request adds fails neither the PR check nor CI’s data check', async () => {
    const [head, base] = [library(), library()];
    addWarning(head);
    const check = await runCli(['validate', '--root', head, '--base', base, '--format', 'json']);
    expect(check.code).toBe(0);
    expect(JSON.parse(check.stdout).summary).toMatchObject({ warnings: 1, introducedWarnings: 1 });
  });

  it('a tools change may not add warnings to the shipped library (CI runs --base --strict for tools)', async () => {
    const [head, base] = [library(), library()];
    addWarning(head);
    expect((await runCli(['validate', '--root', head, '--base', base, '--strict'])).code).toBe(1);
    // …but a warning already on main trips nobody, not even under --strict.
    addWarning(base);
    expect((await runCli(['validate', '--root', head, '--base', base, '--strict'])).code).toBe(0);
  });

  it.each([
    [['personas/a/a-b.yaml', 'contributions/a-b/2026-11-20-x-goals.yaml'], 'data'],
    [['contributions/a-b/stale/2026-11-20-x-goals.yaml'], 'data'],
    [['personas/a/a-b.yaml', 'catalogue/a/a-b.md'], 'tools'],
    [['scripts/cli/main.ts'], 'tools'],
    [[], 'tools'],
  ])('CI scope of %j is %s', (changed, scope) => {
    expect(scopeOf(changed)).toBe(scope);
  });
});
