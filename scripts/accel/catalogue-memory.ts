import { lstatSync } from 'node:fs';
import path from 'node:path';
import { hashData } from '../core/sha256.ts';
import { readCapped } from '../read/read-library.ts';
import type { CatalogueOptions } from '../render/catalogue/catalogue-context.ts';
import type { CatalogueEntry } from '../render/catalogue/catalogue-entry.ts';
import { type CatalogueUnit, digestReplacer } from '../render/catalogue/pages/page-type.ts';
import type { Accelerator } from './accelerator.ts';

/** A file as this run left it: path in the catalogue folder, size, modification and change times, inode. */
type FileStamp = [string, number, number, number, number];

/**
 * What the accelerator remembers of catalogue runs, in its one store: each persona file's catalogue entry, by
 * the file's content; and, by the digest of everything a unit is made from, the files that unit wrote and how
 * they were left. A unit with the same digest whose files are still as they were left needn't be rendered:
 * the digest covers its input, its declared personas' contents, the options and the tool, and a file that
 * anyone touched since has another stamp.
 */
export class CatalogueMemory {
  readonly #accelerator: Accelerator;
  readonly #root: string;
  readonly #outDir: string;
  readonly #options: string;
  readonly #validated: ReadonlyMap<string, string>;

  /** `validated`: each persona file's content hash as this run's validation read it. */
  constructor(
    accelerator: Accelerator,
    root: string,
    outDir: string,
    options: CatalogueOptions,
    validated: ReadonlyMap<string, string> = new Map(),
  ) {
    this.#accelerator = accelerator;
    this.#root = root;
    this.#outDir = outDir;
    this.#options = JSON.stringify(options);
    this.#validated = validated;
  }

  /**
   * The content hash of a persona file: as validation read it earlier in the run (every unit's digest asks for
   * its personas' hashes, and checking each file's stamp again cost an `lstat` per persona per unit), else from
   * its stamp when unchanged, else by reading it.
   */
  hashOf(file: string): string {
    const validated = this.#validated.get(file);
    if (validated !== undefined) return validated;
    const absolute = path.join(this.#root, file);
    return this.#accelerator.store.hashOf(absolute, () => readCapped(absolute)).hash;
  }

  /** A persona file's entry: remembered by its content, else `compute`d (and remembered). */
  entryOf(file: string, compute: () => CatalogueEntry): CatalogueEntry {
    const key = `${file}\0${this.hashOf(file)}`;
    const known = this.#accelerator.store.get<CatalogueEntry>('catalogue-entry', key);
    if (isEntry(known)) return known;
    const entry = compute();
    this.#accelerator.store.set('catalogue-entry', key, entry);
    return entry;
  }

  /** The digest of everything `unit` is made from. */
  digestOf(unit: CatalogueUnit): string {
    return hashData(
      [
        unit.type,
        unit.key,
        unit.input,
        unit.personas.map((file) => [file, this.hashOf(file)]),
        this.#options,
      ],
      digestReplacer,
    );
  }

  /** The files of the unit with `digest`, when it was written before and they are still as it left them. */
  currentFiles(digest: string): string[] | null {
    const stamps = this.#accelerator.store.get<FileStamp[]>('catalogue-unit', digest);
    if (!Array.isArray(stamps)) return null;
    for (const stamp of stamps) if (!Array.isArray(stamp) || !this.#matches(stamp)) return null;
    return stamps.map((stamp) => stamp[0]);
  }

  /** Remembers that the unit with `digest` produced `files`, as they are now in the folder. */
  remember(digest: string, files: readonly string[]): void {
    const stamps: FileStamp[] = [];
    for (const file of files) {
      const stat = lstatSync(path.join(this.#outDir, file), { throwIfNoEntry: false });
      if (!stat?.isFile()) return;
      stamps.push([file, stat.size, stat.mtimeMs, stat.ctimeMs, stat.ino]);
    }
    this.#accelerator.store.set('catalogue-unit', digest, stamps);
  }

  #matches([file, size, mtimeMs, ctimeMs, ino]: FileStamp): boolean {
    if (typeof file !== 'string') return false;
    const stat = lstatSync(path.join(this.#outDir, file), { throwIfNoEntry: false });
    return (
      stat?.isFile() === true &&
      stat.size === size &&
      stat.mtimeMs === mtimeMs &&
      stat.ctimeMs === ctimeMs &&
      stat.ino === ino
    );
  }
}

function isEntry(value: unknown): value is CatalogueEntry {
  const entry = value as Partial<CatalogueEntry> | null | undefined;
  return (
    typeof entry?.outline === 'object' &&
    entry.outline !== null &&
    typeof entry.jsonBytes === 'number' &&
    typeof entry.csvBytes === 'number' &&
    typeof entry.chunkBytes === 'number'
  );
}
