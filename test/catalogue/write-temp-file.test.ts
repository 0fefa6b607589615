import { lstatSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeTempFile } from '../../scripts/apply/write-temp-file.ts';

/** A temporary name the run reserved may already hold what a lost worker wrote: it is replaced, never written through. */
const tmp = mkdtempSync(path.join(os.tmpdir(), 'persona-temp-file-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('writeTempFile', () => {
  it('creates the file, and replaces one a lost worker left at the same name', () => {
    const temp = path.join(tmp, '.page.md.1.0.tmp');
    expect(writeTempFile(temp, 'first').size).toBe(5);
    expect(writeTempFile(temp, 'second, longer').size).toBe(14);
    expect(readFileSync(temp, 'utf8')).toBe('second, longer');
  });

  it('replaces a link at its name without writing through it', () => {
    const outside = path.join(tmp, 'outside.txt');
    writeFileSync(outside, 'keep me');
    const temp = path.join(tmp, '.page.md.1.1.tmp');
    symlinkSync(outside, temp);
    writeTempFile(temp, 'page');
    expect(readFileSync(outside, 'utf8')).toBe('keep me');
    expect(lstatSync(temp).isSymbolicLink()).toBe(false);
    expect(readFileSync(temp, 'utf8')).toBe('page');
  });

  it('fails on anything else, such as a missing folder', () => {
    expect(() => writeTempFile(path.join(tmp, 'no-such-folder', 'x.tmp'), 'x')).toThrow(/ENOENT/);
  });
});
