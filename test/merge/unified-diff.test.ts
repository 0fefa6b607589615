import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { unifiedDiff } from '../../scripts/core/unified-diff.ts';

/** Lines with whether each ends in a newline, as a patch tool sees them. */
function linesOf(text: string): Array<{ text: string; eol: boolean }> {
  if (text === '') return [];
  const parts = text.split('\n');
  const last = parts.pop() as string;
  const lines = parts.map((part) => ({ text: part, eol: true }));
  if (last !== '') lines.push({ text: last, eol: false });
  return lines;
}

/** Applies a unified diff to `before`, checking every context and removed line: the diff must be exact. */
function applyPatch(before: string, patch: string): string {
  const source = linesOf(before);
  const out: Array<{ text: string; eol: boolean }> = [];
  let cursor = 0;
  const lines = patch.split('\n').slice(2, -1);
  for (let i = 0; i < lines.length; i++) {
    const header = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@$/.exec(lines[i] as string);
    if (!header) throw new Error(`expected a hunk header, got ${lines[i]}`);
    const aCount = header[2] === undefined ? 1 : Number(header[2]);
    const aStart = aCount === 0 ? Number(header[1]) : Number(header[1]) - 1;
    out.push(...source.slice(cursor, aStart));
    cursor = aStart;
    while (i + 1 < lines.length && !(lines[i + 1] as string).startsWith('@@')) {
      const line = lines[++i] as string;
      const eol = !(lines[i + 1] ?? '').startsWith('\\');
      if (!eol) i++;
      const entry = { text: line.slice(1), eol };
      if (line[0] === ' ' || line[0] === '-') {
        expect(source[cursor], `line ${cursor + 1}`).toEqual(entry);
        cursor++;
      }
      if (line[0] === ' ' || line[0] === '+') out.push(entry);
    }
  }
  out.push(...source.slice(cursor));
  return out.map((line) => `${line.text}${line.eol ? '\n' : ''}`).join('');
}

/** Deterministic pseudo-random texts: small alphabets make many repeated lines, the hard case for a diff. */
function* textPairs(): Generator<[string, string]> {
  let seed = 42;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed;
  };
  for (let n = 0; n < 200; n++) {
    const lines = Array.from({ length: next() % 30 }, () => `line ${next() % 6}`);
    const edited = [...lines];
    for (let k = next() % 5; k >= 0; k--) {
      const at = next() % (edited.length + 1);
      if (next() % 2 === 0) edited.splice(at, 1);
      else edited.splice(at, 0, `new ${next() % 4}`);
    }
    const end = (list: string[]) =>
      list.length === 0 ? '' : `${list.join('\n')}${next() % 5 === 0 ? '' : '\n'}`;
    yield [end(lines), end(edited)];
  }
}

describe('unifiedDiff', () => {
  it('is empty for equal texts', () => {
    expect(unifiedDiff('a.yaml', 'x\ny\n', 'x\ny\n')).toBe('');
  });

  it('matches GNU diff -u on a one-line change', () => {
    const before = `${Array.from({ length: 12 }, (_, i) => `line ${i + 1}`).join('\n')}\n`;
    const after = before.replace('line 6\n', 'line six\n');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'persona-diff-'));
    try {
      writeFileSync(path.join(dir, 'a'), before);
      writeFileSync(path.join(dir, 'b'), after);
      let gnu = '';
      try {
        execFileSync('diff', ['-u', 'a', 'b'], { cwd: dir, encoding: 'utf8' });
      } catch (error) {
        gnu = (error as { stdout: string }).stdout;
      }
      const body = (diff: string) => diff.split('\n').slice(2).join('\n');
      expect(body(unifiedDiff('x.yaml', before, after))).toBe(body(gnu));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('shows an addition at the end with GNU hunk numbering', () => {
    expect(unifiedDiff('p.yaml', 'a\nb\n', 'a\nb\nc\n')).toBe(
      '--- a/p.yaml\n+++ b/p.yaml\n@@ -1,2 +1,3 @@\n a\n b\n+c\n',
    );
    expect(unifiedDiff('p.yaml', '', 'a\n')).toBe('--- a/p.yaml\n+++ b/p.yaml\n@@ -0,0 +1 @@\n+a\n');
  });

  it('marks a last line without a newline', () => {
    expect(unifiedDiff('p.yaml', 'a\nb', 'a\nb\n')).toBe(
      '--- a/p.yaml\n+++ b/p.yaml\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n',
    );
  });

  it('produces an exact patch for 200 random edits', () => {
    for (const [before, after] of textPairs()) {
      const diff = unifiedDiff('p.yaml', before, after);
      if (before === after) expect(diff).toBe('');
      else expect(applyPatch(before, diff)).toBe(after);
    }
  });

  it('keeps far-apart changes in separate hunks with three lines of context', () => {
    const before = `${Array.from({ length: 30 }, (_, i) => `l${i}`).join('\n')}\n`;
    const after = before.replace('l2\n', 'L2\n').replace('l25\n', 'L25\n');
    const hunks = unifiedDiff('p.yaml', before, after)
      .split('\n')
      .filter((line) => line.startsWith('@@'));
    expect(hunks).toEqual(['@@ -1,6 +1,6 @@', '@@ -23,7 +23,7 @@']);
  });
});
