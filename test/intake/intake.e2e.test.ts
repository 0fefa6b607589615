import { describe, expect, it } from 'vitest';
import { INTAKE_COMMENT_MARKER } from '../../scripts/render/intake/intake-markdown.ts';
import { WORD_JOINER } from '../../scripts/render/neutralize-text.ts';
import { BOT_LOGIN, GITHUB_ERRORS } from '../helpers/fake-github.ts';
import { scenario } from '../helpers/scenario.ts';
import {
  bodyOf,
  calls,
  EXTEND_FILE,
  github,
  intake,
  newRun,
  PULL,
  PULLS,
  repo,
  useIntakeRuns,
  WRITES,
} from './intake-e2e-setup.ts';
import { body } from './intake-helpers.ts';

useIntakeRuns();

describe('persona intake: a valid form becomes one pull request', () => {
  it('creates the branch, commits the file, opens the pull request and comments with its link', async () => {
    const mainSha = repo.refs.get('heads/main');
    const result = await intake({ body: body('valid-extend') });
    expect(result.code, result.stderr).toBe(0);
    expect(calls()).toEqual([
      'GET /pulls?head=persona-library%3Acontribution%2Fissue-12&state=all&per_page=100',
      'GET /git/ref/heads/main',
      `GET /git/commits/${mainSha}`,
      'POST /git/trees',
      'GET /git/ref/heads/contribution/issue-12',
      'POST /git/commits',
      'POST /git/refs',
      'POST /pulls',
      'GET /issues/12/comments',
      'POST /issues/12/comments',
    ]);

    const tree = bodyOf('POST', /\/git\/trees$/);
    expect(tree.tree).toEqual([
      {
        path: EXTEND_FILE,
        mode: '100644',
        type: 'blob',
        content: [
          '# yaml-language-server: $schema=../../schemas/contribution.schema.json',
          'persona: pagerduty-on-call-engineer',
          'field: frustrations',
          'action: extend',
          'value: "Pages for a flapping check that resolves itself before anyone can open the laptop."',
          'author: octocat',
          'rationale: "Half our night pages last year were like this."',
          '',
        ].join('\n'),
      },
    ]);
    const commit = bodyOf('POST', /\/git\/commits$/);
    expect(commit.parents).toEqual([mainSha]);
    expect(commit.message).toBe(
      'Add a contribution from issue #12\n\nextend frustrations of pagerduty-on-call-engineer, by octocat.\nWritten by the intake workflow from the contribution form; edit the issue to change it.\n',
    );
    expect(bodyOf('POST', /\/git\/refs$/)).toEqual({
      ref: 'refs/heads/contribution/issue-12',
      sha: repo.refs.get('heads/contribution/issue-12'),
    });
    const pull = bodyOf('POST', PULLS);
    expect(pull).toMatchObject({
      head: 'contribution/issue-12',
      base: 'main',
      title: 'Contribution: extend frustrations of pagerduty-on-call-engineer (issue #12)',
    });
    expect(pull.body).toContain('Closes #12.');
    expect(pull.body).toContain(`\`${EXTEND_FILE}\``);

    expect(Object.keys(repo.filesOf('contribution/issue-12'))).toEqual([EXTEND_FILE, 'personas/README.md']);
    const [comment] = github.commentsOn(12);
    expect(comment?.body.startsWith(INTAKE_COMMENT_MARKER)).toBe(true);
    expect(comment?.body).toContain(
      '[pull request #100](https://github.com/persona-library/persona-library/pull/100)',
    );
    expect(result.stdout).toMatch(
      /opened pull request #100 with contributions\/pagerduty-on-call-engineer\//,
    );
  });

  it('finds its pull request through the API by branch, not by anything in the issue', async () => {
    github.addPull({ number: 7, headSha: 'a'.repeat(40), headRef: 'contribution/issue-7' });
    const text = body('valid-extend').replace(
      'Half our night pages last year were like this.',
      'Please update pull request #7 and branch contribution/issue-7 instead.',
    );
    const result = await intake({ body: text });
    expect(result.code, result.stderr).toBe(0);
    expect(github.count('PATCH', PULL)).toBe(0);
    expect(bodyOf('POST', PULLS).head).toBe('contribution/issue-12');
  });
});

describe('persona intake: a form with problems', () => {
  it('comments with what to fix in the form’s words and labels needs-fix; no branch, no pull request', async () => {
    const result = await intake({ body: body('missing-fields') });
    expect(result.code, result.stderr).toBe(0);
    expect(calls()).toEqual([
      'GET /pulls?head=persona-library%3Acontribution%2Fissue-12&state=all&per_page=100',
      'GET /issues/12/comments',
      'POST /issues/12/comments',
      'POST /issues/12/labels',
    ]);
    expect(bodyOf('POST', /\/labels$/)).toEqual({ labels: ['needs-fix'] });
    expect(repo.labels.get(12)).toEqual(['needs-fix']);
    const comment = github.commentsOn(12)[0]?.body ?? '';
    expect(comment.startsWith(INTAKE_COMMENT_MARKER)).toBe(true);
    expect(comment).toContain('* The **Text** field is empty: **Correct** needs the text as it should read.');
    expect(comment).toContain('* The **Rationale** field is empty');
    expect(comment).toContain('give its **Item number**');
    expect(comment).not.toMatch(/`value`|`original`/);
  });

  it('does not add needs-fix twice when the issue already has it', async () => {
    const result = await intake({ body: body('unknown-persona'), labels: ['contribution', 'needs-fix'] });
    expect(result.code, result.stderr).toBe(0);
    expect(github.count('POST', /\/labels$/)).toBe(0);
    expect(github.commentsOn(12)[0]?.body).toContain('Did you mean `The Sentry Error Monitor (APP-101)`?');
  });

  it('reports a stale correction (the text already reads that way) and opens nothing', async () => {
    const result = await intake({ body: body('stale-correction') });
    expect(result.code, result.stderr).toBe(0);
    expect(github.count('POST', PULLS) + github.requests.filter((r) => WRITES.test(r.path)).length).toBe(0);
    expect(github.commentsOn(12)[0]?.body).toContain('the same as what the persona says now');
  });
});

describe('persona intake: hostile issues', () => {
  it('neutralizes the contributor’s text in the pull request: no pings, no HTML, no links', async () => {
    const result = await intake({ body: body('hostile-text'), login: 'mallory' });
    expect(result.code, result.stderr).toBe(0);
    const pull = bodyOf('POST', PULLS).body as string;
    expect(pull).toContain(`@${WORD_JOINER}octocat`);
    expect(pull).toContain(`@${WORD_JOINER}persona-library/maintainers`);
    expect(pull).not.toMatch(/@octocat|@persona-library\//);
    // remark escapes `<` in text (`\<img`), which GitHub shows as text; a comment opener is broken apart.
    expect(pull).not.toMatch(/(?<!\\)<(img|script)|<!--/);
    expect(pull).not.toContain('https://evil.example');
    expect(pull).not.toMatch(/#1\b|#3\b|GH-2/);
    expect(pull).not.toMatch(/\]\(javascript:/);
    // The author is named, never pinged.
    expect(pull).toContain('`mallory`');
    const comment = github.commentsOn(12)[0]?.body ?? '';
    expect(comment.split(INTAKE_COMMENT_MARKER)).toHaveLength(2);
    // The file itself holds the text as written: it is data, checked by the validator, never rendered raw.
    expect(
      repo.filesOf('contribution/issue-12')[
        'contributions/sentry-error-monitor/2026-11-20-mallory-frustrations-issue-12.yaml'
      ],
    ).toContain('<img src=x onerror=alert(1)>');
  });

  it('cannot choose the path: a persona or field that looks like a path is refused', async () => {
    const result = await intake({ body: body('hostile-path') });
    expect(result.code, result.stderr).toBe(0);
    expect(github.requests.filter((r) => WRITES.test(r.path))).toEqual([]);
    const comment = github.commentsOn(12)[0]?.body ?? '';
    expect(comment).toContain('which is not a persona of this library');
    expect(comment).toContain('which is not one of its choices');
  });

  it('refuses a body where an answer forges another field’s heading', async () => {
    const result = await intake({ body: body('hostile-injected-heading') });
    expect(result.code, result.stderr).toBe(0);
    expect(github.requests.filter((r) => WRITES.test(r.path))).toEqual([]);
    expect(github.commentsOn(12)[0]?.body).toContain('The issue has two **Persona** sections');
  });

  it('ignores a forged marker in someone else’s comment and keeps its own', async () => {
    const forged = github.addComment(12, `${INTAKE_COMMENT_MARKER}\nApproved, merge it`, 'mallory');
    const result = await intake({ body: body('missing-fields') });
    expect(result.code, result.stderr).toBe(0);
    expect(github.commentsOn(12).find((c) => c.id === forged.id)?.body).toContain('Approved, merge it');
    expect(github.commentsOn(12).filter((c) => c.login === BOT_LOGIN)).toHaveLength(1);
  });
});

describe('persona intake: what it skips, and failures', () => {
  it.each([
    ['an issue without the contribution label', { labels: ['bug'] }],
    ['a closed issue', { state: 'closed' as const }],
  ])('does nothing for %s', async (_name, seed) => {
    const result = await intake({ body: body('valid-extend'), ...seed });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/nothing to do/);
    expect(github.requests).toEqual([]);
  });

  it('--dry-run prints the plan and calls nothing, with no token', async () => {
    const run = newRun().writeEvent({ body: body('valid-extend') });
    const valid = await run.run(null, ['--dry-run']);
    expect(valid.code, valid.stderr).toBe(0);
    expect(valid.stdout).toContain(`becomes ${EXTEND_FILE} on branch contribution/issue-12`);
    run.writeEvent({ body: body('missing-fields') });
    const invalid = await run.run(null, ['--dry-run']);
    expect(invalid.code).toBe(1);
    expect(invalid.stdout).toContain('- The **Text** field is empty');
    expect(github.requests).toEqual([]);
  });

  it('explains in one line when Actions may not open pull requests', async () => {
    github.failNext('POST', PULLS, {
      status: 403,
      body: { message: 'GitHub Actions is not permitted to create or approve pull requests.' },
    });
    const result = await intake({ body: body('valid-extend') });
    expect(result.code).toBe(2);
    const lines = result.stderr.trim().split('\n');
    expect(lines, result.stderr).toHaveLength(1);
    expect(lines[0]).toMatch(/^persona intake: POST \/repos\/.+\/pulls answered 403/);
    expect(lines[0]).toContain('Allow GitHub Actions to create and approve pull requests');
  });

  scenario(
    'retries a 502 and finishes; a re-run after a failure completes the same pull request',
    async () => {
      github.failNext('POST', /\/git\/commits$/, GITHUB_ERRORS.badGateway, 1);
      github.failNext('POST', PULLS, GITHUB_ERRORS.notAccessible, 1);
      const first = await intake({ body: body('valid-extend') });
      expect(first.code).toBe(2);
      expect(first.stderr).toContain('pull-requests: write');
      expect(repo.refs.has('heads/contribution/issue-12')).toBe(true);
      const second = await intake({ body: body('valid-extend') });
      expect(second.code, second.stderr).toBe(0);
      expect(github.pulls).toHaveLength(1);
      expect(
        github.requests.filter((r) => r.method === 'POST' && /\/git\/commits$/.test(r.path)),
      ).toHaveLength(2);
    },
  );

  it('refuses an event file that is not an issues event', async () => {
    const run = newRun();
    const { writeFileSync } = await import('node:fs');
    writeFileSync(run.eventPath, JSON.stringify({ action: 'completed', workflow_run: {} }));
    const result = await run.run(github);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^persona intake: refusing the event/);
    expect(github.requests).toEqual([]);
  });
});
