import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../scripts/core/diagnostic.ts';
import type { PersonaReport } from '../../scripts/core/report.ts';
import { unifiedDiff } from '../../scripts/core/unified-diff.ts';
import { COMMENT_MARKER } from '../../scripts/render/bot/comment-body.ts';
import { REVIEW_MARKER, SUGGESTION_MARKER } from '../../scripts/render/bot/suggestions.ts';
import { buildReport } from '../../scripts/render/report/build-report.ts';
import { CommentRun, REPOSITORY, sha } from '../bot/bot-fixtures.ts';
import { validateInMemory } from '../fix/fix-helpers.ts';
import { BOT_LOGIN, FakeGitHub } from '../helpers/fake-github.ts';
import type { PullFileSeed } from '../helpers/fake-github-reviews.ts';
import { type HtmlNode, htmlTree } from '../helpers/html-structure.ts';
import { personaText } from '../helpers/persona-text.ts';
import { renderGfm } from '../helpers/render-gfm.ts';

/**
 * The suggested-changes review, end to end: `persona comment` as comment.yml runs it, against the fake GitHub,
 * whose every request is checked against GitHub's OpenAPI description and whose review endpoints refuse a
 * comment outside the diff with GitHub's 422. The reports come from validating real files, so every fix is the
 * validator's own.
 */
const ALPHA = 'personas/acme/acme-alpha.yaml';
const BETA = 'personas/acme/acme-beta.yaml';
const GAMMA = 'personas/acme/acme-gamma.yaml';
const REVIEWS = /\/pulls\/\d+\/reviews$/;

let github: FakeGitHub;
let runs: CommentRun[] = [];

beforeEach(async () => {
  github = await FakeGitHub.start(REPOSITORY);
});

afterEach(async () => {
  await github.close();
  for (const run of runs) run.cleanup();
  runs = [];
  expect(github.violations).toEqual([]);
});

const base = (slug: string, id: string, links: string[]) => personaText(slug, { id, links });
const BASE = {
  [ALPHA]: base('acme-alpha', 'APP-101', ['acme-beta']),
  [BETA]: base('acme-beta', 'APP-102', ['acme-alpha']),
};

/** The pull request's files: each changed file with GitHub's patch (hunks with three lines of context). */
function pullFiles(before: Record<string, string>, after: Record<string, string>): PullFileSeed[] {
  return Object.keys(after)
    .filter((file) => before[file] !== after[file])
    .map((file) => ({
      filename: file,
      status: before[file] === undefined ? 'added' : 'modified',
      patch: unifiedDiff(file, before[file] ?? '', after[file] as string)
        .split('\n')
        .slice(2)
        .join('\n')
        .trimEnd(),
    }));
}

/** The validate step's report for `files` at `head`, every problem new (the base is clean). */
function reportFor(head: string, files: Record<string, string>): PersonaReport {
  const diagnostics: Diagnostic[] = validateInMemory(files);
  return buildReport({
    headSha: head,
    baseSha: sha('base'),
    personas: Object.keys(files).length,
    contributions: 0,
    diagnostics,
    baseDiagnostics: [],
    previews: { applied: [], conflicts: [], personas: [] },
  });
}

async function comment(
  head: string,
  files: Record<string, string>,
  options: { number?: number; fork?: boolean } = {},
) {
  const run = new CommentRun();
  runs.push(run);
  run.writeReport(reportFor(head, files));
  run.writeWorkflowRun(
    options.fork
      ? { headSha: head, fork: { owner: 'contributor', branch: 'fix-alpha' } }
      : { headSha: head, number: options.number ?? 7 },
  );
  return run.run(github);
}

const standing = (number = 7) =>
  github.reviews
    .commentsOn(number)
    .filter((c) => c.login === BOT_LOGIN && c.body.startsWith(SUGGESTION_MARKER));

/** The text of the one `suggestion` block of a comment, as GitHub renders it. */
function suggested(body: string): string[] {
  const blocks: string[] = [];
  const walk = (nodes: readonly HtmlNode[]) => {
    for (const node of nodes) {
      if (node.kind !== 'element') continue;
      const cls = node.attributes.find(([k]) => k === 'class')?.[1];
      if (node.tag === 'code' && cls === 'language-suggestion')
        blocks.push(node.children.map((c) => (c.kind === 'text' ? c.text : '')).join(''));
      walk(node.children);
    }
  };
  walk(htmlTree(renderGfm(body)));
  return blocks;
}

const ALPHA_BROKEN = personaText('acme-alpha', {
  id: 'APP-101',
  links: ['acme-beta'],
  overrides: {
    category: 'category: technicl',
    tags: 'tags:\n  - Monitoring\n  - production',
    outcome: 'Outcome: "Incidents are found in minutes and fixed the same day."',
  },
});

describe('suggested changes on the pull request', () => {
  it('posts one review, keeps it across pushes without duplicates, removes what no longer applies', async () => {
    const head1 = sha('push-1');
    const files1 = { ...BASE, [ALPHA]: ALPHA_BROKEN };
    github.addPull({ number: 7, headSha: head1 });
    github.reviews.setFiles(7, head1, pullFiles(BASE, files1));

    const first = await comment(head1, files1);
    expect(first.code, first.stderr).toBe(0);
    const reviews1 = github.reviews.reviewsOn(7);
    expect(reviews1).toHaveLength(1);
    expect(reviews1[0]?.state).toBe('COMMENTED');
    expect(reviews1[0]?.body.startsWith(REVIEW_MARKER)).toBe(true);
    const byLine = new Map(standing().map((c) => [c.line, suggested(c.body)]));
    const line = (text: string) => ALPHA_BROKEN.split('\n').indexOf(text) + 1;
    expect(byLine.get(line('category: technicl'))).toEqual(['category: technical\n']);
    expect(byLine.get(line('  - Monitoring'))).toEqual(['  - monitoring\n']);
    expect(byLine.get(line('Outcome: "Incidents are found in minutes and fixed the same day."'))).toEqual([
      'outcome: "Incidents are found in minutes and fixed the same day."\n',
    ]);
    expect(standing()).toHaveLength(3);
    const sticky = github.commentsOn(7)[0]?.body ?? '';
    expect(sticky.startsWith(COMMENT_MARKER)).toBe(true);
    expect(sticky).toContain('3 suggested changes');

    // The contributor commits the category suggestion and, by hand, breaks a relation.
    const head2 = sha('push-2');
    const alpha2 = ALPHA_BROKEN.replace('category: technicl', 'category: technical').replace(
      'relation: pairs-with',
      'relation: pairs-wth',
    );
    const files2 = { ...BASE, [ALPHA]: alpha2 };
    github.reviews.push(7, head2, pullFiles(BASE, files2));
    const before2 = standing().map((c) => c.id);
    const second = await comment(head2, files2);
    expect(second.code, second.stderr).toBe(0);
    const after2 = standing();
    expect(after2).toHaveLength(3);
    // The two that still apply are the same comments; the category one is gone; the relation one is new.
    expect(after2.filter((c) => before2.includes(c.id))).toHaveLength(2);
    expect(after2.some((c) => suggested(c.body)[0] === '    relation: pairs-with\n')).toBe(true);
    expect(after2.some((c) => suggested(c.body)[0] === 'category: technical\n')).toBe(false);
    expect(github.reviews.reviewsOn(7)).toHaveLength(2);
    expect(new Set(after2.map((c) => `${c.path}:${c.line}`)).size).toBe(3);

    // Everything fixed: no suggestion stands, each review says it was superseded, the comment turns ✅.
    const head3 = sha('push-3');
    github.reviews.push(7, head3, pullFiles(BASE, BASE));
    const third = await comment(head3, BASE);
    expect(third.code, third.stderr).toBe(0);
    expect(standing()).toEqual([]);
    for (const review of github.reviews.reviewsOn(7)) expect(review.body).toMatch(/superseded|changed since/);
    expect(github.commentsOn(7)[0]?.body).toContain('✅');

    // And a re-run with nothing new sends no write at all.
    const writesBefore = github.requests.filter((r) => r.method !== 'GET').length;
    await comment(head3, BASE);
    expect(github.requests.filter((r) => r.method !== 'GET').length).toBe(writesBefore);
  });

  it('works the same on a fork pull request', async () => {
    const head = sha('fork-1');
    const files = { ...BASE, [ALPHA]: ALPHA_BROKEN };
    github.addPull({
      number: 12,
      headSha: head,
      headRepo: 'contributor/persona-library',
      headRef: 'fix-alpha',
    });
    github.reviews.setFiles(12, head, pullFiles(BASE, files));
    const result = await comment(head, files, { fork: true });
    expect(result.code, result.stderr).toBe(0);
    expect(github.reviews.reviewsOn(12)).toHaveLength(1);
    expect(standing(12)).toHaveLength(3);
    expect(github.commentsOn(12)[0]?.body).toContain('3 suggested changes');
  });

  it('caps the review at 20 suggestions and lists the rest in the comment', async () => {
    const head = sha('many');
    const tags = Array.from({ length: 12 }, (_, i) => `  - Tag${String.fromCharCode(97 + i)}`).join('\n');
    const many = (slug: string, id: string, links: string[]) =>
      personaText(slug, { id, links, overrides: { tags: `tags:\n${tags}` } });
    const files = {
      [ALPHA]: many('acme-alpha', 'APP-101', ['acme-beta']),
      [BETA]: many('acme-beta', 'APP-102', ['acme-alpha']),
      [GAMMA]: many('acme-gamma', 'APP-103', []),
    };
    github.addPull({ number: 7, headSha: head });
    github.reviews.setFiles(7, head, pullFiles(BASE, files));
    const result = await comment(head, files);
    expect(result.code, result.stderr).toBe(0);
    expect(github.reviews.reviewsOn(7)).toHaveLength(1);
    expect(standing()).toHaveLength(20);
    const sticky = github.commentsOn(7)[0]?.body ?? '';
    expect(sticky).toContain('20 suggested changes');
    expect(sticky).toContain('16 more problems can be fixed by running');
    expect(sticky.match(/past the first 20 suggestions/g)).toHaveLength(16);
  });

  it('copes with a 422 for a line GitHub will not take: drops that suggestion, posts the rest, says so', async () => {
    const head = sha('refused');
    const files = { ...BASE, [ALPHA]: ALPHA_BROKEN };
    github.addPull({ number: 7, headSha: head });
    github.reviews.setFiles(7, head, pullFiles(BASE, files));
    const refusedLine = ALPHA_BROKEN.split('\n').indexOf('  - Monitoring') + 1;
    github.reviews.refusedLines.add(`${ALPHA}:${refusedLine}`);
    const result = await comment(head, files);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain(`${ALPHA}:${refusedLine}`);
    // One standing review, no pending probe left behind, the refused line without a comment.
    const reviews = github.reviews.reviewsOn(7);
    expect(reviews.map((r) => r.state)).toEqual(['COMMENTED']);
    expect(
      standing()
        .map((c) => c.line)
        .sort(),
    ).not.toContain(refusedLine);
    expect(standing()).toHaveLength(2);
    expect(
      github.requests
        .filter((r) => r.method === 'POST' && REVIEWS.test(r.path))
        .some((r) => r.status === 422),
    ).toBe(true);
    const sticky = github.commentsOn(7)[0]?.body ?? '';
    expect(reviews[0]?.body).toMatch(/^.*\n\n2 fixes for problems/);
    expect(sticky).toContain('GitHub refused a suggestion on this line');
    expect(sticky).toContain('2 suggested changes');
  });

  it('keeps a suggestion someone replied to, marking it outdated instead of deleting the thread', async () => {
    const head1 = sha('reply-1');
    const files1 = { ...BASE, [ALPHA]: ALPHA_BROKEN };
    github.addPull({ number: 7, headSha: head1 });
    github.reviews.setFiles(7, head1, pullFiles(BASE, files1));
    expect((await comment(head1, files1)).code).toBe(0);
    const target = standing().find((c) => suggested(c.body)[0] === 'category: technical\n');
    if (!target) throw new Error('no category suggestion');
    const reply = github.reviews.reply(target, 'Why technical and not business?', 'monalisa');

    const head2 = sha('reply-2');
    const files2 = { ...BASE, [ALPHA]: ALPHA_BROKEN.replace('category: technicl', 'category: business') };
    github.reviews.push(7, head2, pullFiles(BASE, files2));
    expect((await comment(head2, files2)).code).toBe(0);
    const kept = github.reviews.comments.find((c) => c.id === target.id);
    expect(kept?.body).toContain('no longer applies');
    expect(suggested(kept?.body ?? '')).toEqual([]);
    expect(github.reviews.comments.find((c) => c.id === reply.id)?.body).toBe(
      'Why technical and not business?',
    );
  });

  it('neutralizes what the report says and keeps file text inside its fence', async () => {
    const head = sha('hostile');
    const files = { ...BASE, [ALPHA]: ALPHA_BROKEN };
    github.addPull({ number: 7, headSha: head });
    github.reviews.setFiles(7, head, pullFiles(BASE, files));
    const report = reportFor(head, files);
    const line = ALPHA_BROKEN.split('\n').indexOf('category: technicl') + 1;
    const hostile = '@octocat see #12 <script>alert(1)</script> https://evil.example';
    for (const d of report.diagnostics) {
      if (d.rule !== 'schema/not-allowed' || !d.fix) continue;
      d.message = hostile;
      d.fix.description = hostile;
      d.fix.edits = [
        {
          ...d.fix.edits[0],
          file: ALPHA,
          line,
          column: 1,
          endLine: line,
          endColumn: 19,
          text: 'category: technical ```\n```\n<!-- x -->',
        },
      ] as typeof d.fix.edits;
    }
    // A fix on a rule this code does not know to be fixable is never suggested, whatever the report says.
    const placeholder = report.diagnostics.find((d) => d.rule === 'schema/invalid-format');
    if (placeholder) placeholder.rule = 'lint/placeholder';
    const run = new CommentRun();
    runs.push(run);
    run.writeReport(report).writeWorkflowRun({ headSha: head, number: 7 });
    const result = await run.run(github);
    expect(result.code, result.stderr).toBe(0);
    const posted = standing().find((c) => c.line === line);
    expect(posted).toBeDefined();
    const html = renderGfm(posted?.body ?? '', { tagfilter: false });
    expect(html).not.toMatch(/<script|@octocat|#12|https:\/\/evil/);
    expect(suggested(posted?.body ?? '')).toEqual(['category: technical ```\n```\n<!-- x -->\n']);
    expect(standing()).toHaveLength(2);
  });
});
