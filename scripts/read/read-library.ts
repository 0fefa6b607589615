import {
  closeSync,
  constants,
  type Dirent,
  fstatSync,
  lstatSync,
  openSync,
  readdirSync,
  readSync,
} from 'node:fs';
import path from 'node:path';
import { compareCodePoints, type Diagnostic, diagnostic, START_OF_FILE } from '../core/diagnostic.ts';
import type { SourceFile } from '../core/facts.ts';
import { MAX_FILE_BYTES } from '../core/limits.ts';
import { isPlainName, MAX_PATH_BYTES } from '../core/reported-path.ts';
import { UsageProblem } from '../core/usage-problem.ts';

export type { SourceFile };

export interface LibraryFiles {
  personaFiles: SourceFile[];
  contributionFiles: SourceFile[];
  diagnostics: Diagnostic[];
}

export class LibraryRootError extends UsageProblem {}

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
  const tops = libraryTops(root, contributions);
  const diagnostics: Diagnostic[] = [];
  const personaFiles = listTree(root, 'personas', diagnostics);
  diagnostics.push(...tops.diagnostics);
  const contributionFiles = tops.contributions ? listTree(root, 'contributions', diagnostics) : [];
  return { personaFiles, contributionFiles, diagnostics };
}

/**
 * The two folders a library lists, checked: `personas/` must be a real folder (else this is no library root);
 * `contributions/` is listed when it is a real folder (`contributions: false` never lists it), and reported
 * when it is a link.
 */
export function libraryTops(
  root: string,
  contributions: boolean,
): { contributions: boolean; diagnostics: Diagnostic[] } {
  const personasDir = path.join(root, 'personas');
  const stats = lstatOrNull(personasDir);
  if (stats?.isSymbolicLink())
    throw new LibraryRootError(`${root}/personas is a symbolic link; the library only reads a real folder.`);
  if (!stats?.isDirectory()) {
    throw new LibraryRootError(
      `${root} is not a library root: it has no personas/ folder (use --root <dir>).`,
    );
  }
  const contributionsDir = contributions ? lstatOrNull(path.join(root, 'contributions')) : null;
  const diagnostics = contributionsDir?.isSymbolicLink()
    ? [
        diagnostic(
          'contributions',
          START_OF_FILE,
          'file/symlink',
          '`contributions/` is a symbolic link; the library only reads real folders, and never follows a link.',
          'Replace the link with a real `contributions/` folder.',
        ),
      ]
    : [];
  return { contributions: contributionsDir?.isDirectory() === true, diagnostics };
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

/** Files a library may hold at the top of `personas/` or `contributions/` besides data: their own docs. */
const DOCUMENTATION = new Set(['README.md']);

/** Why an entry is not read, as the diagnostic that reports it at its own path. */
type Refusal = {
  rule: 'file/symlink' | 'file/hidden' | 'file/bad-name' | 'file/unexpected';
  message: string;
  hint: string;
};

// Synchronous on purpose: contributions sit in a folder per persona, and thousands of small readdir calls
// cost a thread-pool round trip each when asynchronous (5× slower at 10,000 personas).
/**
 * Every entry under `top`, at any depth: YAML files are returned to be read; everything else is reported at its
 * own path (a link, a hidden entry, a name no tool can report safely, a file that cannot be a persona or a
 * contribution), so nothing a commit adds is skipped silently. Links and hidden or badly named folders are
 * reported once and not entered.
 */
function listTree(root: string, top: string, diagnostics: Diagnostic[]): string[] {
  const relativePaths: string[] = [];
  const pending: string[] = [top];
  while (pending.length > 0) {
    const dir = pending.pop() as string;
    const listed = listFolder(root, dir, dir === top);
    pending.push(...listed.folders);
    relativePaths.push(...listed.files);
    diagnostics.push(...listed.diagnostics);
  }
  relativePaths.sort(compareCodePoints);
  return relativePaths;
}

/** One folder's entries as the listing sees them: folders to enter, YAML files to read, the rest reported. */
export interface FolderListing {
  folders: string[];
  files: string[];
  diagnostics: Diagnostic[];
}

/**
 * The entries of one folder of the library (`dir`, root-relative), classified as `listLibrary` does; `atTop`
 * when it is `personas/` or `contributions/` itself. A resident run lists again only the folders that changed.
 */
export function listFolder(root: string, dir: string, atTop: boolean): FolderListing {
  const out: FolderListing = { folders: [], files: [], diagnostics: [] };
  const entries = readdirSync(path.join(root, dir), { withFileTypes: true, encoding: 'buffer' });
  for (const entry of entries) {
    const name = decodeName(entry.name);
    const relative = `${dir}/${name ?? entry.name.toString('utf8')}`;
    const tooLong = Buffer.byteLength(path.join(root, relative)) > MAX_PATH_BYTES;
    const verdict = classify(entry, name, atTop, tooLong);
    if (verdict === 'enter') out.folders.push(relative);
    else if (verdict === 'read') out.files.push(relative);
    else if (verdict !== 'documentation')
      out.diagnostics.push(diagnostic(relative, START_OF_FILE, verdict.rule, verdict.message, verdict.hint));
  }
  return out;
}

const YAML_NAME = /\.(ya?ml|YA?ML)$/;
const strictNames = new TextDecoder('utf-8', { fatal: true });

/** The entry's name as text, or null when it is not valid UTF-8 (it could not be named in a report). */
function decodeName(bytes: Buffer): string | null {
  try {
    return strictNames.decode(bytes);
  } catch {
    return null;
  }
}

function classify(
  entry: Dirent<Buffer>,
  name: string | null,
  atTop: boolean,
  tooLong: boolean,
): Refusal | 'enter' | 'read' | 'documentation' {
  const kind = entry.isDirectory() ? 'folder' : 'file';
  if (name === null || !isPlainName(name)) {
    return {
      rule: 'file/bad-name',
      message: `This ${kind} name has ${name === null ? 'bytes that are not UTF-8' : 'a control character, a backslash or a text-direction override'}, so no tool can name it safely${kind === 'folder' ? '; nothing in it is read' : ''}.`,
      hint: 'Rename it with letters, digits, `-`, `_` and `.` only, e.g. `2026-11-20-octocat-goals.yaml`.',
    };
  }
  if (tooLong) {
    return {
      rule: 'file/bad-name',
      message: `This ${kind}'s path is too long to read${kind === 'folder' ? '; nothing in it is read' : ''}.`,
      hint: 'Move it up: personas live at `personas/<product>/<slug>.yaml`, contributions at `contributions/<slug>/<name>.yaml`.',
    };
  }
  if (entry.isSymbolicLink()) {
    return {
      rule: 'file/symlink',
      message:
        'This is a symbolic link; the library only reads real files and folders, and never follows a link.',
      hint: 'Replace the link with the file or folder itself, or delete it.',
    };
  }
  if (name.startsWith('.')) {
    return {
      rule: 'file/hidden',
      message: `This hidden ${kind} is not part of the library${kind === 'folder' ? ', and nothing in it is read' : ''}; the tools never take their own state from a pull request.`,
      hint: `Delete it. Personas and contributions are plain \`.yaml\` files whose names do not start with \`.\`.`,
    };
  }
  if (entry.isDirectory()) return 'enter';
  if (entry.isFile() && YAML_NAME.test(name)) return 'read';
  if (entry.isFile() && atTop && DOCUMENTATION.has(name)) return 'documentation';
  return {
    rule: 'file/unexpected',
    message: entry.isFile()
      ? `This ${name.includes('.') ? `\`${name.slice(name.lastIndexOf('.'))}\`` : 'extension-less'} file cannot be a persona or a contribution: only YAML files belong here.`
      : 'This is not a regular file or folder (a pipe, socket or device); only YAML files belong here.',
    hint: 'Delete it, or move it out of `personas/` and `contributions/`; personas and contributions are `.yaml` files.',
  };
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
