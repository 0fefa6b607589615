import { chmodSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { credits, landContribution, MONITOR, useScratchRemotes } from '../helpers/apply-e2e.ts';
import { FAKE_TOKEN } from '../helpers/fake-github.ts';
import { personaText } from '../helpers/persona-text.ts';
import { runCli } from '../helpers/run-cli.ts';
import { commitAll, git, readIn, runApplyAction, writeIn } from '../helpers/scratch-repo.ts';

const { remote, github: fakeGitHub } = useScratchRemotes();

// Scenarios around the apply run: several merges, a main that moves under the run, a persona with errors. Many
// git operations each, so they run in the slow project (.ci/run runs it too). The single-merge contract of the
// apply action, and its guards, are in test/bot/.
describe('apply action (dist/apply-action.mjs): merges, races and problems on one remote', () => {
  it('parks a stale correction, tells its author on the pull request that merged it, and passes', async () => {
    const r = remote();
    const github = await fakeGitHub();
    // Two corrections of the same goal, written from the same main, merged one after the other.
    const item = ['sentry-error-monitor', 'goals', '--item', '1'];
    const correct = (text: string, login: string) => async (dir: string) => {
      const made = await runCli([
        'contribute',
        ...item,
        '--correct',
        text,
        '--author',
        login,
        '--rationale',
        'Because.',
        '--root',
        dir,
      ]);
      expect(made.code, made.stderr).toBe(0);
    };
    await r.openPullRequest('amy', correct('First wording.', 'amy'));
    await r.openPullRequest('bob', correct('Second wording.', 'bob'));
    r.mergePullRequest('amy');
    const mergeCommit = r.mergePullRequest('bob');
    github.addPull({ number: 2, headSha: git(r.origin, ['rev-parse', 'pr/bob']).trim(), state: 'closed' });
    github.route('GET', '/repos/{owner}/{repo}/commits/{commit_sha}/pulls', (req) => ({
      status: 200,
      body:
        req.params.commit_sha === mergeCommit
          ? [
              {
                ...(github.pulls[0] as { user: object }),
                user: { ...(github.pulls[0] as { user: object }).user, login: 'bob' },
                merged_at: '2026-11-21T10:00:00Z',
              },
            ]
          : [],
    }));
    const runner = r.clone();
    const result = await runApplyAction(runner, path.join(r.dir, 'temp'), {
      GITHUB_TOKEN: FAKE_TOKEN,
      GITHUB_API_URL: github.url,
      GITHUB_SHA: mergeCommit,
      PERSONA_GITHUB_RETRY_BASE_MS: '1',
    });
    expect(result.code, result.stdout).toBe(0);
    const parked = r.files().filter((f) => f.includes('/stale/'));
    expect(parked).toEqual([
      expect.stringMatching(/^contributions\/sentry-error-monitor\/stale\/.*-bob-goals-item-1\.yaml$/),
    ]);
    expect(r.show(MONITOR)).toContain('First wording.');
    const [comment] = github.commentsOn(2);
    expect(comment?.body, result.stdout).toContain('@bob');
    expect(comment?.body).toContain('First wording.');
    expect(comment?.body).toContain('Second wording.');
    expect(comment?.body).toContain(`git rm '${parked[0]}'`);
    expect(comment?.body).toContain(
      "npx persona contribute sentry-error-monitor goals --item 1 --correct='Second wording.' --author=bob",
    );
  });

  it('gives a persona that arrived with a taken id the next free one; the one there first keeps it', async () => {
    const r = remote();
    const idOf = (text: string | null) => /^id: (\S+)$/m.exec(text ?? '')?.[1];
    // Two pull requests from the same main each scaffold a persona with the next free id.
    const scaffold = (title: string) => async (dir: string) => {
      const made = await runCli([
        'new',
        '--product',
        'acme',
        '--title',
        title,
        '--category',
        'technical',
        '--root',
        dir,
      ]);
      expect(made.code, made.stderr).toBe(0);
    };
    const alpha = await r.openPullRequest('alpha', scaffold('The Acme Alpha'));
    const beta = await r.openPullRequest('beta', scaffold('The Acme Beta'));
    expect(idOf(readIn(alpha.dir, 'personas/acme/acme-alpha.yaml'))).toBe(
      idOf(readIn(beta.dir, 'personas/acme/acme-beta.yaml')),
    );
    r.mergePullRequest('alpha');
    r.mergePullRequest('beta');
    const taken = idOf(r.show('personas/acme/acme-alpha.yaml'));
    const result = await runApplyAction(r.clone(), path.join(r.dir, 'temp'));
    expect(result.code, result.stdout).toBe(0);
    expect(idOf(r.show('personas/acme/acme-alpha.yaml'))).toBe(taken);
    const renumbered = idOf(r.show('personas/acme/acme-beta.yaml'));
    expect(renumbered).not.toBe(taken);
    expect(Number(renumbered?.slice(4))).toBe(Number(taken?.slice(4)) + 1);
    // Only the id line changed in the renumbered file.
    const diff = git(r.origin, ['diff', 'main~1', 'main', '--', 'personas/acme/acme-beta.yaml']);
    expect(diff.split('\n').filter((l) => /^[-+][^-+]/.test(l))).toEqual([
      `-id: ${taken}`,
      `+id: ${renumbered}`,
    ]);
  });

  it('two apply runs racing on one remote, with a merge landing between fetch and push: every result lands', async () => {
    const r = remote();
    await landContribution(r, ['sentry-error-monitor', 'aha_moment', '--confirm', '--author', 'hubot']);
    await landContribution(r, [
      'sentry-release-guardian',
      'goals',
      '--confirm',
      '--item',
      '1',
      '--author',
      'amy',
    ]);
    // A third pull request is merged while the runs work: origin's pre-receive hook (GitHub's side, not the
    // runner's) moves main to that merge on the first push it sees (outside git's object quarantine, which
    // forbids ref updates from the hook itself), so that push is rejected as behind.
    await r.openPullRequest('late', async (dir) => {
      const made = await runCli([
        'contribute',
        'pagerduty-on-call-engineer',
        'goals',
        '--confirm',
        '--item',
        '1',
        '--author',
        'zed',
        '--root',
        dir,
      ]);
      expect(made.code, made.stderr).toBe(0);
    });
    const maintainer = r.clone('late-maintainer');
    git(maintainer, ['fetch', '--quiet', 'origin']);
    git(maintainer, ['merge', '--quiet', '--no-ff', '--no-edit', 'origin/pr/late']);
    git(maintainer, ['push', '--quiet', 'origin', 'HEAD:refs/pending/late-merge']);
    const moved = path.join(r.dir, 'moved');
    writeIn(
      r.origin,
      'hooks/pre-receive',
      `#!/bin/sh\nif [ ! -e '${moved}' ]; then touch '${moved}'; env -u GIT_QUARANTINE_PATH git update-ref refs/heads/main refs/pending/late-merge; fi\nexit 0\n`,
    );
    chmodSync(path.join(r.origin, 'hooks/pre-receive'), 0o755);
    const [resultA, resultB] = await Promise.all([
      runApplyAction(r.clone(), path.join(r.dir, 'temp-a')),
      runApplyAction(r.clone(), path.join(r.dir, 'temp-b')),
    ]);
    expect([resultA.code, resultB.code], resultA.stdout + resultB.stdout).toEqual([0, 0]);
    expect(existsSync(moved)).toBe(true);
    expect(resultA.stdout + resultB.stdout).toMatch(
      /Push rejected: the branch moved meanwhile; fetching the new head/,
    );
    for (const [file, login] of [
      [MONITOR, 'hubot'],
      ['personas/sentry/sentry-release-guardian.yaml', 'amy'],
      ['personas/pagerduty/pagerduty-on-call-engineer.yaml', 'zed'],
    ] as const)
      expect(credits(r.show(file), login), `${file} credits ${login}`).toBe(true);
    expect(r.files().filter((f) => f.startsWith('contributions/') && f.endsWith('.yaml'))).toEqual([]);
    // The late merge is in main's history: nothing was pushed over it.
    expect(git(r.origin, ['log', '--format=%s', 'main'])).toContain(
      "Merge remote-tracking branch 'origin/pr/late'",
    );
  });

  it('works on the latest head, not the commit it was started for', async () => {
    const r = remote();
    const runner = r.clone();
    // Main moves after the runner's checkout: the run must apply what is on main now.
    await landContribution(r, ['sentry-error-monitor', 'aha_moment', '--confirm', '--author', 'hubot']);
    const result = await runApplyAction(runner, path.join(r.dir, 'temp'));
    expect(result.code, result.stdout).toBe(0);
    expect(credits(r.show(MONITOR), 'hubot')).toBe(true);
  });

  it('with a persona that has errors, renders every other one, and fails with the problem in the summary', async () => {
    const r = remote();
    const setup = r.clone();
    writeIn(
      setup,
      'personas/acme/acme-broken.yaml',
      personaText('acme-broken', { id: 'APP-900', links: ['nobody-here'] }),
    );
    commitAll(setup, 'A persona linking to one renamed elsewhere');
    git(setup, ['push', '--quiet', 'origin', 'HEAD:main']);
    const temp = path.join(r.dir, 'temp');
    const result = await runApplyAction(r.clone(), temp);
    expect(result.code).toBe(1);
    expect(r.files()).toContain('catalogue/sentry/sentry-error-monitor.md');
    expect(r.files()).not.toContain('catalogue/acme/acme-broken.md');
    expect(readFileSync(path.join(temp, 'summary.md'), 'utf8')).toMatch(
      /left for a follow-up[\s\S]*link\/unknown-persona/,
    );
  });
});
