import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type PageWrite, syncPageFile } from '../../scripts/apply/sync-page-file.ts';

const root = mkdtempSync(path.join(os.tmpdir(), 'sync-page-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A page as the renderer hands it over: parts that concatenated are the text. */
const PARTS = ['# The Sentry Error Monitor\n', '\n', 'Naïve – “quoted” 🙂\n', '\n', '## Goals\n'];
const TEXT = PARTS.join('');

let cases = 0;
function folder(onDisk: string | Buffer | null | 'symlink'): PageWrite & { path: string } {
  const dir = path.join(root, `case-${++cases}`);
  mkdirSync(path.join(dir, 'sentry'), { recursive: true });
  const file = 'sentry/page.md';
  const full = path.join(dir, file);
  if (onDisk === 'symlink') {
    writeFileSync(path.join(dir, 'target.md'), TEXT);
    symlinkSync(path.join(dir, 'target.md'), full);
  } else if (onDisk !== null) writeFileSync(full, onDisk);
  return {
    dir,
    file,
    temp: path.join(dir, 'sentry/.page.md.tmp'),
    isNew: false,
    maxBytes: 500_000,
    path: full,
  };
}

describe('syncPageFile', () => {
  it('finds a page whose file holds exactly its bytes unchanged, and writes nothing', () => {
    const write = folder(TEXT);
    const outcome = syncPageFile(PARTS, write);
    expect(outcome).toMatchObject({ kind: 'unchanged', size: Buffer.byteLength(TEXT) });
    expect(() => readFileSync(write.temp as string)).toThrow();
  });

  it.each([
    ['a different third line', TEXT.replace('quoted', 'Quoted'), 3],
    ['a missing last line', PARTS.slice(0, 4).join(''), 5],
    ['an extra line at the end', `${TEXT}more\n`, 6],
    ['CRLF line endings', TEXT.replace(/\n/g, '\r\n'), 1],
    [
      'invalid UTF-8 on the third line',
      Buffer.concat([Buffer.from(PARTS.slice(0, 2).join('')), Buffer.from([0xc3, 0x28, 0x0a])]),
      3,
    ],
    ['a byte-order mark', `\uFEFF${TEXT}`, 1],
  ])('writes a page whose file has %s, and names the first different line', (_label, onDisk, line) => {
    const write = folder(onDisk);
    const outcome = syncPageFile(PARTS, write);
    expect(outcome).toMatchObject({ kind: 'changed', missing: false, firstDifferentLine: line });
    expect(readFileSync(write.temp as string, 'utf8')).toBe(TEXT);
  });

  it('writes a page that has no file yet', () => {
    const write = folder(null);
    expect(syncPageFile(PARTS, write)).toMatchObject({
      kind: 'changed',
      missing: true,
      firstDifferentLine: 1,
    });
    expect(readFileSync(write.temp as string, 'utf8')).toBe(TEXT);
  });

  it('treats a symbolic link as no file, never following it', () => {
    const write = folder('symlink');
    expect(syncPageFile(PARTS, write)).toMatchObject({ kind: 'changed', missing: true });
  });

  it('only compares when there is no temporary file to write (--check)', () => {
    const write = { ...folder(TEXT.replace('Goals', 'Aims')), temp: null };
    expect(syncPageFile(PARTS, write)).toEqual({
      kind: 'changed',
      missing: false,
      firstDifferentLine: 5,
      written: null,
    });
  });

  it('does not read a file in a folder this run made', () => {
    const write = { ...folder(TEXT), isNew: true };
    expect(syncPageFile(PARTS, write)).toMatchObject({ kind: 'changed', missing: true });
  });

  it('reports a page over the size limit without writing it', () => {
    const write = { ...folder(null), maxBytes: 10 };
    expect(syncPageFile(PARTS, write)).toEqual({ kind: 'too-large', bytes: Buffer.byteLength(TEXT) });
  });

  it('compares each page with its own file when many are read in turn', () => {
    // The file buffer is reused between reads: a longer file read first must not leak into a shorter one.
    const long = folder(`${TEXT}${'x'.repeat(300_000)}\n`);
    const same = folder(TEXT);
    expect(syncPageFile(PARTS, long).kind).toBe('changed');
    expect(syncPageFile(PARTS, same).kind).toBe('unchanged');
  });
});
