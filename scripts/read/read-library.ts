import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readSync } from 'node:fs';
import path from 'node:path';
import { compareCodePoints, type Diagnostic, diagnostic, START_OF_FILE } from '../core/diagnostic.ts';
import { MAX_FILE_BYTES } from '../parse/decode-source.ts';

export interface SourceFile {
  /** Relative to the library root, with `/` separators. */
  file: string;
  /** At most MAX_FILE_BYTES + 1 bytes: enough to tell that a file is too large without reading it all. */
  bytes: Uint8Array;
}

export interface LibraryFiles {
  personaFiles: SourceFile[];
  contributionFiles: SourceFile[];
  diagnostics: Diagnostic[];
}

export class LibraryRootError extends Error {}

const MAX_WALK_DEPTH = 6;

export interface LibraryListing {
  personaFiles: string[];
  contributionFiles: string[];
  diagnostics: Diagnostic[];
}

/**
 * The YAML files under a library root, without reading them (workers read their own share). `contributions:
 * false` leaves contributions/ unlisted, for callers that only use personas.
 */
export async function listLibrary(
  root: string,
  { contributions = true }: { contributions?: boolean } = {},
): Promise<LibraryListing> {
  const personasDir = path.join(root, 'personas');
  const stats = lstatOrNull(personasDir);
  if (!stats?.isDirectory()) {
    throw new LibraryRootError(
      `${root} is not a library root: it has no personas/ folder (use --root <dir>).`,
    );
  }
  const diagnostics: Diagnostic[] = [];
  const personaFiles = listTree(root, 'personas', diagnostics);
  const contributionFiles =
    contributions && lstatOrNull(path.join(root, 'contributions'))?.isDirectory()
      ? listTree(root, 'contributions', diagnostics)
      : [];
  return { personaFiles, contributionFiles, diagnostics };
}

/** Lists and reads the YAML files under a library root. */
export async function readLibrary(root: string): Promise<LibraryFiles> {
  const listing = await listLibrary(root);
  const read = (file: string): SourceFile => ({ file, bytes: readCapped(path.join(root, file)) });
  return {
    personaFiles: listing.personaFiles.map(read),
    contributionFiles: listing.contributionFiles.map(read),
    diagnostics: listing.diagnostics,
  };
}

function lstatOrNull(file: string) {
  try {
    return lstatSync(file);
  } catch {
    return null;
  }
}

// Synchronous on purpose: contributions sit in a folder per persona, and thousands of small readdir calls
// cost a thread-pool round trip each when asynchronous (5× slower at 10,000 personas).
function listTree(root: string, top: string, diagnostics: Diagnostic[]): string[] {
  const relativePaths: string[] = [];
  const pending: Array<{ dir: string; depth: number }> = [{ dir: top, depth: 0 }];
  while (pending.length > 0) {
    const { dir, depth } = pending.pop() as { dir: string; depth: number };
    const entries = readdirSync(path.join(root, dir), { withFileTypes: true });
    for (const entry of entries) {
      const relative = `${dir}/${entry.name}`;
      if (entry.name.startsWith('.') || entry.name === 'README.md') continue;
      if (entry.isSymbolicLink()) {
        diagnostics.push(
          diagnostic(
            relative,
            START_OF_FILE,
            'file/symlink',
            'This is a symbolic link; the library only reads real files.',
            'Replace the link with the file itself.',
          ),
        );
      } else if (entry.isDirectory()) {
        if (depth < MAX_WALK_DEPTH) pending.push({ dir: relative, depth: depth + 1 });
      } else if (entry.isFile() && /\.(ya?ml|YA?ML)$/.test(entry.name)) {
        relativePaths.push(relative);
      }
    }
  }
  relativePaths.sort(compareCodePoints);
  return relativePaths;
}

/**
 * The file's bytes, or its first `cap + 1` bytes when it is larger: enough to report it as too large without
 * reading (or allocating) more. The buffer is sized from the file, never from the cap.
 */
export function readCapped(file: string, cap = MAX_FILE_BYTES): Uint8Array {
  return readCappedWithStat(file, cap).bytes;
}

/** `readCapped`, with the size, times and inode the file had when it was read. */
export function readCappedWithStat(
  file: string,
  cap = MAX_FILE_BYTES,
): { bytes: Uint8Array; size: number; mtimeMs: number; ctimeMs: number; ino: number } {
  // O_NOFOLLOW: a file swapped for a symbolic link after it was listed is refused, not followed.
  const fd = openSync(file, constants.O_RDONLY | constants.O_NOFOLLOW);
  try {
    const { size, mtimeMs, ctimeMs, ino } = fstatSync(fd);
    const buffer = Buffer.allocUnsafe(Math.min(size, cap) + 1);
    let total = 0;
    while (total < buffer.length) {
      const bytesRead = readSync(fd, buffer, total, buffer.length - total, total);
      if (bytesRead === 0) break;
      total += bytesRead;
    }
    return { bytes: buffer.subarray(0, total), size, mtimeMs, ctimeMs, ino };
  } finally {
    closeSync(fd);
  }
}
