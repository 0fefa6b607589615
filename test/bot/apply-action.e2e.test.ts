import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli, testBundle } from '../helpers/run-cli.ts';

const HOSTILE_GOAL = 'fixes #12 for @octocat, see https://evil.example/issues/3';

/** A clone of the default branch just after a contribution pull request was merged. */
function mergedRepository(): { dir: string; temp: string; run: () => ReturnType<typeof runCli> } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'persona-apply-'));
  const temp = path.join(dir, '.runner-temp');
  for (const folder of ['personas', 'schemas'])
    cpSync(path.join(REPO_ROOT, folder), path.join(dir, folder), { recursive: true });
  mkdirSync(temp);
  writeFileSync(path.join(dir, '.gitignore'), '.runner-temp/\n');
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: dir });
  git('init', '--quiet');
  git('add', '--all');
  git('commit', '--quiet', '--message', 'library');
  const outputs = path.join(temp, 'output.txt');
  const summary = path.join(temp, 'summary.md');
  writeFileSync(outputs, '');
  writeFileSync(summary, '');
  return {
    dir,
    temp,
    run: () =>
      runCli([], {
        entry: testBundle('apply-action.mjs'),
        cwd: dir,
        env: {
          GITHUB_WORKSPACE: dir,
          RUNNER_TEMP: temp,
          GITHUB_OUTPUT: outputs,
          GITHUB_STEP_SUMMARY: summary,
          GITHUB_REPOSITORY: 'persona-library/persona-library',
          GITHUB_SHA: 'a'.repeat(40),
        },
        timeoutMs: 60_000,
      }),
  };
}

const outputsOf = (temp: string) =>
  Object.fromEntries(
    [...readFileSync(path.join(temp, 'output.txt'), 'utf8').matchAll(/^(\w+)<<(\S+)\n([\s\S]*?)\n\2$/gm)].map(
      (m) => [m[1], m[3]],
    ),
  );

let dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs = [];
});

describe('apply action (dist/apply-action.mjs)', () => {
  it('merges, writes the catalogue, and prepares a commit message that copies no contribution text', async () => {
    const repo = mergedRepository();
    dirs.push(repo.dir);
    const made = await runCli(
      [
        'contribute',
        'sentry-error-monitor',
        'goals',
        '--extend',
        HOSTILE_GOAL,
        '--author',
        'octocat',
        '--date',
        '2026-11-20',
        '--root',
        repo.dir,
      ],
      { cwd: repo.dir },
    );
    expect(made.code, made.stderr).toBe(0);
    // The pull request's merge commit: late on the 21st in New York is the 22nd in UTC.
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', 'add', '--all'], {
      cwd: repo.dir,
    });
    execFileSync(
      'git',
      ['-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '--quiet', '-m', 'Merge'],
      {
        cwd: repo.dir,
        env: { ...process.env, GIT_COMMITTER_DATE: '2026-11-21T23:30:00-05:00' },
      },
    );

    const result = await repo.run();
    expect(result.code, result.stdout + result.stderr).toBe(0);
    // Reviewed on the day the merge commit was made (UTC), not on the file name's date or the wall clock.
    const persona = readFileSync(path.join(repo.dir, 'personas/sentry/sentry-error-monitor.yaml'), 'utf8');
    expect(persona).toMatch(/goals:\n(?:.*\n)*?\s+last_reviewed: 2026-11-22\n/);
    expect(outputsOf(repo.temp)).toMatchObject({ changed: 'true', applied: '1', conflicts: '0' });
    const message = readFileSync(path.join(repo.temp, 'persona-commit-message.txt'), 'utf8');
    expect(message.split('\n')[0]).toBe('Apply 1 community contribution');
    expect(message).toContain(
      '- contributions/sentry-error-monitor/2026-11-20-octocat-goals.yaml: extend goals, by octocat',
    );
    expect(message).not.toMatch(/#|@|https?:|evil/);
    const status = execFileSync('git', ['status', '--porcelain'], { cwd: repo.dir, encoding: 'utf8' });
    expect(status).toContain(' M personas/sentry/sentry-error-monitor.yaml');
    expect(status).toContain(' D contributions/sentry-error-monitor/2026-11-20-octocat-goals.yaml');
    expect(status).toContain('?? catalogue/');
  });

  it('reports conflicts in the job summary and fails, keeping the stale contribution', async () => {
    const repo = mergedRepository();
    dirs.push(repo.dir);
    const stale = path.join(repo.dir, 'contributions/sentry-error-monitor/2026-11-21-mallory-goals.yaml');
    mkdirSync(path.dirname(stale), { recursive: true });
    writeFileSync(
      stale,
      [
        '# yaml-language-server: $schema=../../schemas/contribution.schema.json',
        'persona: sentry-error-monitor',
        'field: goals',
        'action: correct',
        'item: 1',
        'value: "A corrected goal."',
        'original: "Text that is not in the persona."',
        'author: mallory',
        'rationale: "It changed."',
        '',
      ].join('\n'),
    );
    const result = await repo.run();
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^::error::1 contribution could not be applied/m);
    expect(outputsOf(repo.temp)).toMatchObject({ applied: '0', conflicts: '1' });
    expect(readFileSync(path.join(repo.temp, 'summary.md'), 'utf8')).toMatch(
      /1 conflict: left in place[\s\S]*\| /,
    );
    expect(readFileSync(stale, 'utf8')).toContain('mallory');
  });
});
