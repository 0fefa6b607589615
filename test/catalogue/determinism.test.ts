import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listFiles } from '../helpers/golden.ts';
import { REPO_ROOT, runCli } from '../helpers/run-cli.ts';
import { FIXTURES, scratchCopy } from './catalogue-helpers.ts';

const ENVIRONMENTS = [
  { LANG: 'C', LC_ALL: 'C', TZ: 'UTC' },
  { LANG: 'tr_TR.UTF-8', LC_ALL: 'tr_TR.UTF-8', TZ: 'Pacific/Kiritimati' },
  { LANG: 'ja_JP.UTF-8', LC_ALL: 'ja_JP.UTF-8', TZ: 'America/St_Johns' },
];

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

async function generate(library: string, env: Record<string, string>): Promise<Map<string, string>> {
  const root = scratchCopy(library);
  roots.push(root);
  const result = await runCli(['catalogue', '--root', root], { env });
  expect(result.code).toBe(0);
  const catalogue = path.join(root, 'catalogue');
  return new Map(
    listFiles(catalogue).map((file) => [file, readFileSync(path.join(catalogue, file), 'utf8')]),
  );
}

describe.each([
  ['the shipped library', REPO_ROOT],
  ['the hostile-text fixture', path.join(FIXTURES, 'hostile-text', 'input')],
])('%s: byte-identical output whatever the locale and time zone', (_name, library) => {
  it('generates the same bytes under different LANG and TZ, with LF line ends only', async () => {
    const [first, ...others] = await Promise.all(ENVIRONMENTS.map((env) => generate(library, env)));
    expect(first?.size).toBeGreaterThan(5);
    for (const other of others) expect(other).toEqual(first);
    for (const [file, text] of first ?? []) {
      expect(text.includes('\r'), file).toBe(false);
      expect(text.endsWith('\n'), file).toBe(true);
    }
  });
});
