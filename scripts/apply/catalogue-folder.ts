import { lstatSync, mkdirSync, renameSync } from 'node:fs';
import { lstat, readdir, rmdir, unlink } from 'node:fs/promises';
import path from 'node:path';
import { readCatalogueFile } from '../read/read-catalogue-folder.ts';
import { MAX_CATALOGUE_FILE_BYTES } from '../render/catalogue/catalogue-limits.ts';
import { isGeneratedFile } from '../render/catalogue/is-generated-file.ts';
import type { PageOutcome, PageWrite } from './sync-page-file.ts';

/** The catalogue folder holds a symbolic link where a generated file or folder goes. */
export class SymlinkInCatalogueError extends Error {}

/**
 * Changed catalogue files, written next to their targets under hidden temporary names while the run goes on,
 * then renamed into place together by `commit`, or all removed by `abort` (a file over the size cap was found
 * late, or the run failed): either way nothing half-done is left, and nothing large stays in memory. A reader
 * never sees half a file. Never follows a symbolic link out of the catalogue folder.
 */
export class StagedCatalogueWrites {
  readonly #dir: string;
  /** Temporary names handed out, in order; `written` once the file is there to be renamed. */
  readonly #staged: { file: string; temp: string; written: boolean }[] = [];
  readonly #byTemp = new Map<string, { written: boolean }>();
  readonly #createdFolders: string[] = [];
  readonly #checkedFolders = new Set<string>();
  /** Folders (relative, `/`) this run made: nothing was in them before, so nothing there needs checking. */
  readonly #newFolders = new Set<string>();
  /** Folders known to exist, so `mkdir` runs once per folder rather than once per file. */
  readonly #madeFolders = new Set<string>();

  constructor(dir: string) {
    this.#dir = dir;
  }

  /** Whether `file` is known to be missing: its folder was made by this run. */
  isNew(file: string): boolean {
    return this.#newFolders.has(path.posix.dirname(file));
  }

  /**
   * Makes `file`'s folder and returns the temporary name it is to be written under, by anyone (a page worker);
   * `written` then tells that it was. Whether it was or not, `abort` removes it.
   */
  reserve(file: string): string {
    const folder = path.posix.dirname(file);
    if (!this.isNew(file)) refuseSymlinks(this.#dir, file, this.#checkedFolders);
    const target = path.join(this.#dir, file);
    if (!this.#madeFolders.has(folder)) {
      const created = mkdirSync(path.dirname(target), { recursive: true });
      if (created !== undefined) {
        this.#createdFolders.push(created);
        const first = toPosix(path.relative(this.#dir, created));
        for (let inside = folder; ; inside = path.posix.dirname(inside)) {
          this.#newFolders.add(inside);
          if (inside === first || inside === '.' || inside === '') break;
        }
      }
      this.#madeFolders.add(folder);
    }
    const temp = path.join(
      path.dirname(target),
      `.${path.basename(target)}.${process.pid}.${this.#staged.length}.tmp`,
    );
    const entry = { file, temp, written: false };
    this.#staged.push(entry);
    this.#byTemp.set(temp, entry);
    return temp;
  }

  /** The file reserved under `temp` has been written. */
  written(temp: string): void {
    const entry = this.#byTemp.get(temp);
    if (entry) entry.written = true;
  }

  /** Renames every staged file into place; returns the files, in staging order. */
  commit(): string[] {
    const files: string[] = [];
    for (const { file, temp, written } of this.#staged) {
      if (!written) continue;
      renameSync(temp, path.join(this.#dir, file));
      files.push(file);
    }
    this.#staged.length = 0;
    this.#byTemp.clear();
    return files;
  }

  async abort(): Promise<void> {
    for (const { temp } of this.#staged) await unlink(temp).catch(() => undefined);
    this.#staged.length = 0;
    this.#byTemp.clear();
    // Deepest first; only folders this run created, and only while they are empty.
    for (const folder of [...this.#createdFolders].sort((a, b) => b.length - a.length))
      await removeEmptyFolders(folder, this.#dir);
  }
}

function toPosix(value: string): string {
  return value.split(path.sep).join('/');
}

/** Throws when a folder on the way to `relative`, or the file itself, is a symbolic link. */
function refuseSymlinks(dir: string, relative: string, checkedFolders = new Set<string>()): void {
  const segments = relative.split('/');
  let current = dir;
  let folder = '';
  for (const [index, segment] of segments.entries()) {
    current = path.join(current, segment);
    folder = folder ? `${folder}/${segment}` : segment;
    const isFolder = index < segments.length - 1;
    if (isFolder && checkedFolders.has(folder)) continue;
    const stats = lstatSync(current, { throwIfNoEntry: false });
    if (stats?.isSymbolicLink())
      throw new SymlinkInCatalogueError(
        `${path.relative(dir, current)} in the catalogue folder is a symbolic link; refusing to write through it. Remove it and run again.`,
      );
    if (isFolder && stats?.isDirectory()) checkedFolders.add(folder);
  }
}

/** Removes stale generated files, then any folder that became empty. */
export async function removeCatalogueFiles(dir: string, files: readonly string[]): Promise<void> {
  const emptied = new Set<string>();
  for (const file of files) {
    refuseSymlinks(dir, file);
    const stats = await lstat(path.join(dir, file)).catch(() => null);
    if (!stats?.isFile()) continue;
    await unlink(path.join(dir, file));
    for (let parent = path.posix.dirname(file); parent !== '.'; parent = path.posix.dirname(parent))
      emptied.add(parent);
  }
  // Deepest first, so a product folder goes after its subfolders.
  for (const folder of [...emptied].sort((a, b) => b.length - a.length)) {
    const full = path.join(dir, folder);
    if ((await readdir(full).catch(() => ['?'])).length === 0) await rmdir(full);
  }
}

async function removeEmptyFolders(folder: string, stop: string): Promise<void> {
  for (let current = folder; current.startsWith(stop) && current !== stop; current = path.dirname(current)) {
    if ((await readdir(current).catch(() => ['?'])).length !== 0) return;
    await rmdir(current).catch(() => undefined);
  }
}

/** A generated file that differs from the one on disk (or is missing there). */
export interface ChangedFile {
  path: string;
  missing: boolean;
  /** 1-based first line that differs from the file on disk; 1 for a missing file. */
  firstDifferentLine: number;
}

/**
 * The catalogue folder as one run brings it in line: each generated file is compared with the one on disk and,
 * when it differs, staged (see `StagedCatalogueWrites`); the changed files are renamed into place together at
 * the end, or (`check`, a file over the cap, a failure) none is. Files known current without rendering are
 * `keep`-ed. What the folder holds that this run did not produce, and that carries the generated banner, is
 * stale.
 */
export class CatalogueFolder {
  readonly changed: ChangedFile[] = [];
  readonly tooLarge: Array<{ path: string; bytes: number }> = [];
  unchanged = 0;
  readonly #dir: string;
  readonly #check: boolean;
  readonly #staged: StagedCatalogueWrites;
  readonly #generated = new Set<string>();

  constructor(dir: string, { check }: { check: boolean }) {
    this.#dir = dir;
    this.#check = check;
    this.#staged = new StagedCatalogueWrites(dir);
  }

  /** Where a file about to be rendered goes: a temporary name for it (not with `check`), and what to compare. */
  prepare(file: string): PageWrite {
    return {
      dir: this.#dir,
      file,
      temp: this.#check ? null : this.#staged.reserve(file),
      isNew: this.#staged.isNew(file),
      maxBytes: MAX_CATALOGUE_FILE_BYTES,
    };
  }

  /** What became of a file `prepare` placed (see `syncPageFile`). */
  record(write: PageWrite, outcome: PageOutcome): void {
    this.#generated.add(write.file);
    if (outcome.kind === 'too-large') {
      this.tooLarge.push({ path: write.file, bytes: outcome.bytes });
      return;
    }
    if (outcome.kind === 'unchanged') {
      this.unchanged++;
      return;
    }
    this.changed.push({
      path: write.file,
      missing: outcome.missing,
      firstDifferentLine: outcome.firstDifferentLine,
    });
    if (outcome.written !== null && write.temp !== null) this.#staged.written(write.temp);
  }

  /** Files known to be current without rendering them (their inputs and their bytes are as last written). */
  keep(files: readonly string[]): void {
    for (const file of files) this.#generated.add(file);
    this.unchanged += files.length;
  }

  /** Generated files (they carry the banner) among `existing` that this run did not produce: to be removed. */
  stale(existing: readonly string[]): string[] {
    return existing.filter((file) => {
      if (this.#generated.has(file)) return false;
      const disk = readCatalogueFile(this.#dir, file);
      return disk !== null && isGeneratedFile(file, disk.text);
    });
  }

  /** Renames the staged files into place; returns them. */
  commit(): string[] {
    return this.#staged.commit();
  }

  abort(): Promise<void> {
    return this.#staged.abort();
  }
}
