import { lstatSync, mkdirSync, renameSync } from 'node:fs';
import { lstat, readdir, rmdir, unlink } from 'node:fs/promises';
import path from 'node:path';
import { compareCodePoints, type Diagnostic } from '../core/diagnostic.ts';
import {
  type CatalogueManifest,
  emptyManifest,
  hashText,
  type ManifestFile,
} from '../plan/catalogue/catalogue-manifest.ts';
import { firstDifferentLine, isGeneratedFile } from '../plan/catalogue/plan-catalogue-writes.ts';
import { listCatalogueFolder, readCatalogueBytes, readCatalogueFile } from '../read/read-catalogue-folder.ts';
import type { CatalogueOptions } from '../render/catalogue/catalogue-context.ts';
import type { CataloguePersona } from '../render/catalogue/catalogue-persona.ts';
import {
  type CatalogueFile,
  MAX_CATALOGUE_FILE_BYTES,
  type PersonaDigest,
  type PreviousPlan,
  planCatalogue,
  tooLargeDiagnostic,
} from '../render/catalogue/render-catalogue.ts';
import { type RenderPagesOptions, renderPersonaPages } from '../render/catalogue/render-pages.ts';
import { bytesHoldText } from './encode-parts.ts';
import type { PageOutcome, PageWrite } from './sync-page-file.ts';
import { writeTempFile } from './write-temp-file.ts';

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
   * Writes `text` to a temporary file next to `file`; returns the size and modification time it will have once
   * renamed into place (a rename keeps both).
   */
  stage(file: string, text: string): { size: number; mtimeMs: number } {
    const temp = this.reserve(file);
    const written = writeTempFile(temp, text);
    this.written(temp);
    return written;
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
 * Brings the catalogue folder in line with the generated files it is offered one at a time, or (`check`) only
 * finds what differs. With the previous run's manifest, a group of files whose inputs are unchanged needn't be
 * rendered, and an offered file whose text is what the manifest recorded needn't be read, as long as the files'
 * sizes and modification times are still what that run left.
 */
export class CatalogueFolderSync {
  readonly changed: ChangedFile[] = [];
  unchanged = 0;
  /** What this run leaves in the folder, for the next run's manifest. */
  readonly manifest: CatalogueManifest = emptyManifest();
  readonly #dir: string;
  readonly #previous: CatalogueManifest;
  readonly #check: boolean;
  readonly #staged: StagedCatalogueWrites;
  readonly #generated = new Set<string>();
  readonly #unitFiles = new Map<string, string[]>();
  readonly #pending = new Map<string, ManifestFile>();

  constructor(dir: string, previous: CatalogueManifest, { check }: { check: boolean }) {
    this.#dir = dir;
    this.#previous = previous;
    this.#check = check;
    this.#staged = new StagedCatalogueWrites(dir);
  }

  /** True (and its files counted as unchanged) when the group `key` made from `digest` is known to be current. */
  current(key: string, digest: string | null): boolean {
    if (this.#check || digest === null) return false;
    const unit = this.#previous.units.get(key);
    if (unit?.digest !== digest) return false;
    // Plain loops: this runs for every persona page of a large library.
    for (const file of unit.files) {
      const entry = this.#previous.files.get(file);
      if (entry === undefined || !this.#statMatches(file, entry)) return false;
    }
    for (const file of unit.files) {
      this.manifest.files.set(file, this.#previous.files.get(file) as ManifestFile);
      this.#generated.add(file);
    }
    this.manifest.units.set(key, unit);
    this.#unitFiles.set(key, unit.files);
    this.unchanged += unit.files.length;
    return true;
  }

  /** The files group `key` produced in this run (rendered or known current). */
  filesOf(key: string): readonly string[] {
    return this.#unitFiles.get(key) ?? [];
  }

  /** Records that group `key`, made from `digest`, produced `files` (each also `offer`ed). */
  rendered(key: string, digest: string | null, files: readonly string[]): void {
    this.#unitFiles.set(key, [...files]);
    if (digest !== null) this.manifest.units.set(key, { digest, files: [...files] });
  }

  /** `output` is `hashText(text)`, when the caller has it already. */
  async offer(file: string, text: string, output = hashText(text)): Promise<void> {
    this.#generated.add(file);
    const entry = this.#previous.files.get(file);
    if (!this.#check && entry?.output === output && this.#statMatches(file, entry)) {
      this.manifest.files.set(file, entry);
      this.unchanged++;
      return;
    }
    const disk = this.#staged.isNew(file) ? null : readCatalogueBytes(this.#dir, file);
    if (disk !== null && bytesHoldText(disk.bytes, text)) {
      this.manifest.files.set(file, { output, size: disk.size, mtimeMs: disk.mtimeMs });
      this.unchanged++;
      return;
    }
    this.changed.push({
      path: file,
      missing: disk === null,
      firstDifferentLine: disk === null ? 1 : firstDifferentLine(disk.bytes.toString('utf8'), text),
    });
    if (this.#check) return;
    const { size, mtimeMs } = this.#staged.stage(file, text);
    this.#pending.set(file, { output, size, mtimeMs });
  }

  /**
   * Where a persona page that is about to be rendered goes: a temporary name for it (not with `check`), and
   * whether there is a file to compare it with. The page is then compared and written where it is rendered
   * (see `syncPageFile`), and its outcome handed to `page`.
   */
  preparePage(file: string): PageWrite {
    const temp = this.#check ? null : this.#staged.reserve(file);
    return {
      dir: this.#dir,
      file,
      temp,
      isNew: this.#staged.isNew(file),
      maxBytes: MAX_CATALOGUE_FILE_BYTES,
    };
  }

  /** Records what became of a page `preparePage` placed (and that was not too large). */
  page(file: string, temp: string | null, outcome: Exclude<PageOutcome, { kind: 'too-large' }>): void {
    this.#generated.add(file);
    // Pages are compared with their files, not by hash (see `syncPageFile`).
    if (outcome.kind === 'unchanged') {
      this.manifest.files.set(file, { output: '', size: outcome.size, mtimeMs: outcome.mtimeMs });
      this.unchanged++;
      return;
    }
    this.changed.push({
      path: file,
      missing: outcome.missing,
      firstDifferentLine: outcome.firstDifferentLine,
    });
    if (outcome.written === null || temp === null) return;
    this.#staged.written(temp);
    this.#pending.set(file, { output: '', ...outcome.written });
  }

  /** Generated files (they carry the banner) among `existing` that this run did not produce: to be removed. */
  stale(existing: readonly string[]): string[] {
    return existing.filter((file) => {
      if (this.#generated.has(file)) return false;
      const disk = readCatalogueFile(this.#dir, file);
      return disk !== null && isGeneratedFile(file, disk.text);
    });
  }

  /** Renames the staged files into place and records them for the manifest. */
  async commit(): Promise<void> {
    for (const file of this.#staged.commit()) {
      const entry = this.#pending.get(file);
      if (entry !== undefined) this.manifest.files.set(file, entry);
    }
  }

  abort(): Promise<void> {
    return this.#staged.abort();
  }

  #statMatches(file: string, entry: ManifestFile): boolean {
    try {
      // A missing file (deleted by hand) needn't cost an exception; any other error means the same: not current.
      const stats = lstatSync(path.join(this.#dir, file), { throwIfNoEntry: false });
      return stats?.isFile() === true && stats.size === entry.size && stats.mtimeMs === entry.mtimeMs;
    } catch {
      return false;
    }
  }
}

/** What `planCatalogue` may reuse of the run that wrote `manifest`. */
function previousPlan(manifest: CatalogueManifest): PreviousPlan | undefined {
  if (manifest.skeleton === null) return undefined;
  const { personas } = manifest;
  return {
    skeleton: manifest.skeleton,
    units: manifest.units,
    personaDigest: (file) => personas.get(file)?.digest,
  };
}

export interface CatalogueSyncResult {
  /** Files written (or, with `check`, that would be), in code-point order of path. */
  changed: ChangedFile[];
  /** Generated files no persona produces any more: removed (or, with `check`, to be removed). */
  stale: string[];
  unchanged: number;
  /** `catalogue/too-large`: when there are any, nothing was written. */
  tooLarge: Diagnostic[];
  /** For the next run (not with `check`). */
  manifest: CatalogueManifest;
  /** Persona pages rendered in this run (the rest were known current), in no particular order. */
  renderedPages: string[];
  /** Every persona's digests (see `planCatalogue`). */
  digests: Map<CataloguePersona, PersonaDigest>;
}

/**
 * Renders the catalogue of `personas` into `dir` (or compares it, with `check`): groups of files and persona
 * pages whose inputs `previous` shows unchanged are skipped, the rest rendered (persona pages on worker threads
 * when there are many) and written only where the text differs, all renamed into place at the end, and stale
 * generated files removed. A file over the size cap, or any failure, leaves the folder as it was.
 */
export async function syncCatalogueFolder(
  personas: readonly CataloguePersona[],
  options: CatalogueOptions,
  dir: string,
  {
    check,
    previous,
    pages,
    known,
  }: {
    check: boolean;
    previous: CatalogueManifest;
    pages?: RenderPagesOptions;
    /** Digests of personas known by their outline only (see `planCatalogue`). */
    known?: ReadonlyMap<CataloguePersona, PersonaDigest>;
  },
): Promise<CatalogueSyncResult> {
  const sync = new CatalogueFolderSync(dir, previous, { check });
  // What the folder held before this run, listed while this thread plans and renders (its directory reads run
  // on libuv's threads). Files this run writes are staged under hidden names until the end, so the listing is
  // the same as one taken just before the stale files are picked.
  const existing = listCatalogueFolder(dir);
  existing.catch(() => undefined);
  const tooLarge: Diagnostic[] = [];
  const offer = async (file: CatalogueFile) => {
    const bytes = Buffer.byteLength(file.text, 'utf8');
    if (bytes > MAX_CATALOGUE_FILE_BYTES) tooLarge.push(tooLargeDiagnostic(file.path, bytes, options));
    // Once something is too large nothing is written, so there is no point in staging more.
    else if (tooLarge.length === 0 || check) await sync.offer(file.path, file.text);
  };
  try {
    const work = planCatalogue(personas, options, known, check ? undefined : previousPlan(previous));
    sync.manifest.skeleton = work.skeleton;
    const toRender = work.personaPages.filter((job) => !sync.current(job.path, job.digest));
    const renderedPages: string[] = [];
    // Persona pages first: their workers start, and render and write, while this thread renders the
    // whole-library files.
    const pagesDone = renderPersonaPages(
      toRender,
      options,
      (job) => sync.preparePage(job.path),
      (job, write, outcome) => {
        renderedPages.push(job.path);
        if (outcome.kind === 'too-large') tooLarge.push(tooLargeDiagnostic(job.path, outcome.bytes, options));
        else sync.page(job.path, write.temp, outcome);
        sync.rendered(job.path, job.digest, [job.path]);
      },
      pages,
    );
    // Its failure is taken up below, after this thread's own work: until then it must not count as unhandled.
    pagesDone.catch(() => undefined);
    try {
      for (const unit of work.units) {
        if (sync.current(unit.key, unit.digest)) continue;
        // Let the page workers' answers in (each answer sends them more pages): this loop never waits on its own.
        await new Promise((resolve) => setImmediate(resolve));
        const files = unit.render((key) => sync.filesOf(key));
        for (const file of files) await offer(file);
        sync.rendered(
          unit.key,
          unit.digest,
          files.map((file) => file.path),
        );
      }
    } catch (error) {
      // Let the workers stop before the staged files are cleaned up.
      await pagesDone.catch(() => undefined);
      throw error;
    }
    await pagesDone;
    const changed = [...sync.changed].sort((a, b) => compareCodePoints(a.path, b.path));
    const stale = tooLarge.length > 0 ? [] : sync.stale(await existing);
    if (tooLarge.length > 0 || check) await sync.abort();
    else {
      await sync.commit();
      await removeCatalogueFiles(dir, stale);
    }
    return {
      changed,
      stale,
      unchanged: sync.unchanged,
      tooLarge,
      manifest: sync.manifest,
      renderedPages,
      digests: work.digests,
    };
  } catch (error) {
    await sync.abort();
    throw error;
  }
}
