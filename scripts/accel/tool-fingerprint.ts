import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentHash } from '../core/sha256.ts';
import { registeredEntry } from './worker-pool.ts';

let memo: { entry: string; hash: string | undefined } | undefined;

/**
 * What the running tool is, as a hash: of its bundle, or, run from source (tests, the bench's own code), of every
 * source file of the tools. Stored results are only ever reused by exactly the build that made them; a build
 * that cannot say what it is (an unreadable bundle) gets undefined and keeps none.
 */
export function toolFingerprint(): string | undefined {
  const entry = registeredEntry();
  const key = entry?.href ?? 'source';
  if (memo?.entry !== key) memo = { entry: key, hash: entry ? hashOfFile(entry) : hashOfSources() };
  return memo.hash;
}

function hashOfFile(file: URL): string | undefined {
  try {
    return contentHash(readFileSync(file));
  } catch {
    return undefined;
  }
}

function hashOfSources(): string | undefined {
  const scripts = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
  try {
    const files = (readdirSync(scripts, { recursive: true }) as string[])
      .filter((file) => file.endsWith('.ts'))
      .sort();
    return contentHash(
      files.map((file) => `${file}\0${contentHash(readFileSync(path.join(scripts, file)))}`).join('\n'),
    );
  } catch {
    return undefined;
  }
}
