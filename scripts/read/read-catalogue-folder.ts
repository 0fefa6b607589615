import { lstat, readdir } from 'node:fs/promises';
import path from 'node:path';
import { compareCodePoints } from '../core/diagnostic.ts';
import { readCapped } from './read-library.ts';

const MAX_DEPTH = 4;
/** Generated files are at most 500 KB; reading a little more is enough to see that a bigger one differs. */
const READ_CAP = 1_000_000;

/**
 * The Markdown, JSON and CSV files currently in the catalogue folder, path (relative, `/`) → text. Symbolic
 * links and dot-files are skipped, never followed. A folder that doesn't exist yet is simply empty.
 */
export async function readCatalogueFolder(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const stats = await lstat(dir).catch(() => null);
  if (!stats?.isDirectory()) return out;
  const found: string[] = [];
  const walk = async (relative: string, depth: number): Promise<void> => {
    const entries = await readdir(path.join(dir, relative), { withFileTypes: true });
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory() && depth < MAX_DEPTH) await walk(child, depth + 1);
      else if (entry.isFile() && /\.(md|json|csv)$/.test(entry.name)) found.push(child);
    }
  };
  await walk('', 0);
  found.sort(compareCodePoints);
  for (const file of found) {
    const bytes = readCapped(path.join(dir, file), READ_CAP);
    out.set(file, Buffer.from(bytes).toString('utf8'));
  }
  return out;
}
