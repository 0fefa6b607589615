import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listFiles } from '../helpers/golden.ts';
import { REPO_ROOT, runCli } from '../helpers/run-cli.ts';
import { CASES, checkRenderedPages, FIXTURES, scratchCopy } from './catalogue-helpers.ts';

const LIBRARIES: Array<[string, string]> = [
  ...CASES.map((name): [string, string] => [name, path.join(FIXTURES, name, 'input')]),
  ['the shipped library', REPO_ROOT],
];

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

describe('checkRenderedPages', () => {
  it('finds a missing file, a missing heading, a foreign link and active HTML (so a pass means something)', () => {
    const root = path.join(os.tmpdir(), `persona-links-${process.pid}`);
    roots.push(root);
    mkdirSync(path.join(root, 'catalogue'), { recursive: true });
    writeFileSync(
      path.join(root, 'catalogue', 'page.md'),
      '# Title\n\n[a](missing.md) [b](#nope) [c](#title) [d](https://evil.example) [e](../../outside.md)\n\n<script>x</script>\n',
    );
    const { checked, problems } = checkRenderedPages(root, 'catalogue', ['page.md']);
    expect(checked).toBe(5);
    expect(problems).toEqual([
      'page.md: <script>',
      'page.md: missing.md points at a missing file',
      'page.md: #nope has no such heading',
      'page.md: foreign link https://evil.example',
      'page.md: ../../outside.md leaves the library',
    ]);
  });
});

describe.each(LIBRARIES)('%s: every generated page, rendered as GFM', (_name, library) => {
  it('links only to files and headings that exist, and to the repository on GitHub', async () => {
    const root = scratchCopy(library);
    roots.push(root);
    const result = await runCli(['catalogue', '--root', root]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);

    const catalogue = path.join(root, 'catalogue');
    const pages = listFiles(catalogue).filter((file) => file.endsWith('.md'));
    expect(pages.length).toBeGreaterThan(3);
    const { checked, problems } = checkRenderedPages(root, 'catalogue', pages);
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(pages.length);
  });
});
