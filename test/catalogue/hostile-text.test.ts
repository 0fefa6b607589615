import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { neutralizeText, WORD_JOINER } from '../../scripts/render/neutralize-text.ts';
import { renderGfm, renderGfmBoth } from '../helpers/render-gfm.ts';
import { activeHtml, FIXTURES, renderFixture } from './catalogue-helpers.ts';

/** The visible text of rendered HTML: tags dropped (attribute values with them), entities decoded. */
function visibleText(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&');
}

// GitHub's own mention and issue-reference patterns (simplified, but stricter than GitHub: any word character).
const MENTION = /(^|[^\w`])@[A-Za-z0-9]/;
const ISSUE_REFERENCE = /(^|[^\w&])#[0-9]/;
const GH_REFERENCE = /\bGH-[0-9]/i;

describe('neutralizeText', () => {
  it.each([
    ['@octocat', `@${WORD_JOINER}octocat`],
    ['@github/security-team', `@${WORD_JOINER}github/security-team`],
    ['fix #123 and owner/repo#45', `fix #${WORD_JOINER}123 and owner/repo#${WORD_JOINER}45`],
    ['see GH-12', `see GH${WORD_JOINER}-12`],
    ['mail@example.com', `mail@${WORD_JOINER}example.com`],
    ['# heading and #tag stay', '# heading and #tag stay'],
  ])('%s', (input, expected) => {
    expect(neutralizeText(input)).toBe(expected);
    expect(MENTION.test(neutralizeText(input))).toBe(false);
    expect(ISSUE_REFERENCE.test(neutralizeText(input))).toBe(false);
  });
});

describe('the rendered-HTML checks', () => {
  it('catch raw HTML when Markdown is not escaped (so a pass means something)', () => {
    const raw = renderGfm('<script>alert(1)</script>\n\n<a href="javascript:alert(2)" onclick="x">x</a>\n', {
      tagfilter: false,
    });
    expect(activeHtml(raw)).toEqual(['<script>', 'on*= attribute', 'javascript: link']);
  });
});

describe('hostile persona text, as GitHub renders it (GFM)', async () => {
  const files = await renderFixture(path.join(FIXTURES, 'hostile-text', 'input'));
  const pages = Object.entries(files).filter(([file]) => file.endsWith('.md'));

  it.each(pages)('%s has no active HTML, no foreign links, no pings', (file, markdown) => {
    const { html, unfiltered } = renderGfmBoth(markdown);
    expect(activeHtml(unfiltered)).toEqual([]);
    expect(html).not.toMatch(/<(img|iframe|svg|style|details|b)\b/i);
    // Every link is one the catalogue made: relative, an anchor, the repository on GitHub, or a contributor's
    // GitHub profile.
    for (const [, href = ''] of html.matchAll(/href="([^"]*)"/g)) {
      expect(href, `${file}: unexpected link`).toMatch(
        /^(#|\.\.?\/|[A-Za-z0-9_-]+[/.]|https:\/\/github\.com\/persona-library\/persona-library\/|https:\/\/github\.com\/[A-Za-z0-9-]+$)/,
      );
      if (!href.startsWith('https://github.com/persona-library/'))
        expect(href).not.toMatch(/evil|javascript/i);
    }
    // Code blocks (the Mermaid graph) are never linkified by GitHub.
    const text = visibleText(html.replace(/<pre\b[\s\S]*?<\/pre>/g, ''));
    expect(text).not.toMatch(MENTION);
    expect(text).not.toMatch(ISSUE_REFERENCE);
    expect(text).not.toMatch(GH_REFERENCE);
  });

  it('keeps the hostile text visible, as text', () => {
    const html = renderGfm(files['hostile/hostile-injector.md'] ?? '');
    const text = visibleText(html);
    expect(text).toContain("<script>alert('aha')</script>");
    expect(text).toContain('[link](javascript:alert(1))');
    expect(text).toContain(`@${WORD_JOINER}octocat`);
  });

  it('keeps a fence in the text inside its block: <pre> only for the graph charts, none on persona pages', () => {
    for (const [file, markdown] of pages) {
      const html = renderGfm(markdown);
      const blocks = html.match(/<pre\b/g)?.length ?? 0;
      const charts = markdown.match(/^```mermaid$/gm)?.length ?? 0;
      expect(blocks, file).toBe(charts);
      if (file === 'graph.md') expect(charts).toBeGreaterThanOrEqual(2);
      else expect(charts, file).toBe(0);
    }
  });

  it('keeps every card one list item, and every page its own headings: line breaks and `|` add none', () => {
    const html = renderGfm(files['README.md'] ?? '');
    // Products: hostile and sentry; then one card each.
    expect(html.match(/<li>/g)).toHaveLength(4);
    expect(html.match(/<h[1-6]>/g)).toHaveLength(4);
    expect(html.match(/<table>/g)).toBeNull();
    const persona = renderGfm(files['hostile/hostile-injector.md'] ?? '');
    const headings = persona.match(/<h[1-6]>/g) ?? [];
    // h1 title + 13 sections + composability + history + contribute + source.
    expect(headings).toHaveLength(18);
    expect(persona.match(/<table>/g)).toBeNull();
  });
});
