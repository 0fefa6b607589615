import { describe, expect, it } from 'vitest';
import { validateReport } from '../../scripts/check/report/validate-report.ts';
import {
  COMMENT_MARKER,
  MAX_COMMENT_LENGTH,
  renderCommentBody,
} from '../../scripts/render/bot/comment-body.ts';
import { neutralizeText, WORD_JOINER } from '../../scripts/render/neutralize-text.ts';
import { renderGfm } from '../helpers/render-gfm.ts';
import { COMMENT_CONTEXT as ctx, diag, hostileReport, REPOSITORY, report, sha } from './bot-fixtures.ts';

describe('renderCommentBody with hostile text', () => {
  const hostile = hostileReport();
  const body = renderCommentBody(hostile, ctx);

  it('is built from a report the schema accepts', () => {
    expect(validateReport(JSON.parse(JSON.stringify(hostile))).ok).toBe(true);
  });

  it('starts with the marker, and nothing can forge a second one', () => {
    expect(body.startsWith(COMMENT_MARKER)).toBe(true);
    expect(body.indexOf(COMMENT_MARKER, 1)).toBe(-1);
    expect(body.indexOf('<!-- persona-library-bot', 1)).toBe(-1);
  });

  it('cannot ping, reference issues or autolink URLs', () => {
    expect(body).not.toMatch(/@octocat|@persona-library/);
    expect(body).not.toMatch(/#12|#56|GH-34/);
    expect(body).not.toMatch(/https:\/\/evil|www\.evil/);
    expect(body).toContain(`@${WORD_JOINER}octocat`);
  });

  it('drops bidirectional overrides', () => {
    expect(body).not.toContain('\u202e');
  });

  it('renders with no injected HTML, no broken table and no broken fence', () => {
    // Without GFM's tag filter: the body must be inert by itself, not thanks to GitHub filtering `<script>`.
    const html = renderGfm(body, { tagfilter: false });
    expect(html).not.toMatch(/<script|<img|<b>|<details open|href="javascript:/i);
    // Errors table: header + 2 rows; warnings table: header + 1 row; preview table: header + 1 row.
    const tables = html.split('<table>').slice(1);
    expect(tables.map((t) => (t.match(/<tr>/g) ?? []).length)).toEqual([3, 2, 2]);
    // The diff stays one code block, with the forged fence and marker inside it.
    expect((html.match(/<pre/g) ?? []).length).toBe(1);
    // Every <details> the bot opens is closed by the bot, never by contributor text.
    expect((html.match(/<details>/g) ?? []).length).toBe((html.match(/<\/details>/g) ?? []).length);
    // Links go only to the repository (lines, rules, commit) and the run.
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(href).toMatch(new RegExp(`^https://github\\.com/${REPOSITORY}/`));
  });

  it('links each error to its line at the head commit, with the file name percent-encoded', () => {
    expect(body).toContain(
      `https://github.com/${REPOSITORY}/blob/${sha('head')}/personas/x/%40octocat%20%2312%20%7C%20%3Cb%3E.yaml#L3`,
    );
  });
});

describe('renderCommentBody states', () => {
  it('says which problems are new and which were already on the base branch', () => {
    const old = diag('personas/a.yaml', 1, 'schema/invalid', 'old problem');
    const body = renderCommentBody(
      report(sha('head'), [old, diag('personas/b.yaml', 2, 'schema/invalid', 'new problem')], {
        base: [old],
      }),
      ctx,
    );
    expect(body).toMatch(/2 errors\*\* \(1 new in this pull request, 1 already on `main`\)/);
  });

  it('is short and green when nothing is wrong', () => {
    const body = renderCommentBody(report(sha('head'), []), ctx);
    expect(body).toContain('✅');
    expect(body).not.toMatch(/<details>|\|/);
    expect(body.length).toBeLessThan(600);
    expect(body).toContain(
      `[\`${sha('head').slice(0, 7)}\`](https://github.com/${REPOSITORY}/commit/${sha('head')})`,
    );
  });

  it('says when no preview could be made', () => {
    expect(renderCommentBody(report(sha('head'), [], { previews: null }), ctx)).toContain(
      'No preview could be made',
    );
  });

  it.each([100, 2000, 20_000])('stays under the limit with %i long diagnostics', (count) => {
    const many = Array.from({ length: count }, (_, i) =>
      diag(
        `personas/p/${i}.yaml`,
        i + 1,
        'schema/invalid',
        `${'m'.repeat(3000)} ${i}`,
        i % 2 ? 'error' : 'warning',
        'h'.repeat(3000),
      ),
    );
    const body = renderCommentBody(report(sha('head'), many), ctx);
    expect(body.length).toBeLessThanOrEqual(MAX_COMMENT_LENGTH);
    expect(body).toContain('job summary');
  });
});

describe('neutralizeText', () => {
  it.each([
    ['@octocat', `@${WORD_JOINER}octocat`],
    ['mail me: a@b.c', `mail me: a@${WORD_JOINER}b.c`],
    ['fixes #12', `fixes #${WORD_JOINER}12`],
    ['# heading', '# heading'],
    ['GH-9', `GH${WORD_JOINER}-9`],
    ['http://x.y', `http:${WORD_JOINER}//x.y`],
    ['www.x.y', `www${WORD_JOINER}.x.y`],
    ['<!-- c -->', `<${WORD_JOINER}!-- c -->`],
    ['a\u202eb\u0007c', 'abc'],
  ])('neutralizes %j', (input, expected) => {
    expect(neutralizeText(input)).toBe(expected);
  });

  it('folds lines and cuts long text at a code point', () => {
    expect(neutralizeText('a\n\tb', { singleLine: true })).toBe('a b');
    expect(neutralizeText('😀😀😀', { maxLength: 4 })).toBe('😀…');
  });
});
