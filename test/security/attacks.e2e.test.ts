import { chmodSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MERGE_JOURNAL } from '../../scripts/apply/merge-journal.ts';
import { sha256 } from '../../scripts/core/sha256.ts';
import { toolStateFor } from '../../scripts/read/tool-state.ts';
import { webhookExamples } from '../helpers/fake-github.ts';
import { runCli, testBundle, testStateDir } from '../helpers/run-cli.ts';
import { commitAll, git, runApplyAction, ScratchRemote, writeIn } from '../helpers/scratch-repo.ts';
import { editStoredResults } from '../helpers/store-file.ts';

/**
 * The attacks of issue 13, each played as GitHub would: a pull request from a fork is checked by the real
 * validate action, a maintainer merges it (plain git merge), and the real apply action runs on main.
 */
const MONITOR = 'personas/sentry/sentry-error-monitor.yaml';
let r: ScratchRemote;
beforeAll(() => {
  r = new ScratchRemote(['personas', 'schemas', '.github', 'contributions']);
  // main ships a bundle, as the real repository does.
  const seed = r.clone('with-dist');
  writeIn(seed, 'dist/persona.mjs', '// the real bundle\n');
  commitAll(seed, 'dist');
  git(seed, ['push', '--quiet', 'origin', 'HEAD:main']);
});
afterAll(() => r.cleanup());

async function validateAction(
  head: string,
): Promise<{ code: number | null; rules: string[]; stdout: string }> {
  const temp = path.join(r.dir, `validate-${path.basename(head)}`);
  mkdirSync(temp, { recursive: true });
  const base = git(head, ['merge-base', 'HEAD', 'origin/main']).trim();
  git(head, ['worktree', 'add', '--quiet', '--detach', '.persona-base', base]);
  const event = structuredClone(
    webhookExamples()
      .find((e) => e.name === 'pull_request')
      ?.examples.find((e) => e.action === 'opened') as Record<string, unknown>,
  );
  const pr = event.pull_request as { head: { sha: string }; base: { sha: string; ref: string } };
  pr.head.sha = git(head, ['rev-parse', 'HEAD']).trim();
  pr.base.sha = base;
  pr.base.ref = 'main';
  writeFileSync(path.join(temp, 'event.json'), JSON.stringify(event));
  for (const file of ['summary.md', 'output.txt']) writeFileSync(path.join(temp, file), '');
  const result = await runCli([], {
    entry: testBundle('validate-action.mjs'),
    cwd: head,
    env: {
      GITHUB_WORKSPACE: head,
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: path.join(temp, 'event.json'),
      GITHUB_STEP_SUMMARY: path.join(temp, 'summary.md'),
      GITHUB_OUTPUT: path.join(temp, 'output.txt'),
      RUNNER_TEMP: temp,
      PERSONA_BASE_ROOT: '.persona-base',
      PERSONA_REPORT_PATH: path.join(temp, 'report.json'),
    },
    timeoutMs: 60_000,
  });
  const report = JSON.parse(readFileSync(path.join(temp, 'report.json'), 'utf8'));
  return {
    code: result.code,
    stdout: result.stdout,
    rules: report.diagnostics.map((d: { file: string; rule: string }) => `${d.file} ${d.rule}`),
  };
}

describe('a committed merge journal and a hidden link into dist/ (the attack that took over the apply job)', () => {
  it('is reported by the pull-request check at both paths, and after the merge the apply job neither follows the journal nor writes through the link', async () => {
    // A pending contribution someone else is waiting on.
    await r.openPullRequest('honest', async (dir) => {
      const made = await runCli([
        'contribute',
        'sentry-error-monitor',
        'goals',
        '--confirm',
        '--item',
        '1',
        '--author',
        'amy',
        '--root',
        dir,
      ]);
      expect(made.code).toBe(0);
    });
    r.mergePullRequest('honest');
    const pending = r.files().filter((f) => f.startsWith('contributions/sentry-error-monitor/'));
    expect(pending).toHaveLength(1);
    const before = { persona: r.show(MONITOR), dist: r.show('dist/persona.mjs') };

    const { dir } = await r.openPullRequest('attack', (head) => {
      const forged = r.show(MONITOR)?.replace(/^title: .*$/m, 'title: Forged') ?? '';
      writeIn(
        head,
        'contributions/.merge-journal.json',
        JSON.stringify({
          version: 2,
          writes: [
            {
              file: MONITOR,
              before: sha256(before.persona ?? ''),
              after: sha256(forged),
              text: `${forged}community:\n  confirmations: 9999\n`,
            },
          ],
          removals: pending.map((file) => ({ file, sha256: sha256(r.show(file) ?? ''), persona: MONITOR })),
          moves: [],
        }),
      );
      symlinkSync('../dist', path.join(head, 'personas/.x'));
    });
    const checked = await validateAction(dir);
    expect(checked.code).toBe(1);
    expect(checked.rules).toEqual([
      'contributions/.merge-journal.json file/hidden',
      'personas/.x file/symlink',
    ]);

    // A maintainer merges it anyway; the apply job runs on main.
    r.mergePullRequest('attack');
    const runner = r.clone('runner-attack');
    // Had a payload got as far as planting a hook, the commit step would still not run it.
    writeIn(runner, '.git/hooks/pre-commit', `#!/bin/sh\ntouch '${path.join(runner, 'hook-ran')}'\n`);
    chmodSync(path.join(runner, '.git/hooks/pre-commit'), 0o755);
    const temp = path.join(r.dir, 'temp-attack');
    // With the tools' state where a real runner keeps it: in the checkout's .git, not PERSONA_STATE_DIR.
    // The accelerator on, whatever PERSONA_ACCEL says: its cache is one of the things this attack must not reach.
    const applied = await runApplyAction(runner, temp, { PERSONA_STATE_DIR: '', PERSONA_ACCEL: 'on' });
    const state = toolStateFor(runner, {});
    expect(state.dir.startsWith(path.join(runner, '.git', 'persona'))).toBe(true);
    expect(existsSync(path.join(state.dir, 'cache'))).toBe(true);
    expect(existsSync(path.join(state.dir, MERGE_JOURNAL))).toBe(false);
    // The forged journal is a hidden file the merge never reads: reported, and the job fails, but only after
    // the honest contribution was applied by its own validated content.
    expect(applied.code).toBe(1);
    const summary = readFileSync(path.join(temp, 'summary.md'), 'utf8');
    expect(summary).toMatch(/contributions\/\.merge-journal\.json[\s\S]*file\/hidden/);
    expect(summary).toMatch(/personas\/\.x[\s\S]*file\/symlink/);
    const persona = r.show(MONITOR) ?? '';
    expect(persona).not.toContain('Forged');
    expect(persona).not.toContain('9999');
    expect(persona).toMatch(/- amy\n/);
    expect(r.show('dist/persona.mjs')).toBe(before.dist);
    expect(r.files().filter((f) => f.startsWith('dist/'))).toEqual(['dist/persona.mjs']);
    expect(existsSync(path.join(runner, 'hook-ran'))).toBe(false);
    expect(
      r.files().filter((f) => !/^(personas|contributions|catalogue|schemas|dist|\.github)\//.test(f)),
    ).toEqual([]);
  });
});

describe('generated and cached state a commit can plant', () => {
  let clean: ScratchRemote;
  beforeAll(() => {
    clean = new ScratchRemote(['personas', 'schemas', '.github', 'contributions']);
  });
  afterAll(() => clean.cleanup());

  it('persona catalogue never writes the issue form, even when it is a link to a file outside the repository', async () => {
    const dir = clean.clone('form-link');
    const outside = path.join(r.dir, 'outside.txt');
    writeFileSync(outside, 'untouched\n');
    const form = path.join(dir, '.github/ISSUE_TEMPLATE/contribute.yml');
    git(dir, ['rm', '--quiet', '.github/ISSUE_TEMPLATE/contribute.yml']);
    symlinkSync(outside, form);
    const run = await runCli(['catalogue', '--root', dir]);
    expect(run.code, run.stderr).toBe(0);
    expect(readFileSync(outside, 'utf8')).toBe('untouched\n');
  });

  it('a force-added node_modules/.cache/persona/validate.json cannot hide a persona’s errors', async () => {
    const dir = clean.clone('planted-cache');
    const planted = path.join(dir, 'node_modules/.cache/persona/validate.json');
    writeFileSync(
      path.join(dir, MONITOR),
      readFileSync(path.join(dir, MONITOR), 'utf8').replace('category: technical', 'category: technicl'),
    );
    // The attacker's cache: made by the real tool for this very content, then stripped of its diagnostics.
    // The accelerator on, whatever PERSONA_ACCEL says: the store is what the attacker plants.
    const on = { env: { PERSONA_ACCEL: 'on' } };
    const made = await runCli(['validate', '--root', dir, '--cache-location', planted], on);
    expect(made.code).toBe(1);
    let stripped = 0;
    editStoredResults(planted, (id, value) => {
      const result = value as { diagnostics: unknown[] };
      if (!id.startsWith('persona\0') || result.diagnostics.length === 0) return value;
      stripped++;
      return { ...result, diagnostics: [] };
    });
    expect(stripped).toBe(1);
    git(dir, ['add', '--force', 'node_modules/.cache/persona/validate.json']);
    const validate = await runCli(['validate', '--root', dir, '--format', 'json'], on);
    expect(validate.code).toBe(1);
    expect(JSON.parse(validate.stdout).diagnostics.map((d: { rule: string }) => d.rule)).toContain(
      'schema/not-allowed',
    );
    const catalogue = await runCli(['catalogue', '--root', dir], on);
    expect(catalogue.code).toBe(1);
    expect(catalogue.stdout).toContain('schema/not-allowed');
    // The tools' own cache lives in the state folder, outside the working tree.
    expect(toolStateFor(dir, { PERSONA_STATE_DIR: testStateDir() }).dir.startsWith(dir)).toBe(false);
  });
});
