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

describe('lint/duplicate-persona at pull-request time', () => {
  const copyOf = (root: string, slug: string) => {
    const text = readFileSync(path.join(root, PERSONA), 'utf8')
      .replace('slug: sentry-error-monitor', `slug: ${slug}`)
      .replace(/^id: APP-\d+/m, 'id: APP-150')
      .replace(/^title: .*/m, 'title: "The Sentry Error Watcher"')
      // No links: the personas linked would not link back, and that is another rule's warning.
      .replace(/^composability:\n(?: {2}.*\n)*/m, 'composability: []\n');
    writeFileSync(path.join(root, `personas/sentry/${slug}.yaml`), text);
  };

  it('a near-duplicate the pull request adds is a new warning on both personas, naming each other', async () => {
    const { head, base } = checkouts();
    copyOf(head, 'sentry-error-watcher');
    const run = await runCli(['validate', '--root', head, '--base', base, '--format', 'json']);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    const duplicates = report.diagnostics.filter(
      (d: { rule: string }) => d.rule === 'lint/duplicate-persona',
    );
    expect(duplicates.map((d: { file: string; introduced: boolean }) => [d.file, d.introduced])).toEqual([
      ['personas/sentry/sentry-error-monitor.yaml', true],
      ['personas/sentry/sentry-error-watcher.yaml', true],
    ]);
    expect(duplicates[0].message).toContain('`personas/sentry/sentry-error-watcher.yaml`');
    // Under --strict (CI on a tools change) it counts, as any introduced warning does.
    expect((await runCli(['validate', '--root', head, '--base', base, '--strict'])).code).toBe(1);
  });

  it('one already on the base branch is not new', async () => {
    const { head, base } = checkouts();
    for (const root of [head, base]) copyOf(root, 'sentry-error-watcher');
    const run = await runCli(['validate', '--root', head, '--base', base, '--strict', '--format', 'json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).summary).toMatchObject({ warnings: 2, introducedWarnings: 0 });
  });
});
