import { describe, expect, it } from 'vitest';
import {
  API,
  bodyOf,
  COMMENT,
  COMMENTS,
  calls,
  EXTEND_FILE,
  github,
  intake,
  PULL,
  PULLS,
  repo,
  useIntakeRuns,
  WRITES,
} from '../intake/intake-e2e-setup.ts';
import { body } from '../intake/intake-helpers.ts';

useIntakeRuns();

// Runs of `persona intake` over several edits of one issue (each edit a run): in the slow project, which .ci/run
// also runs. One run per issue state is in test/intake/intake.e2e.test.ts.
describe('persona intake: edits of an issue', () => {
  it('keeps one pull request across edits: same branch, force-updated onto the current main', async () => {
    expect((await intake({ body: body('valid-extend') })).code).toBe(0);
    const firstHead = repo.refs.get('heads/contribution/issue-12');
    const newMain = repo.advanceMain('personas/other.yaml', 'merged meanwhile');
    const before = github.requests.length;

    const edited = await intake({ action: 'edited', body: body('edited-extend') });
    expect(edited.code, edited.stderr).toBe(0);
    expect(calls(before)).toEqual([
      'GET /pulls?head=persona-library%3Acontribution%2Fissue-12&state=all&per_page=100',
      'GET /git/ref/heads/main',
      `GET /git/commits/${newMain}`,
      'POST /git/trees',
      'GET /git/ref/heads/contribution/issue-12',
      `GET /git/commits/${firstHead}`,
      'POST /git/commits',
      'PATCH /git/refs/heads/contribution/issue-12',
      'PATCH /pulls/100',
      'GET /issues/12/comments',
    ]);
    expect(bodyOf('POST', /\/git\/commits$/, 1).parents).toEqual([newMain]);
    expect(bodyOf('PATCH', /\/git\/refs\//)).toEqual({
      sha: repo.refs.get('heads/contribution/issue-12'),
      force: true,
    });
    expect(repo.filesOf('contribution/issue-12')[EXTEND_FILE]).toContain('several times a night.');
    expect(Object.keys(repo.filesOf('contribution/issue-12'))).toContain('personas/other.yaml');
    expect(github.count('POST', PULLS)).toBe(1);
    expect(github.pulls).toHaveLength(1);
    expect(bodyOf('PATCH', PULL).body as string).toContain('several times a night.');
    // The comment already says where the pull request is; an edit does not re-send it.
    expect(github.commentsOn(12)).toHaveLength(1);
    expect(github.count('POST', COMMENTS)).toBe(1);
    expect(github.count('PATCH', COMMENT)).toBe(0);
    expect(edited.stdout).toMatch(/updated pull request #100/);
  });

  it('writes nothing when an edit leaves the contribution as it was (a title edit)', async () => {
    expect((await intake({ body: body('valid-extend') })).code).toBe(0);
    const before = github.requests.length;
    const again = await intake({ action: 'edited', body: body('valid-extend') });
    expect(again.code, again.stderr).toBe(0);
    const writes = github.requests.slice(before).filter((r) => r.method !== 'GET');
    expect(writes.map((r) => `${r.method} ${r.path.replace(API, '')}`)).toEqual(['POST /git/trees']);
    expect(again.stdout).toMatch(/unchanged pull request #100 .*\(branch unchanged\)/);
  });

  it('edits re-run the check: fixed, it opens the pull request, updates the comment and drops needs-fix', async () => {
    expect((await intake({ body: body('missing-fields') })).code).toBe(0);
    const commentId = github.commentsOn(12)[0]?.id;
    const fixed = await intake({
      action: 'edited',
      body: body('valid-correct'),
      labels: ['contribution', 'needs-fix'],
    });
    expect(fixed.code, fixed.stderr).toBe(0);
    expect(github.count('POST', PULLS)).toBe(1);
    expect(github.commentsOn(12)).toHaveLength(1);
    expect(github.commentsOn(12)[0]?.id).toBe(commentId);
    expect(github.commentsOn(12)[0]?.body).toContain('✅ Your contribution is [pull request #100]');
    expect(github.count('DELETE', /\/labels\/needs-fix$/)).toBe(1);
    expect(repo.labels.get(12)).toEqual([]);
  });

  it('an edit that breaks a form with an open pull request leaves the pull request as it was', async () => {
    expect((await intake({ body: body('valid-extend') })).code).toBe(0);
    const head = repo.refs.get('heads/contribution/issue-12');
    const before = github.requests.length;
    const broken = await intake({ action: 'edited', body: body('missing-fields') });
    expect(broken.code, broken.stderr).toBe(0);
    expect(github.requests.slice(before).filter((r) => WRITES.test(r.path) || PULL.test(r.path))).toEqual([]);
    expect(repo.refs.get('heads/contribution/issue-12')).toBe(head);
    expect(github.commentsOn(12)[0]?.body).toContain('keeps the last version that passed');
  });

  it('does not reopen or replace a pull request a maintainer closed', async () => {
    expect((await intake({ body: body('valid-extend') })).code).toBe(0);
    const pull = repo.pull(100) as Record<string, unknown>;
    pull.state = 'closed';
    const head = repo.refs.get('heads/contribution/issue-12');
    const result = await intake({ action: 'edited', body: body('edited-extend') });
    expect(result.code, result.stderr).toBe(0);
    expect(repo.refs.get('heads/contribution/issue-12')).toBe(head);
    expect(github.count('POST', PULLS)).toBe(1);
    expect(github.count('PATCH', PULL)).toBe(0);
    expect(github.commentsOn(12)[0]?.body).toContain('for this issue is closed');
  });
});
