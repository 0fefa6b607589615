import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COMMENT_MARKER, MAX_COMMENT_LENGTH } from '../../scripts/render/bot/comment-body.ts';
import { BOT_LOGIN, FakeGitHub, GITHUB_ERRORS } from '../helpers/fake-github.ts';
import { scenario } from '../helpers/scenario.ts';
import { CommentRun, diag, REPOSITORY, report, sha } from './bot-fixtures.ts';

const COMMENTS = /\/issues\/\d+\/comments$/;
const COMMENT = /\/issues\/comments\/\d+$/;
const PERSONA = 'personas/sentry/sentry-error-monitor.yaml';

let github: FakeGitHub;
let runs: CommentRun[] = [];
const newRun = () => {
  const run = new CommentRun();
  runs.push(run);
  return run;
};

beforeEach(async () => {
  github = await FakeGitHub.start(REPOSITORY);
});

afterEach(async () => {
  await github.close();
  for (const run of runs) run.cleanup();
  runs = [];
  // Every request the bot made matched GitHub's OpenAPI description.
  expect(github.violations).toEqual([]);
});

const broken = (head: string) =>
  report(head, [
    diag(PERSONA, 12, 'schema/unknown-key', 'The key `goalz` is not part of a persona.'),
    diag(PERSONA, 30, 'lint/placeholder', 'Placeholder text "TODO".', 'warning'),
  ]);

describe('persona comment: the sticky comment', () => {
  scenario(
    'keeps exactly one comment over three runs: created, updated in place, then the ✅ state',
    async () => {
      const pull = github.addPull({ number: 7, headSha: sha('push-1') });

      const first = await newRun()
        .writeReport(broken(sha('push-1')))
        .writeWorkflowRun({ headSha: sha('push-1'), number: 7 })
        .run(github);
      expect(first.code, first.stderr).toBe(0);
      expect(github.commentsOn(7)).toHaveLength(1);
      const [comment] = github.commentsOn(7);
      expect(comment?.body.startsWith(COMMENT_MARKER)).toBe(true);
      expect(comment?.body).toContain('❌');
      expect(comment?.body).toContain(
        `https://github.com/${REPOSITORY}/blob/${sha('push-1')}/${PERSONA}#L12`,
      );
      expect(comment?.body).toContain('<details>');

      // A second push with one error fixed: same comment, new body.
      (pull.head as { sha: string }).sha = sha('push-2');
      const second = await newRun()
        .writeReport(
          report(sha('push-2'), [
            diag(PERSONA, 30, 'lint/placeholder', 'Placeholder text "TODO".', 'warning'),
          ]),
        )
        .writeWorkflowRun({ headSha: sha('push-2'), number: 7 })
        .run(github);
      expect(second.code, second.stderr).toBe(0);
      expect(github.commentsOn(7)).toHaveLength(1);
      expect(github.commentsOn(7)[0]?.id).toBe(comment?.id);
      expect(github.commentsOn(7)[0]?.body).toContain('⚠️');

      // Everything fixed: the short green state, still the same comment.
      (pull.head as { sha: string }).sha = sha('push-3');
      const third = await newRun()
        .writeReport(report(sha('push-3'), [], { base: [] }))
        .writeWorkflowRun({ headSha: sha('push-3'), number: 7 })
        .run(github);
      expect(third.code, third.stderr).toBe(0);
      const final = github.commentsOn(7);
      expect(final).toHaveLength(1);
      expect(final[0]?.id).toBe(comment?.id);
      expect(final[0]?.body).toContain('✅');
      expect(final[0]?.body).not.toContain('<details>');
      expect(final[0]?.body).toContain(sha('push-3').slice(0, 7));
      expect(github.count('POST', COMMENTS)).toBe(1);
      expect(github.count('PATCH', COMMENT)).toBe(2);
    },
  );

  scenario('does not re-send an unchanged body', async () => {
    github.addPull({ number: 7, headSha: sha('same') });
    const run = newRun()
      .writeReport(broken(sha('same')))
      .writeWorkflowRun({ headSha: sha('same'), number: 7 });
    expect((await run.run(github)).code).toBe(0);
    const again = await run.run(github);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain('unchanged');
    expect(github.count('POST', COMMENTS)).toBe(1);
    expect(github.count('PATCH', COMMENT)).toBe(0);
  });

  it('posts no comment on a clean pull request that never had one', async () => {
    github.addPull({ number: 7, headSha: sha('clean') });
    const result = await newRun()
      .writeReport(report(sha('clean'), []))
      .writeWorkflowRun({ headSha: sha('clean'), number: 7 })
      .run(github);
    expect(result.code, result.stderr).toBe(0);
    expect(github.commentsOn(7)).toHaveLength(0);
  });

  it('ignores a spoofed marker in someone else comment, and one quoted mid-body by the bot', async () => {
    github.addPull({ number: 7, headSha: sha('spoof') });
    const spoof = github.addComment(7, `${COMMENT_MARKER}\nAll good, merge it!`, 'mallory');
    const quoted = github.addComment(7, `Earlier the bot said:\n${COMMENT_MARKER}`, BOT_LOGIN, 'Bot');
    const result = await newRun()
      .writeReport(broken(sha('spoof')))
      .writeWorkflowRun({ headSha: sha('spoof'), number: 7 })
      .run(github);
    expect(result.code, result.stderr).toBe(0);
    expect(github.count('PATCH', COMMENT)).toBe(0);
    expect(github.commentsOn(7).find((c) => c.id === spoof.id)?.body).toBe(
      `${COMMENT_MARKER}\nAll good, merge it!`,
    );
    expect(github.commentsOn(7).find((c) => c.id === quoted.id)?.body).toBe(
      `Earlier the bot said:\n${COMMENT_MARKER}`,
    );
    const mine = github
      .commentsOn(7)
      .filter((c) => c.login === BOT_LOGIN && c.body.startsWith(COMMENT_MARKER));
    expect(mine).toHaveLength(1);
  });

  it('finds its comment on page 3 of 250, listing 100 per page', async () => {
    github.addPull({ number: 7, headSha: sha('busy') });
    for (let i = 0; i < 230; i++) github.addComment(7, `comment ${i}`, `user${i}`);
    const mine = github.addComment(7, `${COMMENT_MARKER}\nold`, BOT_LOGIN, 'Bot');
    for (let i = 0; i < 20; i++) github.addComment(7, `later ${i}`, `user${i}`);
    const result = await newRun()
      .writeReport(broken(sha('busy')))
      .writeWorkflowRun({ headSha: sha('busy'), number: 7 })
      .run(github);
    expect(result.code, result.stderr).toBe(0);
    expect(github.count('POST', COMMENTS)).toBe(0);
    expect(github.commentsOn(7).find((c) => c.id === mine.id)?.body).toContain('❌');
    const listings = github.requests.filter((r) => r.method === 'GET' && COMMENTS.test(r.path));
    expect(listings.map((r) => new URLSearchParams(r.query).get('page') ?? '1')).toEqual(['1', '2', '3']);
    expect(listings.every((r) => new URLSearchParams(r.query).get('per_page') === '100')).toBe(true);
  });

  it('writes a line to the step summary', async () => {
    github.addPull({ number: 7, headSha: sha('summary') });
    const run = newRun()
      .writeReport(broken(sha('summary')))
      .writeWorkflowRun({ headSha: sha('summary'), number: 7 });
    expect((await run.run(github)).code).toBe(0);
    expect(readFileSync(run.summaryPath, 'utf8')).toMatch(/created comment \d+ on #7/);
  });
});

describe('persona comment: which pull request', () => {
  it('resolves a fork pull request through the pulls API (head=owner:branch), not the run', async () => {
    github.addPull({
      number: 3,
      headSha: sha('other'),
      headRepo: 'someone-else/persona-library',
      headRef: 'add-goal',
    });
    github.addPull({
      number: 12,
      headSha: sha('fork'),
      headRepo: 'contributor/persona-library',
      headRef: 'add-goal',
    });
    const result = await newRun()
      .writeReport(broken(sha('fork')))
      .writeWorkflowRun({ headSha: sha('fork'), fork: { owner: 'contributor', branch: 'add-goal' } })
      .run(github);
    expect(result.code, result.stderr).toBe(0);
    const lookups = github.requests.filter((r) => r.method === 'GET' && r.path.endsWith('/pulls'));
    expect(lookups.map((r) => new URLSearchParams(r.query).get('head'))).toEqual(['contributor:add-goal']);
    expect(github.commentsOn(12)).toHaveLength(1);
    expect(github.commentsOn(3)).toHaveLength(0);
  });

  it('refuses a report with a planted pull request number, and comments nowhere', async () => {
    github.addPull({ number: 7, headSha: sha('plant') });
    github.addPull({ number: 99, headSha: sha('victim') });
    const planted = { ...broken(sha('plant')), pullRequest: 99, number: 99 };
    const result = await newRun()
      .writeReport(JSON.stringify(planted))
      .writeWorkflowRun({ headSha: sha('plant'), number: 7 })
      .run(github);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).toMatch(/refusing the report/);
    expect(github.requests).toEqual([]);
  });

  it('takes the number from the API even when the report text names another pull request', async () => {
    github.addPull({ number: 7, headSha: sha('text') });
    github.addPull({ number: 99, headSha: sha('victim') });
    const r = report(sha('text'), [diag(PERSONA, 1, 'schema/invalid', 'Post this on #99 please')]);
    const result = await newRun()
      .writeReport(r)
      .writeWorkflowRun({ headSha: sha('text'), number: 7 })
      .run(github);
    expect(result.code, result.stderr).toBe(0);
    expect(github.commentsOn(99)).toHaveLength(0);
    expect(github.commentsOn(7)).toHaveLength(1);
    expect(github.commentsOn(7)[0]?.body).not.toMatch(/#99/);
  });

  it('drops a report for an older head than the pull request has now', async () => {
    github.addPull({ number: 7, headSha: sha('newer') });
    const result = await newRun()
      .writeReport(broken(sha('older')))
      .writeWorkflowRun({ headSha: sha('older'), number: 7 })
      .run(github);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/older head/);
    expect(github.count('POST', COMMENTS) + github.count('PATCH', COMMENT)).toBe(0);
  });

  it('refuses a report that describes another commit than the run', async () => {
    github.addPull({ number: 7, headSha: sha('run') });
    const result = await newRun()
      .writeReport(broken(sha('elsewhere')))
      .writeWorkflowRun({ headSha: sha('run'), number: 7 })
      .run(github);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).toMatch(/describes commit/);
    expect(github.requests).toEqual([]);
  });
});

describe('persona comment: GitHub failures', () => {
  it('retries 502s on reads and writes', async () => {
    github.addPull({ number: 7, headSha: sha('flaky') });
    github.failNext('GET', COMMENTS, GITHUB_ERRORS.badGateway, 2);
    github.failNext('POST', COMMENTS, GITHUB_ERRORS.badGateway, 1);
    const result = await newRun()
      .writeReport(broken(sha('flaky')))
      .writeWorkflowRun({ headSha: sha('flaky'), number: 7 })
      .run(github);
    expect(result.code, result.stderr).toBe(0);
    expect(github.commentsOn(7)).toHaveLength(1);
    expect(github.count('GET', COMMENTS)).toBe(3);
    expect(github.count('POST', COMMENTS)).toBe(2);
  });

  it('waits out a secondary rate limit and retries', async () => {
    github.addPull({ number: 7, headSha: sha('limited') });
    github.failNext('POST', COMMENTS, GITHUB_ERRORS.secondaryRateLimit, 1);
    const result = await newRun()
      .writeReport(broken(sha('limited')))
      .writeWorkflowRun({ headSha: sha('limited'), number: 7 })
      .run(github);
    expect(result.code, result.stderr).toBe(0);
    expect(github.count('POST', COMMENTS)).toBe(2);
    expect(github.commentsOn(7)).toHaveLength(1);
  });

  it('explains a 403 "Resource not accessible by integration" in one line, without retrying', async () => {
    github.addPull({ number: 7, headSha: sha('denied') });
    github.failNext('POST', COMMENTS, GITHUB_ERRORS.notAccessible, 10);
    const result = await newRun()
      .writeReport(broken(sha('denied')))
      .writeWorkflowRun({ headSha: sha('denied'), number: 7 })
      .run(github);
    expect(result.code, result.stderr).toBe(2);
    expect(github.count('POST', COMMENTS)).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines, result.stderr).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^persona comment: POST \/repos\/.+\/issues\/7\/comments answered 403: Resource not accessible by integration\./,
    );
    expect(lines[0]).toContain('pull-requests: write');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('fails with one line when GitHub keeps answering 502', async () => {
    github.addPull({ number: 7, headSha: sha('down') });
    github.failNext('GET', /\/pulls\/7$/, GITHUB_ERRORS.badGateway, 100);
    const result = await newRun()
      .writeReport(broken(sha('down')))
      .writeWorkflowRun({ headSha: sha('down'), number: 7 })
      .run(github);
    expect(result.code, result.stderr).toBe(2);
    expect(github.count('GET', /\/pulls\/7$/)).toBe(4);
    expect(result.stderr.trim().split('\n'), result.stderr).toHaveLength(1);
    expect(result.stderr).toMatch(/answered 502.*re-run/);
  });
});

describe('persona comment: size', () => {
  it('keeps a report of 5,000 diagnostics under the 65,536-character limit and points to the job summary', async () => {
    github.addPull({ number: 7, headSha: sha('huge') });
    const many = Array.from({ length: 5000 }, (_, i) =>
      diag(
        `personas/p/p-${String(i).padStart(4, '0')}.yaml`,
        i + 1,
        'schema/wrong-type',
        `Problem ${i}: ${'x'.repeat(200)}`,
        i % 3 ? 'error' : 'warning',
      ),
    );
    const result = await newRun()
      .writeReport(report(sha('huge'), many))
      .writeWorkflowRun({ headSha: sha('huge'), number: 7 })
      .run(github);
    expect(result.code, result.stderr).toBe(0);
    const body = github.commentsOn(7)[0]?.body ?? '';
    expect(body.length).toBeGreaterThan(1000);
    expect(body.length).toBeLessThanOrEqual(MAX_COMMENT_LENGTH);
    expect(body).toMatch(
      /more errors: see the \[job summary\]\(https:\/\/github\.com\/.+\/actions\/runs\/4242\)/,
    );
  });
});

describe('persona comment: hostile artifacts', () => {
  const cases: Array<[string, (run: CommentRun) => void, RegExp]> = [
    ['not JSON', (run) => run.writeReport('{"version": 1,'), /not valid JSON/],
    [
      'not UTF-8',
      (run) => writeFileSync(run.reportPath, Buffer.from([0x7b, 0xff, 0xfe, 0x7d])),
      /not valid UTF-8/,
    ],
    [
      'the wrong shape',
      (run) => run.writeReport(JSON.stringify({ version: 1, headSha: 'x' })),
      /report\.schema\.json/,
    ],
    [
      'an overlong message',
      (run) => run.writeReport(JSON.stringify(broken(sha('hostile'))).replace('Fix it.', 'y'.repeat(5000))),
      /maxLength|must NOT have more/,
    ],
    [
      'a path outside the library',
      (run) =>
        run.writeReport(JSON.stringify(broken(sha('hostile'))).replaceAll(PERSONA, '../../etc/passwd')),
      /file/,
    ],
    [
      'a second file in the artifact',
      (run) => {
        run.writeReport(broken(sha('hostile')));
        writeFileSync(path.join(path.dirname(run.reportPath), 'payload.sh'), 'echo pwned');
      },
      /must hold only report\.json/,
    ],
    [
      'a symbolic link',
      (run) => {
        writeFileSync(path.join(run.dir, 'elsewhere.json'), JSON.stringify(broken(sha('hostile'))));
        symlinkSync(path.join(run.dir, 'elsewhere.json'), run.reportPath);
      },
      /symbolic link/,
    ],
    ['too many bytes', (run) => run.writeReport(`${' '.repeat(8 * 1024 * 1024 + 1)}{}`), /limit is/],
  ];

  it.each(cases)('refuses %s with one line and no API call', async (_name, prepare, message) => {
    github.addPull({ number: 7, headSha: sha('hostile') });
    const run = newRun().writeWorkflowRun({ headSha: sha('hostile'), number: 7 });
    prepare(run);
    const result = await run.run(github);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n'), result.stderr).toHaveLength(1);
    expect(github.requests).toEqual([]);
  });

  it('explains missing Actions environment', async () => {
    const run = newRun()
      .writeReport(broken(sha('env')))
      .writeWorkflowRun({ headSha: sha('env'), number: 7 });
    const result = await run.run(github, { GITHUB_TOKEN: '' });
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toMatch(/GITHUB_TOKEN is not set/);
  });
});
