import { spawn } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FIXTURES, scratchCopy } from '../catalogue/catalogue-helpers.ts';
import { listFiles } from '../helpers/golden.ts';
import { testBundle } from '../helpers/run-cli.ts';

const SMALL = path.join(FIXTURES, 'small-library', 'input');
const EXPECTED = path.join(FIXTURES, 'small-library', 'expected');

/**
 * Runs the CLI with a reader that goes away before the first line (`persona … | head -0`): the process must
 * finish its work and exit with its own code, with nothing on stderr. Bounded by a hard timeout.
 */
function runWithClosedStdout(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [testBundle(), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error('the CLI did not finish'));
    }, 30_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

describe('a reader that closes the output early', () => {
  it('does not stop a catalogue run halfway: every file is written, no temporary file is left', async () => {
    const root = scratchCopy(SMALL);
    roots.push(root);
    const result = await runWithClosedStdout(['catalogue', '--root', root]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const catalogue = path.join(root, 'catalogue');
    expect(listFiles(catalogue)).toEqual(listFiles(EXPECTED));
    const hidden = readdirSync(catalogue, { recursive: true }).filter((f) => String(f).endsWith('.tmp'));
    expect(hidden).toEqual([]);
  });

  it.each([
    ['validate, with problems', ['validate', '--root', SMALL, '--strict'], [0, 1]],
    ['an unknown command', ['no-such-command'], [2]],
    ['--help', ['--help'], [0]],
  ])('%s: exits with its own code and no stack trace', async (_name, args, codes) => {
    const result = await runWithClosedStdout(args as string[]);
    expect(result.stderr).not.toMatch(/EPIPE|node:events|^\s+at .+:\d+:\d+\)?$/m);
    expect(codes).toContain(result.code);
  });
});
