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
      'not a store',
      '[]',
      'persona-result-store 1\ttool-1\nR"persona\\u0000a"\t1\n',
      'persona-result-store 2\ttool-1\nX"persona\\u0000a"\t1\n',
      'persona-result-store 2\ttool-1\nR"persona\\u0000a\t1\n',
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

  it('writes back what a run reused as the very text it read, and parses a result only when asked', () => {
    const dir = folder();
    const location = path.join(dir, 'results');
    const first = ResultStore.open(location, 't');
    first.set('persona', 'a\tb\nc', { text: 'tab\there, line\nthere' });
    first.set('persona', 'broken', 1);
    first.save();
    // A record whose value no longer parses is simply not there; the others are unaffected.
    writeFileSync(location, readFileSync(location, 'utf8').replace(/\t1\n/, '\t{not json\n'));
    const second = ResultStore.open(location, 't');
    expect(second.get('persona', 'broken')).toBeUndefined();
    expect(second.get('persona', 'a\tb\nc')).toEqual({ text: 'tab\there, line\nthere' });
    const before = readFileSync(location, 'utf8');
    second.save();
    expect(readFileSync(location, 'utf8')).toBe(
      before
        .split('\n')
        .filter((l) => !l.includes('broken'))
        .join('\n'),
    );
  });

  it('appends a small change, which replaces the earlier record when read; rewrites once changes pile up', () => {
    const dir = folder();
    const location = path.join(dir, 'results');
    const first = ResultStore.open(location, 't');
    for (let i = 0; i < 40; i++) first.set('persona', `f${i}`, { n: i });
    first.save();
    const size = readFileSync(location, 'utf8').split('\n').length;
    const second = ResultStore.open(location, 't');
    for (let i = 0; i < 40; i++) second.get('persona', `f${i}`);
    second.set('persona', 'f3', { n: 'three' });
    second.save();
    const appended = readFileSync(location, 'utf8').split('\n');
    expect(appended).toHaveLength(size + 1);
    expect(ResultStore.open(location, 't').get('persona', 'f3')).toEqual({ n: 'three' });
    // A line cut short by an interrupted append is left out; the rest of the store stands.
    writeFileSync(location, `${appended.join('\n')}R"persona\\u0000f4"\t{"n":`);
    const third = ResultStore.open(location, 't');
    expect(third.get('persona', 'f4')).toEqual({ n: 4 });
    // Changing most of it rewrites the file whole, with one line per record.
    for (let i = 0; i < 40; i++) third.set('persona', `f${i}`, { n: -i });
    third.save();
    expect(readFileSync(location, 'utf8').split('\n')).toHaveLength(size);
    expect(ResultStore.open(location, 't').get('persona', 'f39')).toEqual({ n: -39 });
  });

  it('in memory only (no location): answers what this process set, and keeps nothing for the next', () => {
    const store = ResultStore.open(null, 't');
    expect(store.get('k', 'a')).toBeUndefined();
    store.set('k', 'a', 1);
    // A resident process (`validate --watch`) asks again for what it found a round earlier.
    expect(store.get('k', 'a')).toBe(1);
    store.save();
    expect(ResultStore.open(null, 't').get('k', 'a')).toBeUndefined();
    // Each answer is a copy of its own, as one read from a file would be; a value set again replaces it.
    store.set('k', 'b', { list: [1, 2] });
    const first = store.get<{ list: number[] }>('k', 'b');
    first?.list.push(3);
    expect(store.get('k', 'b')).toEqual({ list: [1, 2] });
    store.set('k', 'b', { list: [4] });
    expect(store.get('k', 'b')).toEqual({ list: [4] });
  });

  it('saved again and again by one process, appends only what is new since its last save', () => {
    const location = path.join(folder(), 'results');
    const first = ResultStore.open(location, 't');
    for (let i = 0; i < 40; i++) first.set('persona', `f${i}`, { n: i });
    first.save();
    const resident = ResultStore.open(location, 't');
    // It uses every record, as a run over an unchanged library does: what it learns is appended.
    for (let i = 0; i < 40; i++) resident.get('persona', `f${i}`);
    resident.set('persona', 'f1', { n: 100 });
    resident.save();
    const afterOne = readFileSync(location, 'utf8');
    resident.save();
    expect(readFileSync(location, 'utf8')).toBe(afterOne);
    resident.set('persona', 'f2', { n: 200 });
    resident.save();
    const lines = readFileSync(location, 'utf8').split('\n');
    expect(lines).toHaveLength(afterOne.split('\n').length + 1);
    const reopened = ResultStore.open(location, 't');
    expect([reopened.get('persona', 'f1'), reopened.get('persona', 'f2')]).toEqual([{ n: 100 }, { n: 200 }]);
  });
});
