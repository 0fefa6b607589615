import { chmodSync, existsSync, mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { credits, landContribution, MONITOR, useScratchRemotes } from '../helpers/apply-e2e.ts';
import { commitAll, git, outputsOf, readIn, runApplyAction, writeIn } from '../helpers/scratch-repo.ts';

const HOSTILE_GOAL = 'fixes #12 for @octocat, see https://evil.example/issues/3';
const { remote } = useScratchRemotes();

describe('apply action (dist/apply-action.mjs) against a real remote', () => {
  it('merges, regenerates the catalogue, commits as the bot and pushes; the message copies no contribution text', async () => {
    const r = remote();
    // The pull request's merge commit: late on the 21st in New York is the 22nd in UTC.
    await landContribution(
      r,
      [
        'sentry-error-monitor',
        'goals',
        '--extend',
        HOSTILE_GOAL,
        '--author',
        'octocat',
        '--date',
        '2026-11-20',
      ],
      '2026-11-21T23:30:00-05:00',
    );
    const runner = r.clone();
    const temp = path.join(r.dir, 'temp-1');
    const result = await runApplyAction(runner, temp);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    // Reviewed on the day the merge commit was made (UTC), not on the file name's date or the wall clock.
    expect(r.show(MONITOR)).toMatch(/goals:\n(?:.*\n)*?\s+last_reviewed: 2026-11-22\n/);
    expect(r.files().filter((f) => f.startsWith('contributions/sentry-error-monitor/'))).toEqual([]);
    expect(r.files()).toContain('catalogue/sentry/sentry-error-monitor.md');
    expect(outputsOf(temp)).toMatchObject({
      changed: 'true',
      applied: '1',
      conflicts: '0',
      pushed: r.head(),
    });
    const message = git(r.origin, ['log', '-1', '--format=%B', 'main']);
    expect(message.split('\n')[0]).toBe('Apply 1 community contribution');
    expect(message).not.toMatch(/#|@|https?:|evil/);
    expect(git(r.origin, ['log', '-1', '--format=%an <%ae>', 'main']).trim()).toBe(
      'github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com>',
    );
    // A second run finds nothing to do and pushes nothing.
    const again = await runApplyAction(r.clone(), path.join(r.dir, 'temp-2'));
    expect(again.code, again.stdout).toBe(0);
    expect(outputsOf(path.join(r.dir, 'temp-2'))).toMatchObject({ changed: 'false', pushed: '' });
  });

  it('never runs a git hook: a hook planted in the runner’s checkout stays silent', async () => {
    const r = remote();
    await landContribution(r, ['sentry-error-monitor', 'aha_moment', '--confirm', '--author', 'hubot']);
    const runner = r.clone();
    const marker = path.join(r.dir, 'hook-ran');
    for (const hook of [
      'pre-commit',
      'commit-msg',
      'post-commit',
      'pre-push',
      'post-checkout',
      'reference-transaction',
    ]) {
      writeIn(runner, `.git/hooks/${hook}`, `#!/bin/sh\ntouch '${marker}'\n`);
      chmodSync(path.join(runner, `.git/hooks/${hook}`), 0o755);
    }
    // Even a hooks path set in the checkout's config is overridden.
    git(runner, ['config', 'core.hooksPath', '.git/hooks']);
    const result = await runApplyAction(runner, path.join(r.dir, 'temp'));
    expect(result.code, result.stdout).toBe(0);
    expect(credits(r.show(MONITOR), 'hubot')).toBe(true);
    expect(existsSync(marker)).toBe(false);
  });

  it('refuses to commit when anything outside personas/, contributions/ and catalogue/ changed', async () => {
    const r = remote();
    await landContribution(r, ['sentry-error-monitor', 'aha_moment', '--confirm', '--author', 'hubot']);
    const runner = r.clone();
    writeIn(runner, 'dist/planted.mjs', 'console.log("pwned")\n');
    const before = r.head();
    const result = await runApplyAction(runner, path.join(r.dir, 'temp'));
    expect(result.code).not.toBe(0);
    expect(result.stdout).toMatch(/refusing to commit: the run changed dist\/planted\.mjs/);
    expect(r.head()).toBe(before);
  });

  it('stops at a catalogue/ that is a link (into dist/), writing nothing through it and pushing nothing', async () => {
    const r = remote();
    const setup = r.clone();
    mkdirSync(path.join(setup, 'dist'));
    writeIn(setup, 'dist/persona.mjs', 'original\n');
    symlinkSync('dist', path.join(setup, 'catalogue'));
    commitAll(setup, 'A link where the catalogue goes');
    git(setup, ['push', '--quiet', 'origin', 'HEAD:main']);
    await landContribution(r, ['sentry-error-monitor', 'aha_moment', '--confirm', '--author', 'hubot']);
    const before = r.head();
    const runner = r.clone();
    const result = await runApplyAction(runner, path.join(r.dir, 'temp'));
    expect(result.code).not.toBe(0);
    expect(readIn(runner, 'dist/persona.mjs')).toBe('original\n');
    expect(r.head()).toBe(before);
  });
});
