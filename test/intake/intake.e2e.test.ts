import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { INTAKE_COMMENT_MARKER } from '../../scripts/render/intake/intake-markdown.ts';
import { WORD_JOINER } from '../../scripts/render/neutralize-text.ts';
import { BOT_LOGIN, FakeGitHub, GITHUB_ERRORS } from '../helpers/fake-github.ts';
import { scratchLibrary } from '../helpers/run-cli.ts';
import { FakeRepository, IntakeRun, type IssueSeed, REPOSITORY } from './fake-git.ts';
import { body, FIXTURE_LIBRARY } from './intake-helpers.ts';

const API = `/repos/${REPOSITORY}`;
const EXTEND_FILE = 'contributions/pagerduty-on-call-engineer/2026-11-20-octocat-frustrations-issue-12.yaml';
const PULLS = /\/pulls$/;
const PULL = /\/pulls\/\d+$/;
const COMMENTS = /\/issues\/\d+\/comments$/;
const COMMENT = /\/issues\/comments\/\d+$/;
const WRITES = /\/git\/(trees|commits|refs)/;

let github: FakeGitHub;
let repo: FakeRepository;
let library: { root: string; cleanup: () => void };
let runs: IntakeRun[] = [];

beforeEach(async () => {
  github = await FakeGitHub.start(REPOSITORY);
  repo = new FakeRepository(github);
  library = scratchLibrary(FIXTURE_LIBRARY);
});

afterEach(async () => {
  await github.close();
  for (const run of runs) run.cleanup();
  runs = [];
  library.cleanup();
  // Every request matched GitHub's OpenAPI description.
  expect(github.violations).toEqual([]);
});

function intake(seed: IssueSeed, extraArgs: string[] = []) {
  const run = new IntakeRun(library.root).writeEvent(seed);
  runs.push(run);
  return run.run(github, extraArgs);
}

/** "METHOD /path" of every request since `from`, with the repository prefix dropped. */
function calls(from = 0): string[] {
  return github.requests
    .slice(from)
    .map(
      (r) =>
        `${r.method} ${decodeURIComponent(r.path).replace(API, '')}${r.path.endsWith('/pulls') ? r.query : ''}`,
    );
}

const bodyOf = (method: string, pattern: RegExp, nth = 0) =>
  github.requests.filter((r) => r.method === method && pattern.test(r.path))[nth]?.body as Record<
    string,
    unknown
  >;

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
    const run = new IntakeRun(library.root).writeEvent({ body: body('valid-extend') });
    runs.push(run);
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

  it('retries a 502 and finishes; a re-run after a failure completes the same pull request', async () => {
    github.failNext('POST', /\/git\/commits$/, GITHUB_ERRORS.badGateway, 1);
    github.failNext('POST', PULLS, GITHUB_ERRORS.notAccessible, 1);
    const first = await intake({ body: body('valid-extend') });
    expect(first.code).toBe(2);
    expect(first.stderr).toContain('pull-requests: write');
    expect(repo.refs.has('heads/contribution/issue-12')).toBe(true);
    const second = await intake({ body: body('valid-extend') });
    expect(second.code, second.stderr).toBe(0);
    expect(github.pulls).toHaveLength(1);
    expect(github.requests.filter((r) => r.method === 'POST' && /\/git\/commits$/.test(r.path))).toHaveLength(
      2,
    );
  });

  it('refuses an event file that is not an issues event', async () => {
    const run = new IntakeRun(library.root);
    runs.push(run);
    const { writeFileSync } = await import('node:fs');
    writeFileSync(run.eventPath, JSON.stringify({ action: 'completed', workflow_run: {} }));
    const result = await run.run(github);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^persona intake: refusing the event/);
    expect(github.requests).toEqual([]);
  });
});
