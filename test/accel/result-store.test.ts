import { mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ResultStore } from '../../scripts/accel/result-store.ts';
import { contentHash } from '../../scripts/core/sha256.ts';

let dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs = [];
});
function folder(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'persona-store-'));
  dirs.push(dir);
  return dir;
}

describe('the result store', () => {
  it('gives back what was stored, by kind and key, after a save and reopen', () => {
    const dir = folder();
    const location = path.join(dir, 'results.json');
    const first = ResultStore.open(location, 'tool-1');
    expect(first.get('persona', 'a')).toBeUndefined();
    first.set('persona', 'a', { diagnostics: [1] });
    first.save();
    expect(ResultStore.open(location, 'tool-1').get('persona', 'a')).toEqual({ diagnostics: [1] });
  });

  it('is empty for another build of the tool, and for a corrupt or foreign file', () => {
    const dir = folder();
    const location = path.join(dir, 'results.json');
    const store = ResultStore.open(location, 'tool-1');
    store.set('persona', 'a', 1);
    store.save();
    expect(ResultStore.open(location, 'tool-2').get('persona', 'a')).toBeUndefined();
    for (const text of [
      'not json',
      '[]',
      '{"format":"other"}',
      JSON.stringify({ format: 'persona-result-store', fingerprint: 'tool-1', stamps: null, results: {} }),
    ]) {
      writeFileSync(location, text);
      expect(ResultStore.open(location, 'tool-1').get('persona', 'a')).toBeUndefined();
    }
  });

  it('drops what a run did not use of a kind it used, and keeps kinds it never asked about', () => {
    const dir = folder();
    const location = path.join(dir, 'results.json');
    const store = ResultStore.open(location, 't');
    store.set('persona', 'kept', 1);
    store.set('persona', 'gone', 2);
    store.set('contribution', 'untouched', 3);
    store.save();
    const next = ResultStore.open(location, 't');
    expect(next.get('persona', 'kept')).toBe(1);
    next.save();
    const last = ResultStore.open(location, 't');
    expect([
      last.get('persona', 'kept'),
      last.get('persona', 'gone'),
      last.get('contribution', 'untouched'),
    ]).toEqual([1, undefined, 3]);
  });

  it('knows a file’s hash from its stamp without reading it, and reads it again once it changed', () => {
    const dir = folder();
    const file = path.join(dir, 'a.yaml');
    writeFileSync(file, 'one\n');
    const location = path.join(dir, 'results.json');
    let reads = 0;
    const read = () => {
      reads++;
      return readFileSync(file);
    };
    const first = ResultStore.open(location, 't');
    expect(first.hashOf(file, read).hash).toBe(contentHash(new TextEncoder().encode('one\n')));
    first.save();
    const second = ResultStore.open(location, 't');
    expect(second.hashOf(file, read)).toEqual({
      hash: contentHash(new TextEncoder().encode('one\n')),
      bytes: null,
    });
    expect(reads).toBe(1);
    // Same size, times put back: the inode or ctime still tells; a content edit is never missed.
    writeFileSync(file, 'two\n');
    utimesSync(file, new Date(2000, 1, 1), new Date(2000, 1, 1));
    const third = ResultStore.open(location, 't');
    expect(third.hashOf(file, read).hash).toBe(contentHash(new TextEncoder().encode('two\n')));
    expect(reads).toBe(2);
  });

  it('in memory only (no location): answers only from earlier runs, of which it has none, and writes nothing', () => {
    const store = ResultStore.open(null, 't');
    store.set('k', 'a', 1);
    expect(store.get('k', 'a')).toBeUndefined();
    store.save();
  });
});
