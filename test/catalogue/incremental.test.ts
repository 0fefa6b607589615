import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { syncCatalogueFolder } from '../../scripts/apply/apply-catalogue-plan.ts';
// @ts-expect-error: plain ESM build script without type declarations
import { bundleOptions } from '../../scripts/build/bundle.mjs';
import {
  type CatalogueManifest,
  deltaSize,
  emptyManifest,
  keepAsDelta,
  MANIFEST_VERSION,
  manifestDelta,
  parseManifest,
  parseManifestFile,
  type StoredManifest,
  serializeManifest,
  serializeManifestDelta,
  withDelta,
} from '../../scripts/plan/catalogue/catalogue-manifest.ts';
import { rememberPersonas } from '../../scripts/plan/catalogue/reuse-personas.ts';
import { toolStateFor } from '../../scripts/read/tool-state.ts';
import type { CataloguePersona } from '../../scripts/render/catalogue/catalogue-persona.ts';
import { renderCatalogue } from '../../scripts/render/catalogue/render-catalogue.ts';
import { listFiles } from '../helpers/golden.ts';
import { runCli, testStateDir } from '../helpers/run-cli.ts';
import { FIXTURES, generateLibrary, scratchCopy, TEST_OPTIONS } from './catalogue-helpers.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'persona-incremental-'));
  dirs.push(dir);
  return dir;
}

const write = (personas: readonly CataloguePersona[], dir: string, previous: CatalogueManifest) =>
  syncCatalogueFolder(personas, TEST_OPTIONS, dir, { check: false, previous, pages: { workers: 0 } });

/** A full, manifest-free comparison: what `--check` does. */
async function expectCurrent(personas: readonly CataloguePersona[], dir: string): Promise<void> {
  const check = await syncCatalogueFolder(personas, TEST_OPTIONS, dir, {
    check: true,
    previous: emptyManifest(),
    pages: { workers: 0 },
  });
  expect(check.changed.map((c) => c.path)).toEqual([]);
  expect(check.stale).toEqual([]);
}

function edited(
  personas: CataloguePersona[],
  slug: string,
  change: (p: CataloguePersona) => CataloguePersona,
) {
  return personas.map((p) => (p.slug === slug ? change(structuredClone(p)) : p));
}

describe('incremental catalogue on a large library (every split in effect)', () => {
  const dir = tempDir();
  let personas = generateLibrary(1200, 12);
  let manifest = emptyManifest();
  const pageOf = (p: CataloguePersona) => `${p.product}/${p.slug}.md`;

  it('a first run writes everything', async () => {
    const first = await write(personas, dir, manifest);
    expect(first.tooLarge).toEqual([]);
    expect(first.changed.length).toBeGreaterThan(1200);
    expect(first.renderedPages).toHaveLength(1200);
    manifest = first.manifest;
    const again = await write(personas, dir, manifest);
    expect(again.changed).toEqual([]);
    expect(again.renderedPages).toEqual([]);
    manifest = again.manifest;
  });

  it('an edited section re-renders only that page and rewrites only it and its product exports', async () => {
    const target = personas[5] as CataloguePersona;
    personas = edited(personas, target.slug, (p) => ({ ...p, context: 'A new context, written today.' }));
    const run = await write(personas, dir, manifest);
    manifest = run.manifest;
    expect(run.renderedPages).toEqual([pageOf(target)]);
    expect(run.changed.map((c) => c.path)).toEqual(
      [pageOf(target), `${target.product}/personas.csv`, `${target.product}/personas.json`].sort(),
    );
    await expectCurrent(personas, dir);
  });

  it('a renamed title re-renders the pages that link to it, its product index, tags and graph', async () => {
    const target = personas[7] as CataloguePersona;
    const linking = personas.filter((p) => p.composability.some((l) => l.persona === target.slug));
    expect(linking.length).toBeGreaterThan(0);
    personas = edited(personas, target.slug, (p) => ({ ...p, title: 'A Persona With a New Name' }));
    const run = await write(personas, dir, manifest);
    manifest = run.manifest;
    expect(run.renderedPages.sort()).toEqual([target, ...linking].map(pageOf).sort());
    const changed = run.changed.map((c) => c.path);
    expect(changed).toContain(`${target.product}/README.md`);
    expect(changed.filter((f) => f === 'graph.md' || f === `${target.product}/graph.md`)).toHaveLength(1);
    for (const tag of target.tags) expect(changed).toContain(`_tags/${tag}.md`);
    await expectCurrent(personas, dir);
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
    const run = await write(personas, dir, manifest);
    manifest = run.manifest;
    expect(run.stale).toContain(pageOf(target));
    await expectCurrent(personas, dir);
  });

  it('a new tag on one persona updates the pages that list that tag', async () => {
    const target = personas[20] as CataloguePersona;
    personas = edited(personas, target.slug, (p) => ({ ...p, tags: [...p.tags, 'brand-new-tag'] }));
    const run = await write(personas, dir, manifest);
    manifest = run.manifest;
    expect(run.renderedPages).toEqual([pageOf(target)]);
    expect(run.changed.map((c) => c.path)).toContain('_tags/brand-new-tag.md');
    await expectCurrent(personas, dir);
  });

  it('a page edited by hand is noticed (its size and time changed) and restored', async () => {
    const target = personas[30] as CataloguePersona;
    const file = path.join(dir, pageOf(target));
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, `${original}\nHand-written.\n`);
    const run = await write(personas, dir, manifest);
    manifest = run.manifest;
    expect(run.changed.map((c) => c.path)).toEqual([pageOf(target)]);
    expect(readFileSync(file, 'utf8')).toBe(original);
  });

  it('a manifest written and read back is the same manifest', () => {
    expect(parseManifest(serializeManifest(manifest, 'fp', 'id'), 'fp')).toEqual(manifest);
  });
});

describe('a delta over the full manifest', () => {
  const dir = tempDir();
  let personas = generateLibrary(300, 6);
  let base: StoredManifest;
  let latest: CatalogueManifest;
  const stamps = new Map(personas.map((p, index) => [p.file, { size: 100 + index, mtimeMs: 1.5 * index }]));
  const deltaText = (next: CatalogueManifest) => serializeManifestDelta(manifestDelta(base, next), 'fp');

  it('holds only what changed, and laid over the full manifest gives the later one', async () => {
    const first = await write(personas, dir, emptyManifest());
    first.manifest.personas = rememberPersonas(personas, first.digests, stamps);
    base = parseManifestFile(serializeManifest(first.manifest, 'fp', 'full-1'), 'fp') as StoredManifest;
    expect(base.manifest).toEqual(first.manifest);
    const target = personas[4] as CataloguePersona;
    personas = edited(personas, target.slug, (p) => ({ ...p, context: 'Edited.' }));
    stamps.set(target.file, { size: 1, mtimeMs: 2 });
    const run = await write(personas, dir, base.manifest);
    run.manifest.personas = rememberPersonas(personas, run.digests, stamps);
    latest = run.manifest;
    const delta = manifestDelta(base, latest);
    expect([...delta.changes.files.keys()].sort()).toEqual(run.changed.map((c) => c.path).sort());
    expect([...delta.changes.units.keys()]).toContain(`${target.product}/${target.slug}.md`);
    expect([...delta.changes.personas.keys()]).toEqual([target.file]);
    expect(delta.removed).toEqual({ units: [], files: [], personas: [] });
    expect(deltaSize(delta)).toBeLessThan(10);
    expect(keepAsDelta(delta, latest)).toBe(true);
    // A run that replaced most of the manifest writes it whole.
    expect(keepAsDelta(manifestDelta(base, emptyManifest()), emptyManifest())).toBe(false);
    expect(withDelta(base, deltaText(latest), 'fp')).toEqual(latest);
  });

  it('lists the files, units and personas a later run no longer has', async () => {
    const target = personas[9] as CataloguePersona;
    const rest = personas.filter((p) => p !== target);
    const run = await write(rest, dir, withDelta(base, deltaText(latest), 'fp'));
    run.manifest.personas = rememberPersonas(rest, run.digests, stamps);
    const delta = manifestDelta(base, run.manifest);
    const page = `${target.product}/${target.slug}.md`;
    expect(delta.removed).toEqual({ units: [page], files: [page], personas: [target.file] });
    expect(withDelta(base, deltaText(run.manifest), 'fp')).toEqual(run.manifest);
  });

  it.each([
    ['missing', () => null],
    ['not JSON', () => '{"base":'],
    ['for another full manifest', () => deltaText(latest).replace('"base":"full-1"', '"base":"full-0"')],
    ['of another fingerprint', () => serializeManifestDelta(manifestDelta(base, latest), 'other')],
    ['with a malformed entry', () => deltaText(latest).replace(/"files":\{"[^"]+":\[/, '$&-1,')],
    ['without its removed keys', () => deltaText(latest).replace(/,"removed":.*\}/, '}')],
  ])('%s is ignored whole', (_, text) => {
    expect(withDelta(base, text(), 'fp')).toBe(base.manifest);
  });
});

describe('the manifest is only ever a hint', () => {
  it.each([
    ['not JSON', '{"version":'],
    [
      'another version',
      JSON.stringify({ version: MANIFEST_VERSION + 1, fingerprint: 'fp', units: {}, files: {} }),
    ],
    [
      'another fingerprint',
      JSON.stringify({ version: MANIFEST_VERSION, fingerprint: 'other', units: {}, files: {} }),
    ],
    [
      'a malformed unit',
      JSON.stringify({ version: MANIFEST_VERSION, fingerprint: 'fp', units: { a: [1] }, files: {} }),
    ],
    [
      'a malformed file',
      JSON.stringify({
        version: MANIFEST_VERSION,
        fingerprint: 'fp',
        units: {},
        files: { a: ['x', -1.5, 0] },
      }),
    ],
    ['an array', '[]'],
    ['null', 'null'],
  ])('%s reads as an empty manifest', (_, text) => {
    expect(parseManifest(text, 'fp')).toEqual(emptyManifest());
  });

  it('a run with a corrupt manifest renders everything and writes nothing that is current', async () => {
    const personas = generateLibrary(40, 3);
    const dir = tempDir();
    await write(personas, dir, emptyManifest());
    const run = await write(personas, dir, parseManifest('{corrupt', 'fp'));
    expect(run.renderedPages).toHaveLength(40);
    expect(run.changed).toEqual([]);
  });
});

describe('persona catalogue (the command) with a manifest', () => {
  const SMALL = path.join(FIXTURES, 'small-library', 'input');

  it('--check finds a hand-edited page even when the manifest says it is current', async () => {
    const root = scratchCopy(SMALL);
    dirs.push(root);
    expect((await runCli(['catalogue', '--root', root])).code).toBe(0);
    const page = path.join(root, 'catalogue', 'sentry', 'sentry-error-monitor.md');
    const before = statSync(page);
    const text = readFileSync(page, 'utf8');
    // Same size, same modification time: only the bytes tell.
    writeFileSync(page, text.replace('Aha moment', 'Aha MOMENT'));
    utimesSync(page, before.atime, before.mtime);
    const check = await runCli(['catalogue', '--root', root, '--check']);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('catalogue/sentry/sentry-error-monitor.md:');
    expect(check.stdout).toContain('[catalogue/stale]');
  });

  it('a warm run after one persona changed renders only the pages that depend on it', async () => {
    const root = scratchCopy(SMALL);
    dirs.push(root);
    expect((await runCli(['catalogue', '--root', root])).code).toBe(0);
    const source = path.join(root, 'personas', 'pagerduty', 'pagerduty-on-call-engineer.yaml');
    writeFileSync(source, readFileSync(source, 'utf8').replace(/^context: .*$/m, 'context: Edited context.'));
    const run = await runCli(['catalogue', '--root', root]);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n').filter((line) => /^(created|updated|removed) /.test(line))).toEqual([
      'updated catalogue/pagerduty/pagerduty-on-call-engineer.md',
      'updated catalogue/personas.csv',
      'updated catalogue/personas.json',
    ]);
    expect((await runCli(['catalogue', '--root', root, '--check'])).code).toBe(0);
    // The run recorded its few changes as a delta next to the full manifest, and the next run reads both.
    const cache = readdirSync(
      path.join(toolStateFor(root, { PERSONA_STATE_DIR: testStateDir() }).dir, 'cache'),
    );
    expect(
      cache.filter((file) => file.startsWith('catalogue-')).map((file) => file.replace(/-\w+\./, '-<out>.')),
    ).toEqual(['catalogue-<out>.delta.json', 'catalogue-<out>.json']);
    expect((await runCli(['catalogue', '--root', root])).stdout).toMatch(
      / 0 files written, 0 files removed,/,
    );
  });
});

describe('rendering on worker threads', () => {
  it('writes exactly what rendering in memory produces', async () => {
    const out = tempDir();
    await build({
      ...bundleOptions,
      entryPoints: { 'catalogue-worker': 'scripts/render/catalogue/render-worker.ts' },
      outdir: out,
    });
    const personas = generateLibrary(150, 4);
    const dir = tempDir();
    const run = await syncCatalogueFolder(personas, TEST_OPTIONS, dir, {
      check: false,
      previous: emptyManifest(),
      pages: { workers: 2, workerFile: new URL(`file://${path.join(out, 'catalogue-worker.mjs')}`) },
    });
    expect(run.renderedPages).toHaveLength(150);
    const expected = renderCatalogue(personas, TEST_OPTIONS).files;
    expect(listFiles(dir)).toEqual([...expected.keys()].sort());
    for (const [file, text] of expected) expect(readFileSync(path.join(dir, file), 'utf8'), file).toBe(text);
  });
});
