import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli, scratchLibrary } from '../helpers/run-cli.ts';

const PERSONA = 'personas/sentry/sentry-error-monitor.yaml';
const OTHER = 'personas/stripe/stripe-billing-engineer.yaml';

let cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups) cleanup();
  cleanups = [];
});

/** A head and a base checkout of the shipped library. */
function checkouts(): { head: string; base: string } {
  const roots = [scratchLibrary(), scratchLibrary()].map((lib) => {
    cleanups.push(lib.cleanup);
    for (const folder of ['personas', 'schemas'])
      cpSync(path.join(REPO_ROOT, folder), path.join(lib.root, folder), { recursive: true });
    return lib.root;
  });
  return { head: roots[0] as string, base: roots[1] as string };
}

const edit = (root: string, file: string, change: (text: string) => string) =>
  writeFileSync(path.join(root, file), change(readFileSync(path.join(root, file), 'utf8')));
const breakCategory = (text: string) => text.replace('category: technical', 'category: technicl');

describe('persona validate --base <dir>: judged as the pull-request check judges', () => {
  it('exits 0 when every error is already on the base, and says so', async () => {
    const { head, base } = checkouts();
    for (const root of [head, base]) edit(root, OTHER, breakCategory);
    const run = await runCli(['validate', '--root', head, '--base', base]);
    expect(run.code, run.stdout).toBe(0);
    expect(run.stdout).toContain('note: already on the base branch');
    expect(run.stdout).toMatch(/1 error \(0 new\)/);
    // Without --base the same library fails: the two modes differ only in what counts.
    expect((await runCli(['validate', '--root', head])).code).toBe(1);
  });

  it('exits 1 on an error the head introduces, and marks each diagnostic in JSON', async () => {
    const { head, base } = checkouts();
    for (const root of [head, base]) edit(root, OTHER, breakCategory);
    edit(head, PERSONA, (t) => `${t}goalz: oops\n`);
    const run = await runCli(['validate', '--root', head, '--base', base, '--format', 'json']);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.summary).toMatchObject({ errors: 2, introducedErrors: 1, introducedWarnings: 0 });
    expect(
      report.diagnostics.map((d: { rule: string; introduced: boolean }) => [d.rule, d.introduced]),
    ).toEqual([
      ['schema/unknown-key', true],
      ['schema/not-allowed', false],
    ]);
  });
});
