import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { lstat, readdir } from 'node:fs/promises';
import path from 'node:path';
import { compareCodePoints } from '../core/diagnostic.ts';

const MAX_DEPTH = 4;
/** Generated files are at most 500 KB; reading a little more is enough to see that a bigger one differs. */
const READ_CAP = 1_000_000;

/**
 * The Markdown, JSON and CSV files currently in the catalogue folder (relative, `/`), in code-point order.
 * Symbolic links and dot-files are skipped, never followed. A folder that doesn't exist yet is simply empty.
 */
export async function listCatalogueFolder(dir: string): Promise<string[]> {
  const stats = await lstat(dir).catch(() => null);
  if (!stats?.isDirectory()) return [];
  const found: string[] = [];
  // Sibling folders are read together: one after the other, a folder per product cost a round trip each.
  const walk = async (relative: string, depth: number): Promise<void> => {
    const entries = await readdir(path.join(dir, relative), { withFileTypes: true });
    const folders: Promise<void>[] = [];
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory() && depth < MAX_DEPTH) folders.push(walk(child, depth + 1));
      else if (entry.isFile() && /\.(md|json|csv)$/.test(entry.name)) found.push(child);
    }
    await Promise.all(folders);
  };
  await walk('', 0);
  return found.sort(compareCodePoints);
}

export interface CatalogueFileOnDisk {
  /** The text (cut after about 1 MB: more than any generated file, enough to tell it differs). */
  text: string;
  size: number;
  mtimeMs: number;
}

export interface CatalogueBytesOnDisk {
  /** The bytes, cut like `text` above; a view valid only until the next read on this thread. */
  bytes: Buffer;
  size: number;
  mtimeMs: number;
}

/** One file of the catalogue folder, or null when it is missing or not a regular file (never followed). */
export function readCatalogueFile(dir: string, file: string): CatalogueFileOnDisk | null {
  const disk = readCatalogueBytes(dir, file);
  if (disk === null) return null;
  return { text: disk.bytes.toString('utf8'), size: disk.size, mtimeMs: disk.mtimeMs };
}

/**
 * Reused for every read, like the page encoder's buffer: a catalogue run reads thousands of ~60 KB pages, and a
 * new buffer each was an off-heap allocation apiece.
 */
let scratch = Buffer.allocUnsafeSlow(256 * 1024);

/** `readCatalogueFile` without decoding: comparing bytes with the page's encoding is a memcmp. */
export function readCatalogueBytes(dir: string, file: string): CatalogueBytesOnDisk | null {
  let fd: number;
  try {
    fd = openSync(path.join(dir, file), constants.O_RDONLY | constants.O_NOFOLLOW);
  } catch {
    return null;
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return null;
    const room = Math.min(stats.size, READ_CAP) + 1;
    if (scratch.length < room) scratch = Buffer.allocUnsafeSlow(room);
    let total = 0;
    while (total < room) {
      const read = readSync(fd, scratch, total, room - total, total);
      if (read === 0) break;
      total += read;
    }
    return { bytes: scratch.subarray(0, total), size: stats.size, mtimeMs: stats.mtimeMs };
  } finally {
    closeSync(fd);
  }
}
