import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FAST_KIT } from '../../scripts/accel/fast-kit.ts';
import { MAX_CATALOGUE_FILE_BYTES } from '../../scripts/render/catalogue/catalogue-limits.ts';
import { MERMAID_MAX_CHARS } from '../../scripts/render/catalogue/mermaid-flowchart.ts';
import { renderCatalogue } from '../../scripts/render/catalogue/render-catalogue.ts';
import {
  checkRenderedPages,
  generateLibrary,
  parseCsv,
  TEST_OPTIONS,
} from '../catalogue/catalogue-helpers.ts';

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

describe('a library of 1,200 personas', () => {
  const personas = generateLibrary(1200, 12);
  const { files, diagnostics } = renderCatalogue(personas, TEST_OPTIONS, FAST_KIT);

  it('keeps every generated file under 500 KB', () => {
    expect(diagnostics).toEqual([]);
    for (const [file, text] of files)
      expect(Buffer.byteLength(text), file).toBeLessThanOrEqual(MAX_CATALOGUE_FILE_BYTES);
  });

  it('splits the index, the tag index and the exports by product or tag', () => {
    const readme = files.get('README.md') ?? '';
    expect(readme).not.toContain('- [The Generated Persona');
    expect(readme).toContain('](product-00/README.md)');
    for (let p = 0; p < 12; p++)
      expect(files.get(`product-${String(p).padStart(2, '0')}/README.md`)).toContain(
        '- [The Generated Persona',
      );
    expect(files.get('tags.md')).toContain('](_tags/generated-tag-0.md)');
    expect([...files.keys()].filter((file) => file.startsWith('_tags/'))).toHaveLength(240);
    expect(files.has('personas.csv')).toBe(false);
    const manifest = JSON.parse(files.get('personas.json') ?? '');
    expect(manifest.parts.json.length).toBeGreaterThanOrEqual(12);
    const ids = manifest.parts.json.flatMap((part: string) =>
      JSON.parse(files.get(part) ?? '').personas.map((p: { id: string }) => p.id),
    );
    expect(ids.sort()).toEqual(personas.map((p) => p.id).sort());
    const rows = manifest.parts.csv.flatMap((part: string) => parseCsv(files.get(part) ?? '').slice(1));
    expect(rows).toHaveLength(1200);
  });

  it('draws Mermaid charts per product, each small enough for GitHub', () => {
    const graphs = [...files]
      .filter(([file]) => file === 'graph.md' || /\/graph(\.part-\d+)?\.md$/.test(file))
      .flatMap(([, text]) => [...text.matchAll(/```mermaid\n([\s\S]*?)```/g)].map((m) => m[1] ?? ''));
    expect(graphs.length).toBeGreaterThanOrEqual(12);
    for (const graph of graphs) expect(graph.length).toBeLessThanOrEqual(MERMAID_MAX_CHARS);
  });

  it('has a page per persona, and the split pages link correctly (rendered as GFM)', () => {
    for (const persona of personas) expect(files.has(`${persona.product}/${persona.slug}.md`)).toBe(true);
    const root = mkdtempSync(path.join(os.tmpdir(), 'persona-large-'));
    roots.push(root);
    for (const [file, text] of files) {
      mkdirSync(path.dirname(path.join(root, 'catalogue', file)), { recursive: true });
      writeFileSync(path.join(root, 'catalogue', file), text);
    }
    for (const persona of personas) {
      mkdirSync(path.join(root, 'personas', persona.product), { recursive: true });
      writeFileSync(path.join(root, persona.file), '');
    }
    // Every page that is not a persona page, plus the first persona page of each product.
    const pages = [...files.keys()].filter(
      (file) =>
        file.endsWith('.md') && (!/^product-\d+\/product-/.test(file) || /-persona-\d\.md$/.test(file)),
    );
    const { checked, problems } = checkRenderedPages(root, 'catalogue', pages);
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(1000);
  });
});
