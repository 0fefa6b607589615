import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli, scratchLibrary } from '../helpers/run-cli.ts';

const scratch = scratchLibrary();
afterAll(() => scratch.cleanup());

describe('npm run bench usage errors', () => {
  const file = path.join(scratch.root, 'not-a-folder');
  writeFileSync(file, 'x');
  it.each([
    ['an empty --profile', ['--profile', ''], /--profile needs a folder/],
    [
      'a --profile inside a file',
      ['--profile', path.join(file, 'profiles')],
      /--profile .*cannot make that folder/,
    ],
    ['an unknown row', ['--only', 'validate-hot'], /unknown --only value validate-hot/],
  ])(
    'exits 2 on %s, with one line saying why',
    async (_label, args, message) => {
      const result = await runCli(
        ['bench/run.ts', '--sizes', '5', '--out', path.join(scratch.root, 'x.json'), ...args],
        {
          entry: path.join(REPO_ROOT, 'scripts/build/run-ts.mjs'),
          cwd: REPO_ROOT,
          timeoutMs: 30_000,
        },
      );
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    },
    40_000,
  );
});
