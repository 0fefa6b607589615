import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { personaOutline } from '../../scripts/core/catalogue-persona.ts';
import { LIST_FIELDS, SECTION_ORDER, TEXT_FIELDS } from '../../scripts/core/persona-fields.ts';
import { renderCatalogue } from '../../scripts/render/catalogue/render-catalogue.ts';
import { REPO_ROOT } from '../helpers/run-cli.ts';
import { FIXTURES, loadLibrary, renderFixture, TEST_OPTIONS } from './catalogue-helpers.ts';

const files = await renderFixture(path.join(FIXTURES, 'small-library', 'input'));
const monitor = files['sentry/sentry-error-monitor.md'] ?? '';
const links = (markdown: string) =>
  [...markdown.matchAll(/\[([^\]]*)\]\(([^)\s]*)\)/g)].map((m) => ({ label: m[1], href: m[2] ?? '' }));

describe('a persona page', () => {
  it('starts with the way back: ← All personas · product · category', () => {
    const [, , nav] = monitor.split('\n');
    expect(nav).toBe(
      '[← All personas](../README.md) · [sentry](README.md) · [technical](../_categories/technical.md)',
    );
  });

  it('links its own JSON export, shaped as one entry of personas.json', () => {
    expect(monitor).toContain('[JSON](sentry-error-monitor.json)');
    const own = JSON.parse(files['sentry/sentry-error-monitor.json'] ?? '');
    const all = JSON.parse(files['personas.json'] ?? '').personas as Array<{ slug: string }>;
    expect(own).toEqual(all.find((p) => p.slug === 'sentry-error-monitor'));
  });

  it('ends each section with one line: Confirm · Correct (· Add an item for a list), and no per-item links', () => {
    const formLinks = links(monitor).filter((l) => l.href.includes('/issues/new?'));
    const labels = formLinks.map((l) => l.label);
    expect(labels.filter((l) => l === 'Confirm')).toHaveLength(SECTION_ORDER.length);
    expect(labels.filter((l) => l === 'Correct')).toHaveLength(SECTION_ORDER.length);
    expect(labels.filter((l) => l === 'Add an item')).toHaveLength(LIST_FIELDS.length);
    expect(formLinks).toHaveLength(2 * SECTION_ORDER.length + LIST_FIELDS.length);
    for (const link of formLinks) expect(link.href).not.toMatch(/[?&]item=/);
    // A text field's correction carries its current text; a list's does not (the form asks for the item).
    const corrections = formLinks.filter((l) => l.label === 'Correct');
    expect(corrections.filter((l) => /[?&]text=/.test(l.href))).toHaveLength(TEXT_FIELDS.length);
    // One new-file link for Git users, and no other.
    expect(links(monitor).filter((l) => l.href.includes('/new/main/'))).toHaveLength(1);
  });

  it('names contributors as links to their GitHub profiles, never as @mentions', () => {
    expect(monitor).toContain(
      '[ada-l](https://github.com/ada-l), [grace-h](https://github.com/grace-h) and [octocat](https://github.com/octocat)',
    );
    expect(monitor).not.toMatch(/(^|[^\w`])@[A-Za-z0-9]/m);
  });

  it('counts confirmations, corrections and added items apart, so an extension is not called a confirmation', () => {
    expect(monitor).toContain(
      '**Community:** 4 confirmations · 1 correction · 2 added items · last reviewed 2026-11-20, by',
    );
  });

  it('shows the newest ten contributions, newest first, and where the rest are', () => {
    const history = monitor.slice(monitor.indexOf('## History'), monitor.indexOf('## Contribute'));
    const dates = [...history.matchAll(/^- (\d{4}-\d{2}-\d{2}) · /gm)].map((m) => m[1]);
    expect(dates).toHaveLength(10);
    expect([...dates].sort().reverse()).toEqual(dates);
    expect(history).toContain(
      '2 earlier contributions are in the [source YAML](../../personas/sentry/sentry-error-monitor.yaml)',
    );
    expect(history).toContain('(evidence: `https://example.com/notes/deploy-review`)');
  });

  it('marks a field whose last review is older than 12 months before the as-of date, and lists it in freshness.md', () => {
    const goals = monitor.slice(monitor.indexOf('## Goals'), monitor.indexOf('## Frustrations'));
    expect(goals).toContain('⚠ [needs review](../freshness.md)');
    expect(monitor.match(/needs review\]/g)).toHaveLength(1);
    expect(files['freshness.md']).toContain(
      '- 2025-06-01 · [The Sentry Error Monitor](sentry/sentry-error-monitor.md) · `APP-101` · Goals',
    );
  });
});

describe('the shipped library’s persona pages', async () => {
  const { personas, tagDescriptions } = await loadLibrary(REPO_ROOT);
  const rendered = renderCatalogue(personas, TEST_OPTIONS, undefined, { tagDescriptions }).files;
  const sizes = personas.map((p) => Buffer.byteLength(rendered.get(`${p.product}/${p.slug}.md`) ?? ''));

  it('are light: a typical page (the median) is at most 15 KB, and none passes 20 KB', () => {
    const median = [...sizes].sort((a, b) => a - b)[Math.floor(sizes.length / 2)] ?? 0;
    expect(median).toBeLessThanOrEqual(15_000);
    for (const size of sizes) expect(size).toBeLessThanOrEqual(20_000);
  });

  it('show a card per persona on the index, with its summary and aha excerpt', () => {
    const index = rendered.get('README.md') ?? '';
    for (const persona of personas) {
      const outline = personaOutline(persona);
      expect(index).toContain(
        `[${persona.title}](${persona.product}/${persona.slug}.md) · \`${persona.id}\``,
      );
      expect(index).toContain(outline.summary.slice(0, 40));
    }
  });

  it('have a page per tag in use with its description from tags.yaml', () => {
    for (const [tag, description] of tagDescriptions)
      if (personas.some((p) => p.tags.includes(tag)))
        expect(rendered.get(`_tags/${tag}.md`)).toContain(description);
  });
});
