import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { personaText } from '../../bench/serialize.ts';
import { buildCatalogue } from '../../scripts/pipeline/build-catalogue.ts';
import { MAX_CATALOGUE_FILE_BYTES } from '../../scripts/render/catalogue/catalogue-limits.ts';
import { checkRenderedPages, generateLibrary, TEST_OPTIONS } from '../catalogue/catalogue-helpers.ts';
import { listFiles } from '../helpers/golden.ts';

/**
 * The catalogue at 10,000 and 50,000 personas that all carry the same five tags: before listing pages split into
 * numbered parts, `_tags/<tag>.md` passed the 500 KB cap at about 5,800 personas and the whole run failed after
 * rendering every page. The runs go through `persona catalogue`'s pipeline with the accelerator (worker pool,
 * fast kit); their times are printed, never asserted.
 */
const SHARED_TAGS = ['shared-alpha', 'shared-beta', 'shared-gamma', 'shared-delta', 'shared-epsilon'];

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

function writeLibrary(count: number): string {
  const root = mkdtempSync(path.join(os.tmpdir(), `persona-shared-tags-${count}-`));
  roots.push(root);
  for (const persona of generateLibrary(count, 50, { tags: SHARED_TAGS })) {
    const { file, ...data } = persona;
    mkdirSync(path.join(root, path.dirname(file)), { recursive: true });
    writeFileSync(path.join(root, file), personaText(data));
  }
  return root;
}

describe.each([10_000, 50_000])('%i personas sharing the same 5 tags', (count) => {
  it('renders a catalogue whose every file is at most 500 KB, the tags in numbered parts', async () => {
    const root = writeLibrary(count);
    const outDir = path.join(root, 'catalogue');
    const started = performance.now();
    const run = await buildCatalogue(root, {
      outDir,
      options: TEST_OPTIONS,
      check: false,
      keepGoing: false,
      env: { ...process.env, PERSONA_STATE_DIR: path.join(root, '.state') },
    });
    const seconds = (performance.now() - started) / 1000;
    expect(run.kind, JSON.stringify(run).slice(0, 2000)).toBe('done');
    const files = listFiles(outDir);
    let largest = { file: '', bytes: 0 };
    for (const file of files) {
      const bytes = statSync(path.join(outDir, file)).size;
      expect(bytes, file).toBeLessThanOrEqual(MAX_CATALOGUE_FILE_BYTES);
      if (bytes > largest.bytes) largest = { file, bytes };
    }
    // Each tag's parts hold every persona once, and link each other.
    for (const tag of SHARED_TAGS) {
      const parts = files.filter((f) => f === `_tags/${tag}.md` || f.startsWith(`_tags/${tag}.part-`));
      expect(parts.length).toBeGreaterThan(1);
      const cards = parts
        .map((part) => readFileSync(path.join(outDir, part), 'utf8').match(/^- \[/gm)?.length ?? 0)
        .reduce((a, b) => a + b, 0);
      expect(cards).toBe(count);
    }
    // The first tag's parts, a category's parts and a product page, rendered as GFM: every link resolves.
    const sample = files.filter(
      (f) =>
        f.startsWith(`_tags/${SHARED_TAGS[0]}`) ||
        f === 'README.md' ||
        f === 'tags.md' ||
        f === 'graph.md' ||
        f === 'product-00/README.md',
    );
    const { problems } = checkRenderedPages(root, 'catalogue', sample);
    expect(problems.slice(0, 10)).toEqual([]);
    console.log(
      `${count.toLocaleString('en-US')} personas sharing 5 tags: catalogue in ${seconds.toFixed(1)} s, ${files.length.toLocaleString('en-US')} files, largest ${largest.file} at ${(largest.bytes / 1000).toFixed(0)} KB`,
    );
    // 50,000 personas took 425 s on a 2-core machine: room for a loaded CI machine.
  }, 1_200_000);
});
