import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APPLY_PROBLEMS_MARKER } from '../../scripts/render/bot/apply-comments.ts';
import { useScratchRemotes } from '../helpers/apply-e2e.ts';
import { FAKE_TOKEN } from '../helpers/fake-github.ts';
import { personaText } from '../helpers/persona-text.ts';
import { runApplyAction, writeIn } from '../helpers/scratch-repo.ts';

const { remote, github: fakeGitHub } = useScratchRemotes();

describe('apply action: problems a merge left are reported on the pull request that brought them', () => {
  it('finds the merge that introduced a broken link among the merges since the last apply, and comments there only', async () => {
    const r = remote();
    const github = await fakeGitHub();
    // The broken link lands first; a harmless persona is merged after it, so the newest merge is not the culprit.
    const broken = await r.openPullRequest('broken', (dir) =>
      writeIn(
        dir,
        'personas/acme/acme-broken.yaml',
        personaText('acme-broken', { id: 'APP-900', links: ['nobody-here'] }),
      ),
    );
    const fine = await r.openPullRequest('fine', (dir) =>
      writeIn(dir, 'personas/acme/acme-fine.yaml', personaText('acme-fine', { id: 'APP-901' })),
    );
    const brokenMerge = r.mergePullRequest('broken');
    const fineMerge = r.mergePullRequest('fine');
    github.addPull({ number: 11, headSha: broken.head, state: 'closed' });
    github.addPull({ number: 12, headSha: fine.head, state: 'closed' });
    const pullOf = new Map([
      [brokenMerge, github.pulls[0]],
      [fineMerge, github.pulls[1]],
    ]);
    github.route('GET', '/repos/{owner}/{repo}/commits/{commit_sha}/pulls', (req) => {
      const pull = pullOf.get(String(req.params.commit_sha));
      return { status: 200, body: pull ? [{ ...pull, merged_at: '2026-11-21T10:00:00Z' }] : [] };
    });

    const result = await runApplyAction(r.clone(), path.join(r.dir, 'temp'), {
      GITHUB_TOKEN: FAKE_TOKEN,
      GITHUB_API_URL: github.url,
      GITHUB_SHA: fineMerge,
      PERSONA_GITHUB_RETRY_BASE_MS: '1',
    });

    expect(result.code, result.stdout).toBe(1);
    const [comment, ...more] = github.commentsOn(11);
    expect(more).toEqual([]);
    expect(comment?.body.startsWith(APPLY_PROBLEMS_MARKER)).toBe(true);
    expect(comment?.body).toContain('link/unknown-persona');
    expect(github.commentsOn(12)).toEqual([]);
  });
});
