import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { parseFragment, serialize } from 'parse5';
import { describe, expect, it } from 'vitest';
import { listFiles } from '../helpers/golden.ts';
import { firstStructuralDifference, htmlTree } from '../helpers/html-structure.ts';
import { renderGfm, renderGfmBoth } from '../helpers/render-gfm.ts';
import { activeHtml, FIXTURES } from './catalogue-helpers.ts';

/**
 * The hostile-text fixture's catalogue: every kind of page, built from text that attacks the Markdown. (The
 * cross-check in test/cmark/ covers every page; micromark takes about a second per megabyte, so here, fewer.)
 */
const HOSTILE_CATALOGUE = path.join(FIXTURES, 'hostile-text', 'expected');
const HOSTILE_PAGES = listFiles(HOSTILE_CATALOGUE)
  .filter((file) => file.endsWith('.md'))
  .map((file): [string, string] => [file, readFileSync(path.join(HOSTILE_CATALOGUE, file), 'utf8')]);

const RAW_HTML = '<script>alert(1)</script>\n\n<p>a <iframe src="x"></iframe> <b onclick="y">b</b></p>\n';

describe('renderGfm, as GitHub renders GFM before sanitizing', () => {
  it.each([
    ['a table', '| a | b |\n| - | - |\n| 1 | 2 |\n', /<table>[\s\S]*<td>2<\/td>/],
    ['strikethrough', '~~gone~~\n', /<del>gone<\/del>/],
    ['an autolinked www address', 'see www.example.com\n', /<a href="http:\/\/www\.example\.com">/],
    ['an autolinked URL', 'see https://example.com/x\n', /<a href="https:\/\/example\.com\/x">/],
    ['a task list item', '- [x] done\n', /<input type="checkbox" disabled="" checked="" \/>/],
    ['a footnote', 'x[^1]\n\n[^1]: note\n', /<section data-footnotes/],
    [
      'a javascript: link, kept as cmark-gfm --unsafe keeps it',
      '[a](javascript:alert(1))\n',
      /href="javascript:/,
    ],
    ['raw HTML, kept', '<b onclick="x">b</b>\n', /<b onclick="x">/],
  ])('renders %s', (_name, markdown, expected) => {
    expect(renderGfm(markdown)).toMatch(expected);
  });

  it('filters <script>, <iframe> … with the tag filter, and keeps them without it', () => {
    const filtered = renderGfm(RAW_HTML);
    expect(filtered).toContain('&lt;script>');
    expect(filtered).toContain('&lt;iframe');
    expect(activeHtml(filtered)).toEqual(['on*= attribute']);
    expect(activeHtml(renderGfm(RAW_HTML, { tagfilter: false }))).toEqual(['<script>', 'on*= attribute']);
  });
});

describe('renderGfmBoth, one parse for both tag-filter settings', () => {
  const equalsTwoRenders = (markdown: string) => {
    expect(renderGfmBoth(markdown)).toEqual({
      html: renderGfm(markdown),
      unfiltered: renderGfm(markdown, { tagfilter: false }),
    });
  };

  it('renders every page of a catalogue as renderGfm does, in both settings', () => {
    expect(HOSTILE_PAGES.length).toBeGreaterThan(5);
    for (const [, markdown] of HOSTILE_PAGES) equalsTwoRenders(markdown);
  });

  it('renders raw HTML as renderGfm does, in both settings', () => {
    equalsTwoRenders(RAW_HTML);
    expect(renderGfmBoth(RAW_HTML).html).not.toBe(renderGfmBoth(RAW_HTML).unfiltered);
  });

  // fast-check, with a fixed seed: Markdown-ish text from the characters that make blocks, inlines and raw HTML.
  it('renders any Markdown-ish text as renderGfm does (fast-check)', () => {
    const piece = fc.constantFrom(
      ...[
        '<script>',
        '</script>',
        '<iframe ',
        '<b>',
        '<!-- ',
        ' -->',
        '<div>\n',
        '| a |',
        '|-|',
        '\n',
        '\n\n',
      ],
      ...['- ', '1. ', '> ', '# ', '```', '    ', '[x](y)', '[^1]', '[^1]: ', '~~', '*', '_', '`', 'www.a.b'],
      ...['a', ' ', '\\', '&amp;', '<', '>', '"'],
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => equalsTwoRenders(pieces.join(''))),
      { seed: 16, numRuns: 300 },
    );
  });
});

describe('firstStructuralDifference', () => {
  it.each([
    ['attribute order', '<a href="x" id="y">a</a>', '<a id="y" href="x">a</a>'],
    ['entity forms', '<p title="&quot;">&quot;&amp;&#39;&lt;</p>', '<p title=\'"\'>"&amp;&#x27;&#60;</p>'],
    ['self-closing tags', '<p>a<br />b</p><hr />', '<p>a<br>b</p><hr>'],
    ['an empty attribute value', '<input disabled="" checked="">', '<input disabled checked>'],
    ['whitespace between blocks', '<ul>\n<li>\n<p>a</p>\n</li>\n</ul>\n', '<ul><li><p>a</p></li></ul>'],
    ['whitespace at block edges', '<p>\na <em>b</em>\n</p>', '<p>a <em>b</em></p>'],
    ['a line break in text', '<p>a\nb</p>', '<p>a b</p>'],
  ])('sees no difference in %s', (_name, left, right) => {
    expect(firstStructuralDifference(left, right)).toBeUndefined();
  });

  it.each([
    ['another element', '<p><em>a</em></p>', '<p><strong>a</strong></p>', 'p[1] > [1]'],
    ['another attribute value', '<p><a href="x">a</a></p>', '<p><a href="y">a</a></p>', 'p[1] > [1]'],
    ['one more attribute', '<p><a href="x">a</a></p>', '<p><a href="x" title="t">a</a></p>', 'p[1] > [1]'],
    ['other text', '<h2>Goals</h2>', '<h2>Goal</h2>', 'h2[1] > [1]'],
    ['a missing node', '<ul><li>a</li><li>b</li></ul>', '<ul><li>a</li></ul>', 'ul[1] > [2]'],
    [
      'the space between two inline elements',
      '<p><em>a</em> <em>b</em></p>',
      '<p><em>a</em><em>b</em></p>',
      'p[1] > [2]',
    ],
    [
      'whitespace inside <pre>',
      '<pre><code>a\n  b</code></pre>',
      '<pre><code>a\n b</code></pre>',
      'pre[1] > code[1] > [1]',
    ],
    ['a comment', '<!-- a -->', '<!-- b -->', '[1]'],
  ])('finds %s', (_name, left, right, where) => {
    expect(firstStructuralDifference(left, right)?.path).toBe(where);
    expect(firstStructuralDifference(right, left)?.path).toBe(where);
  });

  it('says what each side has there', () => {
    expect(firstStructuralDifference('<p><a href="x">a</a></p>', '<p>a</p>')).toEqual({
      path: 'p[1] > [1]',
      left: '<a href="x">',
      right: 'text "a"',
    });
  });

  // Mutations injected into real rendered pages: each must be found, and a re-serialization must not be.
  const hostilePage = renderGfm(
    HOSTILE_PAGES.find(([file]) => file === 'hostile/hostile-injector.md')?.[1] ?? '',
  );

  it('sees a rendered page and its re-serialization by parse5 as the same tree', () => {
    expect(htmlTree(hostilePage).length).toBeGreaterThan(20);
    for (const [, markdown] of HOSTILE_PAGES) {
      const html = renderGfm(markdown);
      expect(firstStructuralDifference(html, serialize(parseFragment(html)))).toBeUndefined();
    }
  });

  it.each([
    ['strong text turned emphasis', (html: string) => html.replace('<strong>', '<em>')],
    ['a link target changed', (html: string) => html.replace(/href="([^"]*)"/, 'href="$1x"')],
    ['a character of text dropped', (html: string) => html.replace('Goals', 'Goal')],
    ['a heading removed', (html: string) => html.replace(/<h2>[^<]*<\/h2>/, '')],
    ['a list item removed', (html: string) => html.replace(/<li>[\s\S]*?<\/li>/, '')],
    ['an attribute added', (html: string) => html.replace('<ul>', '<ul class="x">')],
  ])('finds a mutation of a real page: %s', (_name, mutate) => {
    const mutated = mutate(hostilePage);
    expect(mutated).not.toBe(hostilePage);
    expect(firstStructuralDifference(hostilePage, mutated)).toBeDefined();
  });
});
