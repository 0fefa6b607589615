import {
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listFiles } from '../helpers/golden.ts';
import { runCli } from '../helpers/run-cli.ts';
import { scenario } from '../helpers/scenario.ts';
import { FIXTURE_AS_OF, FIXTURES, scratchCopy } from './catalogue-helpers.ts';

const SMALL = path.join(FIXTURES, 'small-library', 'input');
const EXPECTED = path.join(FIXTURES, 'small-library', 'expected');

const roots: string[] = [];
function library(): string {
  const root = scratchCopy(SMALL);
  roots.push(root);
  return root;
}
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

/** `file:line:col  error  message  [rule]` lines of a text report, as [file, rule]. */
function reported(stdout: string): Array<[string, string]> {
  return [...stdout.matchAll(/^(\S+):\d+:\d+ {2}\w+ {2}.*\[([a-z-]+\/[a-z-]+)\]$/gm)].map((m) => [
    m[1] ?? '',
    m[2] ?? '',
  ]);
}

describe('persona catalogue', () => {
  it('writes the catalogue the golden fixture expects, then --check passes', async () => {
    const root = library();
    const first = await runCli(['catalogue', '--root', root, '--as-of', FIXTURE_AS_OF]);
    expect(first.code).toBe(0);
    const catalogue = path.join(root, 'catalogue');
    expect(listFiles(catalogue)).toEqual(listFiles(EXPECTED));
    for (const file of listFiles(EXPECTED))
      expect(readFileSync(path.join(catalogue, file), 'utf8'), file).toBe(
        readFileSync(path.join(EXPECTED, file), 'utf8'),
      );

    const check = await runCli(['catalogue', '--root', root, '--check', '--as-of', FIXTURE_AS_OF]);
    expect(check.stdout).toMatch(/up to date/);
    expect(check.code).toBe(0);
    // Another as-of date marks other fields: only freshness.md and the pages whose marks change differ.
    const later = await runCli(['catalogue', '--root', root, '--check', '--as-of', '2027-12-01']);
    expect(later.code).toBe(1);
    expect(reported(later.stdout).map(([file]) => file)).toEqual([
      'catalogue/freshness.md',
      'catalogue/sentry/sentry-error-monitor.md',
    ]);
  });

  it.each([
    [['--as-of', '2026-02-30']],
    [['--as-of', 'yesterday']],
    [['--review-months', '0']],
    [['--review-months', '1.5']],
    [['--review-months', 'twelve']],
  ])('refuses %j with a usage error, writing nothing', async (flags) => {
    const root = library();
    const result = await runCli(['catalogue', '--root', root, ...flags]);
    expect(result.code).toBe(2);
    expect(existsSync(path.join(root, 'catalogue'))).toBe(false);
  });

  it('does not rewrite files whose content is unchanged', async () => {
    const root = library();
    await runCli(['catalogue', '--root', root]);
    const readme = path.join(root, 'catalogue', 'README.md');
    const past = new Date('2001-01-01T00:00:00Z');
    utimesSync(readme, past, past);
    const again = await runCli(['catalogue', '--root', root]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/0 files written, 0 files removed/);
    expect(statSync(readme).mtime.toISOString()).toBe(past.toISOString());
  });

  scenario(
    '--check lists stale, missing and extra files and exits 1; regenerating fixes all of them',
    async () => {
      const root = library();
      await runCli(['catalogue', '--root', root]);
      const catalogue = path.join(root, 'catalogue');
      // A persona renamed: its old page becomes extra, its new one missing, the pages listing it stale.
      const from = path.join(root, 'personas/pagerduty/pagerduty-on-call-engineer.yaml');
      const text = readFileSync(from, 'utf8').replace(
        'title: The PagerDuty On-Call Engineer',
        'title: The PagerDuty Responder',
      );
      writeFileSync(from, text);
      rmSync(path.join(catalogue, 'tags.md'));
      writeFileSync(
        path.join(catalogue, 'notes.md'),
        'Hand-written, not generated: never reported or removed.\n',
      );

      const check = await runCli(['catalogue', '--root', root, '--check']);
      expect(check.code).toBe(1);
      const problems = reported(check.stdout);
      expect(problems).toContainEqual(['catalogue/tags.md', 'catalogue/stale']);
      expect(problems).toContainEqual(['catalogue/README.md', 'catalogue/stale']);
      expect(problems).toContainEqual([
        'catalogue/pagerduty/pagerduty-on-call-engineer.md',
        'catalogue/stale',
      ]);
      expect(problems.map(([file]) => file)).not.toContain('catalogue/notes.md');

      // Rename a persona file and slug: the old page is extra.
      const renamed = path.join(root, 'personas/pagerduty/pagerduty-responder.yaml');
      renameSync(from, renamed);
      writeFileSync(
        renamed,
        readFileSync(renamed, 'utf8').replace(
          'slug: pagerduty-on-call-engineer',
          'slug: pagerduty-responder',
        ),
      );
      for (const file of [
        'personas/sentry/sentry-error-monitor.yaml',
        'personas/sentry/sentry-release-guardian.yaml',
      ]) {
        const full = path.join(root, file);
        writeFileSync(
          full,
          readFileSync(full, 'utf8').replaceAll(
            'persona: pagerduty-on-call-engineer',
            'persona: pagerduty-responder',
          ),
        );
      }
      const renameCheck = await runCli(['catalogue', '--root', root, '--check']);
      expect(renameCheck.code).toBe(1);
      expect(reported(renameCheck.stdout)).toContainEqual([
        'catalogue/pagerduty/pagerduty-on-call-engineer.md',
        'catalogue/extra',
      ]);
      expect(reported(renameCheck.stdout)).toContainEqual([
        'catalogue/pagerduty/pagerduty-responder.md',
        'catalogue/stale',
      ]);

      const regenerate = await runCli(['catalogue', '--root', root]);
      expect(regenerate.code).toBe(0);
      expect(regenerate.stdout).toContain('removed catalogue/pagerduty/pagerduty-on-call-engineer.md');
      expect(existsSync(path.join(catalogue, 'pagerduty/pagerduty-on-call-engineer.md'))).toBe(false);
      expect(existsSync(path.join(catalogue, 'pagerduty/pagerduty-responder.md'))).toBe(true);
      expect(existsSync(path.join(catalogue, 'notes.md'))).toBe(true);
      expect((await runCli(['catalogue', '--root', root, '--check'])).code).toBe(0);
    },
  );

  it('removes a product folder whose personas are all gone', async () => {
    const root = library();
    await runCli(['catalogue', '--root', root]);
    rmSync(path.join(root, 'personas/pagerduty'), { recursive: true });
    for (const file of [
      'personas/sentry/sentry-error-monitor.yaml',
      'personas/sentry/sentry-release-guardian.yaml',
    ]) {
      const full = path.join(root, file);
      writeFileSync(
        full,
        readFileSync(full, 'utf8').replace(/ {2}- persona: pagerduty-on-call-engineer\n(?: {4}.*\n){2}/, ''),
      );
    }
    const result = await runCli(['catalogue', '--root', root]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(existsSync(path.join(root, 'catalogue/pagerduty'))).toBe(false);
  });

  it('reports validation errors and writes nothing', async () => {
    const root = library();
    const file = path.join(root, 'personas/sentry/sentry-error-monitor.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('category: technical', 'category: wizardry'));
    const result = await runCli(['catalogue', '--root', root]);
    expect(result.code).toBe(1);
    expect(reported(result.stdout)).toEqual([
      ['personas/sentry/sentry-error-monitor.yaml', 'schema/not-allowed'],
    ]);
    // It checks personas only, and says so.
    expect(result.stdout).toMatch(/^✖ \d+ personas checked: 1 error, 0 warnings\.$/m);
    expect(existsSync(path.join(root, 'catalogue'))).toBe(false);
  });

  it('neither reads nor reports contributions, which the catalogue does not show', async () => {
    const root = library();
    const broken = path.join(root, 'contributions/sentry-error-monitor/2026-11-20-octocat-goals.yaml');
    mkdirSync(path.dirname(broken), { recursive: true });
    writeFileSync(broken, 'persona: [\n');
    const result = await runCli(['catalogue', '--root', root]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(listFiles(path.join(root, 'catalogue'))).toEqual(listFiles(EXPECTED));
    // `persona validate` still finds it.
    const validate = await runCli(['validate', '--root', root]);
    expect(validate.code).toBe(1);
    expect(reported(validate.stdout)).toContainEqual([
      'contributions/sentry-error-monitor/2026-11-20-octocat-goals.yaml',
      'yaml/syntax',
    ]);
  });

  it('--out writes elsewhere, with links back to the library', async () => {
    const root = library();
    const result = await runCli(['catalogue', '--root', root, '--out', path.join(root, 'docs/catalogue')]);
    expect(result.code).toBe(0);
    const page = readFileSync(path.join(root, 'docs/catalogue/sentry/sentry-error-monitor.md'), 'utf8');
    expect(page).toContain('](../../../personas/sentry/sentry-error-monitor.yaml)');
  });

  it.each([
    ['the library root', '.'],
    ['a folder above the root', '..'],
    ['the personas folder', 'personas'],
    ['inside contributions', 'contributions/x'],
  ])('refuses --out pointing at %s (exit 2)', async (_what, out) => {
    const root = library();
    const result = await runCli(['catalogue', '--root', root, '--out', out], { cwd: root });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--out/);
    expect(listFiles(path.join(root, 'personas')).length).toBe(3);
  });

  it('refuses to write through a symbolic link inside the catalogue folder', async () => {
    const root = library();
    await runCli(['catalogue', '--root', root]);
    const outside = scratchCopy(SMALL);
    roots.push(outside);
    rmSync(path.join(root, 'catalogue/sentry'), { recursive: true });
    symlinkSync(path.join(outside, 'personas'), path.join(root, 'catalogue/sentry'));
    const result = await runCli(['catalogue', '--root', root]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/symbolic link/);
    expect(listFiles(path.join(outside, 'personas')).every((file) => file.endsWith('.yaml'))).toBe(true);
  });
});
