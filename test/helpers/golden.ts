import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';

export const UPDATE = process.env.UPDATE === '1';

/** Every file under `dir`, relative, with `/`, sorted by code point. */
export function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  const walk = (relative: string) => {
    for (const entry of readdirSync(path.join(dir, relative), { withFileTypes: true })) {
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(child);
      else out.push(child);
    }
  };
  walk('');
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Compares produced files with a golden `expected` folder. With UPDATE=1 the folder is rewritten instead,
 * so a deliberate change is one command and a reviewable diff.
 */
export function expectGoldenFiles(expectedDir: string, actual: Record<string, string>): void {
  if (UPDATE) {
    rmSync(expectedDir, { recursive: true, force: true });
    for (const [file, text] of Object.entries(actual)) {
      mkdirSync(path.dirname(path.join(expectedDir, file)), { recursive: true });
      writeFileSync(path.join(expectedDir, file), text);
    }
    return;
  }
  expect(Object.keys(actual).sort(), `files in ${expectedDir} (run with UPDATE=1 to regenerate)`).toEqual(
    listFiles(expectedDir),
  );
  for (const file of listFiles(expectedDir)) {
    expect(actual[file], `${file} differs from ${expectedDir} (run with UPDATE=1 to regenerate)`).toBe(
      readFileSync(path.join(expectedDir, file), 'utf8'),
    );
  }
}

export function expectGoldenText(expectedFile: string, actual: string): void {
  if (UPDATE) {
    mkdirSync(path.dirname(expectedFile), { recursive: true });
    writeFileSync(expectedFile, actual);
    return;
  }
  expect(actual, `${expectedFile} (run with UPDATE=1 to regenerate)`).toBe(
    readFileSync(expectedFile, 'utf8'),
  );
}
