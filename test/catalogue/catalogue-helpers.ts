import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import GithubSlugger from 'github-slugger';
import {
  type CataloguePersona,
  type PersonaLink,
  toCataloguePersona,
} from '../../scripts/core/catalogue-persona.ts';
import { LIST_FIELDS, TEXT_FIELDS } from '../../scripts/core/persona-fields.ts';
import { REPOSITORY_URL } from '../../scripts/core/repository.ts';
import { validateLibrary } from '../../scripts/pipeline/validate-library.ts';
import { renderCatalogue } from '../../scripts/render/catalogue/render-catalogue.ts';
import { renderGfmBoth } from '../helpers/render-gfm.ts';
import { REPO_ROOT } from '../helpers/run-cli.ts';

export const FIXTURES = path.join(REPO_ROOT, 'test/fixtures/catalogue');
export const CASES = ['small-library', 'hostile-text'] as const;

export const TEST_OPTIONS = {
  repositoryUrl: REPOSITORY_URL,
  branch: 'main',
  rootFromCatalogue: '..',
  outDir: 'catalogue',
};

/** The valid personas of a library folder, read through the same pipeline as the CLI. */
export async function loadPersonas(root: string): Promise<CataloguePersona[]> {
  return (await loadLibrary(root)).personas;
}

/** The valid personas of a library folder and its tag descriptions, read through the same pipeline as the CLI. */
export async function loadLibrary(
  root: string,
): Promise<{ personas: CataloguePersona[]; tagDescriptions: ReadonlyMap<string, string> }> {
  const library = await validateLibrary(root);
  const errors = library.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0)
    throw new Error(`fixture ${root} has errors: ${errors.map((e) => e.rule).join(', ')}`);
  const personas = library.personas.flatMap((facts) =>
    facts.data ? [toCataloguePersona(facts.file, facts.data)] : [],
  );
  return { personas, tagDescriptions: library.tagDescriptions };
}

/** The as-of date the fixtures are rendered at, so their freshness marks never depend on the day. */
export const FIXTURE_AS_OF = '2026-12-01';

export async function renderFixture(root: string): Promise<Record<string, string>> {
  const { personas, tagDescriptions } = await loadLibrary(root);
  const { files, diagnostics } = renderCatalogue(personas, TEST_OPTIONS, undefined, {
    tagDescriptions,
    freshness: { asOf: FIXTURE_AS_OF, reviewMonths: 12 },
  });
  if (diagnostics.length > 0) throw new Error(diagnostics.map((d) => d.message).join('\n'));
  return Object.fromEntries(files);
}

/** A temp library root holding a copy of `from`'s personas (and its tag vocabulary, when it has one). */
export function scratchCopy(from: string): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'persona-catalogue-'));
  cpSync(path.join(from, 'personas'), path.join(root, 'personas'), { recursive: true });
  if (existsSync(path.join(from, 'tags.yaml')))
    cpSync(path.join(from, 'tags.yaml'), path.join(root, 'tags.yaml'));
  return root;
}

/** RFC 4180 parser (quoted fields, doubled quotes, line breaks inside quotes), for the round-trip test. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += char;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

/** The inverse of the CSV cell encoding: one leading `'` off, then lists split and unescaped. */
export function csvText(cell: string): string {
  return cell.startsWith("'") ? cell.slice(1) : cell;
}

export function csvList(cell: string): string[] {
  const text = csvText(cell);
  if (text === '') return [];
  return text
    .split('\n')
    .map((item) => item.replace(/\\(\\|n)/g, (_, c: string) => (c === 'n' ? '\n' : '\\')));
}

/** What would make rendered HTML dangerous: an active script, an event-handler attribute, a javascript: link. */
export function activeHtml(html: string): string[] {
  const found: string[] = [];
  if (/<script\b/i.test(html)) found.push('<script>');
  if (/<[a-z][^>]*\son[a-z]+\s*=/i.test(html)) found.push('on*= attribute');
  if (/<[a-z][^>]*(href|src)\s*=\s*["']?\s*javascript:/i.test(html)) found.push('javascript: link');
  return found;
}

function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&');
}

/** The anchors GitHub gives the headings of a rendered page: github-slugger over their text, in order. */
function headingAnchors(html: string): Set<string> {
  const slugger = new GithubSlugger();
  const anchors = new Set<string>();
  for (const [, inner] of html.matchAll(/<h[1-6]>([\s\S]*?)<\/h[1-6]>/g))
    anchors.add(slugger.slug(decodeEntities((inner ?? '').replace(/<[^>]*>/g, ''))));
  return anchors;
}

/** A contributor's profile: `https://github.com/<login>`, a login as the schema allows it. */
const GITHUB_PROFILE = /^https:\/\/github\.com\/[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;

/**
 * Renders `pages` (relative to `<root>/<catalogue>`) as GitHub's GFM does and lists every problem: active HTML
 * (looked for with the tag filter off), a link to a site other than the repository, a relative link to a missing file or out of the library, a `#anchor`
 * that no heading of the target page produces (github-slugger, as GitHub does).
 */
export function checkRenderedPages(
  root: string,
  catalogueFolder: string,
  pages: readonly string[],
): { checked: number; problems: string[] } {
  const catalogue = path.join(root, catalogueFolder);
  const problems: string[] = [];
  // Each page is parsed once, whether it is checked, the target of an anchor, or both.
  const renderings = new Map<string, { html: string; unfiltered: string }>();
  const renderingOf = (page: string) => {
    let rendering = renderings.get(page);
    if (!rendering) {
      rendering = renderGfmBoth(readFileSync(path.join(catalogue, page), 'utf8'));
      renderings.set(page, rendering);
    }
    return rendering;
  };
  const anchorCache = new Map<string, Set<string>>();
  const anchorsOf = (page: string) => {
    let anchors = anchorCache.get(page);
    if (!anchors) {
      anchors = headingAnchors(renderingOf(page).html);
      anchorCache.set(page, anchors);
    }
    return anchors;
  };
  let checked = 0;
  for (const page of pages) {
    const { html: body, unfiltered } = renderingOf(page);
    for (const found of activeHtml(unfiltered)) problems.push(`${page}: ${found}`);
    for (const [, raw] of body.matchAll(/href="([^"]*)"/g)) {
      const href = decodeEntities(raw ?? '');
      checked++;
      if (/^[a-z]+:/i.test(href)) {
        // The repository, and contributors' GitHub profiles (credited by link, never by @mention).
        if (!href.startsWith(`${REPOSITORY_URL}/`) && !GITHUB_PROFILE.test(href))
          problems.push(`${page}: foreign link ${href.slice(0, 80)}`);
        continue;
      }
      const [target = '', fragment] = href.split('#');
      const resolved =
        target === ''
          ? page
          : path.posix.normalize(path.posix.join(path.posix.dirname(page), decodeURIComponent(target)));
      const onDisk = path.join(catalogue, resolved);
      if (path.relative(root, onDisk).startsWith('..')) problems.push(`${page}: ${href} leaves the library`);
      else if (!existsSync(onDisk)) problems.push(`${page}: ${href} points at a missing file`);
      else if (fragment !== undefined) {
        if (!resolved.endsWith('.md'))
          problems.push(`${page}: ${href} is an anchor into a file that is not a page`);
        else if (!anchorsOf(resolved).has(fragment)) problems.push(`${page}: ${href} has no such heading`);
      }
    }
  }
  return { checked, problems };
}

/**
 * A generated library: `count` personas over `products` products, each with long texts and 12 tags (or the
 * given `tags`, all of them on every persona), linked in mutual pairs inside their product and one-way to the
 * next product, so every large-library split kicks in.
 */
export function generateLibrary(
  count: number,
  products: number,
  options: { tags?: readonly string[] } = {},
): CataloguePersona[] {
  const sentence = (n: number) =>
    `Persona ${n} works through a specific, concrete situation with numbers like ${n * 7} and tools alongside. `
      .repeat(3)
      .trim();
  return Array.from({ length: count }, (_, index) => {
    const product = `product-${String(index % products).padStart(2, '0')}`;
    const slug = `${product}-persona-${index}`;
    const composability: PersonaLink[] = [];
    const partner = index % (products * 2) < products ? index + products : index - products;
    if (partner < count)
      composability.push({
        persona: `product-${String(partner % products).padStart(2, '0')}-persona-${partner}`,
        relation: 'pairs-with',
        note: 'They work the same queue.',
      });
    if (index + 1 < count)
      composability.push({
        persona: `product-${String((index + 1) % products).padStart(2, '0')}-persona-${index + 1}`,
        relation: 'use-with',
        note: 'One uses the other product alongside.',
      });
    const persona: Record<string, unknown> = {
      file: `personas/${product}/${slug}.yaml`,
      id: `APP-${1000 + index}`,
      slug,
      title: `The Generated Persona Number ${index} of a Very Large Library`,
      product,
      category: 'technical',
      tags: options.tags
        ? [...options.tags]
        : Array.from({ length: 12 }, (_, t) => `generated-tag-${(index + t * 17) % 240}`),
      composability,
    };
    for (const field of TEXT_FIELDS) persona[field] = sentence(index);
    for (const field of LIST_FIELDS)
      persona[field] = [sentence(index), sentence(index + 1), sentence(index + 2)];
    return persona as CataloguePersona;
  });
}
