import { cpSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  contribution,
  FIXTURE_LIBRARY,
  MONITOR,
  snapshot,
  writeFiles,
} from '../contributions/contribution-helpers.ts';
import { expectGoldenFiles, expectGoldenText } from '../helpers/golden.ts';
import { REPO_ROOT, runCli, scratchLibrary } from '../helpers/run-cli.ts';
import { scenario } from '../helpers/scenario.ts';

const GOLDEN = path.join(REPO_ROOT, 'test/fixtures/contributions/merge');
let cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups) cleanup();
  cleanups = [];
});

/** The fixture library with the golden input's pending contributions: 5 valid, 1 stale, 1 invalid. */
function goldenLibrary(): string {
  const { root, cleanup } = scratchLibrary(FIXTURE_LIBRARY);
  cleanups.push(cleanup);
  cpSync(path.join(GOLDEN, 'input'), root, { recursive: true });
  return root;
}

describe('persona merge', () => {
  it('--dry-run --format json follows the contract and changes nothing', async () => {
    const root = goldenLibrary();
    const before = snapshot(root);
    const result = await runCli(['merge', '--dry-run', '--format', 'json', '--root', root]);
    expect(result.code).toBe(1);
    expect(snapshot(root)).toEqual(before);
    const report = JSON.parse(result.stdout);
    expect(Object.keys(report)).toEqual(['version', 'summary', 'applied', 'conflicts', 'personas']);
    expect(report.summary).toEqual({ applied: 4, conflicts: 2, personasChanged: 2 });
    for (const applied of report.applied)
      expect(Object.keys(applied)).toEqual([
        'file',
        'persona',
        'personaFile',
        'field',
        'action',
        'item',
        'author',
      ]);
    for (const conflict of report.conflicts)
      expect(Object.keys(conflict).sort()).toEqual(
        [
          'column',
          'endColumn',
          'endLine',
          'file',
          'hint',
          'line',
          'message',
          'rule',
          'severity',
          'url',
        ].sort(),
      );
    for (const persona of report.personas) {
      expect(Object.keys(persona)).toEqual(['file', 'slug', 'title', 'changes', 'diff']);
      for (const change of persona.changes)
        expect(Object.keys(change)).toEqual(['field', 'item', 'action', 'before', 'after']);
    }
    const sorted = (files: string[]) => [...files].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (const list of [report.applied, report.conflicts, report.personas]) {
      const files = list.map((entry: { file: string }) => entry.file);
      expect(files).toEqual(sorted(files));
    }
    expectGoldenText(path.join(GOLDEN, 'expected/dry-run.json'), result.stdout);
  });

  it('--dry-run prints a unified diff per persona and a summary', async () => {
    const root = goldenLibrary();
    const result = await runCli(['merge', '--dry-run', '--root', root]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`--- a/${MONITOR}\n+++ b/${MONITOR}\n@@ `);
    expectGoldenText(path.join(GOLDEN, 'expected/dry-run.txt'), result.stdout);
  });

  scenario(
    'applies, removes what it applied, leaves the stale and invalid files, exits 1; a re-run is a no-op',
    async () => {
      const root = goldenLibrary();
      const first = await runCli(['merge', '--root', root]);
      expect(first.code).toBe(1);
      expect(first.stdout).toMatch(/✖ 4 contributions applied to 2 personas; 2 contributions left in place/);
      const after = snapshot(root);
      expectGoldenFiles(
        path.join(GOLDEN, 'expected/after'),
        Object.fromEntries(Object.entries(after).filter(([file]) => !file.endsWith('/'))),
      );
      const second = await runCli(['merge', '--root', root, '--format', 'json']);
      expect(second.code).toBe(1);
      expect(JSON.parse(second.stdout).summary).toEqual({ applied: 0, conflicts: 2, personasChanged: 0 });
      expect(snapshot(root)).toEqual(after);
      const validate = await runCli(['validate', '--root', root, '--format', 'json']);
      expect(
        JSON.parse(validate.stdout)
          .diagnostics.map((d: { rule: string }) => d.rule)
          .sort(),
      ).toEqual(['contribution/stale-original', 'contribution/unexpected-key']);
    },
  );

  it('exits 0 when everything was applied, and again when nothing is pending', async () => {
    const { root, cleanup } = scratchLibrary(FIXTURE_LIBRARY);
    cleanups.push(cleanup);
    writeFiles(root, {
      'contributions/sentry-error-monitor/2026-11-20-octocat-goals.yaml': contribution(
        'persona: sentry-error-monitor',
        'field: goals',
        'action: confirm',
        'author: octocat',
      ),
    });
    const first = await runCli(['merge', '--root', root, '--date', '2026-11-30']);
    expect([first.code, first.stderr]).toEqual([0, '']);
    expect(readFileSync(path.join(root, MONITOR), 'utf8')).toContain('  last_reviewed: 2026-11-30\n');
    const second = await runCli(['merge', '--root', root]);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('nothing to merge');
  });

  it.each([
    [['merge', '--date', '2026-02-30'], /--date must be a real date/],
    [['merge', '--format', 'yaml'], /--format must be one of text, json/],
    [['merge', '--dryrun'], /Did you mean `--dry-run`\?/],
  ])('exits 2 on bad usage: %j', async (args, message) => {
    const result = await runCli([...args, '--root', FIXTURE_LIBRARY]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });
});
