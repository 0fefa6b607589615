import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, expect, it } from 'vitest';
import { Document } from 'yaml';
import { setAccelerated } from '../../scripts/accel/switch.ts';
import type { CataloguePersona } from '../../scripts/core/catalogue-persona.ts';
import { canonicalYaml } from '../../scripts/parse/canonical-yaml.ts';
import { buildCatalogue, type CatalogueRunOptions } from '../../scripts/pipeline/build-catalogue.ts';
import { PERSONA_CANONICAL_OPTIONS } from '../../scripts/plan/format-persona-source.ts';
import { exportPersonaData } from '../../scripts/render/catalogue/export-persona-data.ts';
import { renderCatalogue } from '../../scripts/render/catalogue/render-catalogue.ts';
import { listFiles } from '../helpers/golden.ts';
import { generateLibrary, TEST_OPTIONS } from './catalogue-helpers.ts';

export const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});
afterEach(() => setAccelerated(undefined));
export function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'persona-incremental-'));
  dirs.push(dir);
  return dir;
}

/** A library on disk holding exactly `personas`, each in canonical YAML. */
export function writeLibrary(root: string, personas: readonly CataloguePersona[]): void {
  rmSync(path.join(root, 'personas'), { recursive: true, force: true });
  for (const persona of personas) {
    const file = path.join(root, persona.file);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, canonicalYaml(new Document(exportPersonaData(persona)), PERSONA_CANONICAL_OPTIONS));
  }
}

export const state = tempDir();
const runOptions = (root: string, extra: Partial<CatalogueRunOptions> = {}): CatalogueRunOptions => ({
  outDir: path.join(root, 'catalogue'),
  options: TEST_OPTIONS,
  check: false,
  keepGoing: true,
  env: { PERSONA_STATE_DIR: state },
  ...extra,
});

export async function catalogue(root: string, extra: Partial<CatalogueRunOptions> = {}) {
  const run = await buildCatalogue(root, runOptions(root, extra));
  if (run.kind !== 'done') throw new Error(`catalogue run ${run.kind}: ${JSON.stringify(run.diagnostics)}`);
  return run;
}

/** The folder holds exactly what rendering the personas in memory, with the reference kit, gives. */
export function expectExactly(root: string, personas: readonly CataloguePersona[]): void {
  const expected = renderCatalogue(personas, TEST_OPTIONS).files;
  const dir = path.join(root, 'catalogue');
  expect(listFiles(dir)).toEqual([...expected.keys()].sort());
  for (const [file, text] of expected) expect(readFileSync(path.join(dir, file), 'utf8'), file).toBe(text);
}

export function edited(
  personas: CataloguePersona[],
  slug: string,
  change: (p: CataloguePersona) => CataloguePersona,
) {
  return personas.map((p) => (p.slug === slug ? change(structuredClone(p)) : p));
}

export const pageOf = (p: CataloguePersona) => `${p.product}/${p.slug}.md`;

/**
 * The incremental catalogue's cases on a library of `count` personas over `products` products; the slow project
 * runs them where every large-library split is in effect.
 */
export function incrementalCases(count: number, products: number): void {
  // These cases are about the accelerator's store: on, whatever PERSONA_ACCEL says.
  beforeEach(() => setAccelerated(true));
  const root = tempDir();
  let personas = generateLibrary(count, products);
  writeLibrary(root, personas);

  it('a first run renders and writes everything; a second renders nothing', async () => {
    const first = await catalogue(root);
    expect(first.changed.length).toBeGreaterThan(count);
    expect(first.rendered.filter((key) => /^product-\d+\/product-.*\.md$/.test(key))).toHaveLength(count);
    const again = await catalogue(root);
    expect(again.changed).toEqual([]);
    expect(again.rendered).toEqual([]);
    expect(again.unchanged).toBe(first.changed.length);
    expectExactly(root, personas);
  });

  it('an edited section renders only its page and the exports that hold it', async () => {
    const target = personas[5] as CataloguePersona;
    personas = edited(personas, target.slug, (p) => ({ ...p, context: 'A new context, written today.' }));
    writeLibrary(root, personas);
    const split = existsSync(path.join(root, 'catalogue', target.product, 'personas.json'));
    const run = await catalogue(root);
    const ownExport = `${target.product}/${target.slug}.json`;
    expect(run.rendered.sort()).toEqual(
      [pageOf(target), ownExport, split ? `exports/${target.product}` : 'exports'].sort(),
    );
    const exports = split
      ? [`${target.product}/personas.csv`, `${target.product}/personas.json`]
      : ['personas.csv', 'personas.json'];
    expect(run.changed.map((c) => c.path)).toEqual([pageOf(target), ownExport, ...exports].sort());
    expectExactly(root, personas);
  });

  it('a renamed title renders the pages that link to it, and the pages made from the whole library', async () => {
    const target = personas[7] as CataloguePersona;
    const linking = personas.filter((p) => p.composability.some((l) => l.persona === target.slug));
    expect(linking.length).toBeGreaterThan(0);
    personas = edited(personas, target.slug, (p) => ({ ...p, title: 'A Persona With a New Name' }));
    writeLibrary(root, personas);
    const run = await catalogue(root);
    const pages = run.rendered.filter((key) => /^product-\d+\/product-.*\.md$/.test(key));
    expect(pages.sort()).toEqual([target, ...linking].map(pageOf).sort());
    const changed = run.changed.map((c) => c.path);
    expect(changed).toContain(`${target.product}/README.md`);
    for (const tag of target.tags) expect(changed).toContain(`_tags/${tag}.md`);
    expectExactly(root, personas);
  });

  it('a removed persona (and the links to it) removes its page and updates the rest', async () => {
    const target = personas[11] as CataloguePersona;
    personas = personas
      .filter((p) => p.slug !== target.slug)
      .map((p) =>
        p.composability.some((l) => l.persona === target.slug)
          ? { ...p, composability: p.composability.filter((l) => l.persona !== target.slug) }
          : p,
      );
    writeLibrary(root, personas);
    const run = await catalogue(root);
    expect(run.stale).toContain(pageOf(target));
    expectExactly(root, personas);
  });

  it('a page edited by hand is noticed and restored, even with its size and modification time put back', async () => {
    const target = personas[20] as CataloguePersona;
    const file = path.join(root, 'catalogue', pageOf(target));
    const original = readFileSync(file, 'utf8');
    const before = statSync(file);
    writeFileSync(file, original.replace('Aha moment', 'Aha MOMENT'));
    utimesSync(file, before.atime, before.mtime);
    const run = await catalogue(root);
    expect(run.changed.map((c) => c.path)).toEqual([pageOf(target)]);
    expect(readFileSync(file, 'utf8')).toBe(original);
  });
}
