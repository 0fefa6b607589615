import { randomUUID } from 'node:crypto';
import { lstatSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { contentHash } from '../core/sha256.ts';

const FORMAT = 'persona-result-store';

/** Size, times and inode of a file as read: a file that still has them was not changed (as git decides). */
export interface FileStamp {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
}

interface StoredFile {
  format: typeof FORMAT;
  /** The tool and its inputs (bundle, schemas): results of any other are never reused. */
  fingerprint: string;
  /** Absolute path → [size, mtimeMs, ctimeMs, ino, content hash]. */
  stamps: Record<string, [number, number, number, number, string]>;
  /** `<kind>\0<key>` → result. */
  results: Record<string, unknown>;
}

/**
 * The accelerator's one store: results of pure steps, addressed by the content they were computed from
 * (a file's bytes hash, with its path when the path matters, and the tool's fingerprint), so a result can
 * only ever be reused for exactly the same input. One JSON file in the tools' state folder (never in the
 * working tree); a missing, corrupt or foreign file is simply an empty store.
 *
 * Stamps spare reading a file to hash it: a file whose size, times and inode are unchanged keeps its hash.
 * What a run did not use of a kind it used is dropped when it saves, so the store holds one library's worth.
 */
export class ResultStore {
  private readonly old: StoredFile;
  private readonly next: StoredFile;
  private readonly usedKinds = new Set<string>();
  private changed: boolean;

  private constructor(
    private readonly location: string | null,
    fingerprint: string,
    old: StoredFile | null,
  ) {
    this.old = old ?? empty(fingerprint);
    this.next = empty(fingerprint);
    this.changed = old === null;
  }

  /** The store at `location` (null: in memory only, for tests and one-off runs). */
  static open(location: string | null, fingerprint: string): ResultStore {
    return new ResultStore(location, fingerprint, location ? readStored(location, fingerprint) : null);
  }

  /** The content hash of a file: from its stamp when unchanged, else by reading it (`read` gives the bytes). */
  hashOf(absolute: string, read: () => Uint8Array): { hash: string; bytes: Uint8Array | null } {
    const stat = lstatSync(absolute, { throwIfNoEntry: false });
    // This run's own stamp first: a file hashed earlier in the run (validation, then the catalogue) is read once.
    const known = this.next.stamps[absolute] ?? this.old.stamps[absolute];
    if (
      stat &&
      known &&
      known[0] === stat.size &&
      known[1] === stat.mtimeMs &&
      known[2] === stat.ctimeMs &&
      known[3] === stat.ino
    ) {
      this.next.stamps[absolute] = known;
      return { hash: known[4], bytes: null };
    }
    const bytes = read();
    const hash = contentHash(bytes);
    if (stat) this.next.stamps[absolute] = [stat.size, stat.mtimeMs, stat.ctimeMs, stat.ino, hash];
    this.changed = true;
    return { hash, bytes };
  }

  get<T>(kind: string, key: string): T | undefined {
    this.usedKinds.add(kind);
    const id = `${kind}\0${key}`;
    // A result set earlier in this run first: a resident process (`validate --watch`) asks again and again.
    if (Object.hasOwn(this.next.results, id)) return this.next.results[id] as T;
    if (!Object.hasOwn(this.old.results, id)) return undefined;
    const value = this.old.results[id] as T;
    this.next.results[id] = value;
    return value;
  }

  set(kind: string, key: string, value: unknown): void {
    this.usedKinds.add(kind);
    const id = `${kind}\0${key}`;
    this.next.results[id] = value;
    this.changed = true;
  }

  /** Writes the store back (atomically) when it changed; a store that cannot be written is only a slower run. */
  save(): void {
    if (!this.location) return;
    let dropped = false;
    for (const [id, value] of Object.entries(this.old.results)) {
      if (Object.hasOwn(this.next.results, id)) continue;
      // Kinds this run never asked about (contributions, in a run that checked personas only) stay as they were.
      if (!this.usedKinds.has(id.slice(0, id.indexOf('\0')))) this.next.results[id] = value;
      else dropped = true;
    }
    for (const [file, stamp] of Object.entries(this.old.stamps))
      if (!Object.hasOwn(this.next.stamps, file)) this.next.stamps[file] = stamp;
    if (!this.changed && !dropped) return;
    const temporary = `${this.location}.${randomUUID()}.tmp`;
    try {
      mkdirSync(path.dirname(this.location), { recursive: true });
      writeFileSync(temporary, JSON.stringify(this.next));
      renameSync(temporary, this.location);
    } catch {
      rmSync(temporary, { force: true });
    }
  }
}

/** A fingerprint of everything that makes results valid: parts joined and hashed. */
export function fingerprintOf(parts: readonly string[]): string {
  return contentHash([FORMAT, ...parts].join('\0'));
}

function empty(fingerprint: string): StoredFile {
  return { format: FORMAT, fingerprint, stamps: {}, results: {} };
}

function readStored(location: string, fingerprint: string): StoredFile | null {
  try {
    const stored = JSON.parse(readFileSync(location, 'utf8')) as Partial<StoredFile> | null;
    if (
      stored?.format !== FORMAT ||
      stored.fingerprint !== fingerprint ||
      typeof stored.stamps !== 'object' ||
      stored.stamps === null ||
      typeof stored.results !== 'object' ||
      stored.results === null
    )
      return null;
    return stored as StoredFile;
  } catch {
    return null;
  }
}
