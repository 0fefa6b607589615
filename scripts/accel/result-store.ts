import { randomUUID } from 'node:crypto';
import {
  appendFileSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { contentHash } from '../core/sha256.ts';

/** The first line of a store file, then a tab and the fingerprint. */
const FORMAT = 'persona-result-store 2';

/** Size, times and inode of a file as read: a file that still has them was not changed (as git decides). */
export interface FileStamp {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
}

/** A stamp with the content hash it vouches for, as stored: `size,mtimeMs,ctimeMs,ino,hash`. */
type StampText = string;

interface Contents {
  /** File (relative to the base when inside it) → its stamp. */
  stamps: Map<string, StampText>;
  /** `<kind>\0<key>` → the result as JSON text, parsed only when asked for. */
  results: Map<string, string>;
  /** Lines in the file, and how many of them a later line of the same name replaced. */
  lines: number;
  replaced: number;
}

/** What `contentHash` gives; a stamp whose hash is anything else (cut short) is no stamp. */
const HASH = /^[A-Za-z0-9_-]{22}$/;

/** A run that changed less than this share of a store appends its changes instead of rewriting the file. */
const APPEND_SHARE = 0.1;

/**
 * The accelerator's one store: results of pure steps, addressed by the content they were computed from
 * (a file's bytes hash, with its path when the path matters), in a store that belongs to one build of the tool
 * (its fingerprint), so a result can only ever be reused for exactly the same input. One file in the tools'
 * state folder (never in the working tree); a missing, corrupt or foreign file is simply an empty store.
 *
 * The file is one record per line (`S<path>\t<stamp>` or `R<id>\t<JSON>`, with the path and id as JSON
 * strings, which never hold a raw tab or line break): loading it only splits lines, each result is parsed
 * when a run asks for it, and the ones a run reuses are written back as the very text they were read as.
 *
 * Stamps spare reading a file to hash it: a file whose size, times and inode are unchanged keeps its hash.
 * What a run did not use of a kind it used is dropped when it saves, so the store holds one library's worth.
 */
export class ResultStore {
  readonly #location: string | null;
  readonly #fingerprint: string;
  readonly #base: string | null;
  readonly #old: Contents;
  readonly #next = { stamps: new Map<string, StampText>(), results: new Map<string, string>() };
  /**
   * Without a file, results are never written, so they are kept as set and turned into JSON only if asked for
   * again (a resident `--watch --no-cache`): a cold one-off run never pays for text nobody reads.
   */
  readonly #unwritten = new Map<string, unknown>();
  readonly #usedKinds = new Set<string>();
  #changed: boolean;

  private constructor(
    location: string | null,
    fingerprint: string,
    base: string | null,
    old: Contents | null,
  ) {
    this.#location = location;
    this.#fingerprint = fingerprint;
    this.#base = base;
    this.#old = old ?? { stamps: new Map(), results: new Map(), lines: 0, replaced: 0 };
    this.#changed = old === null;
  }

  /**
   * The store at `location` (null: in memory only, for tests and one-off runs). Stamps of files under `base`
   * (the library root) are kept by their path relative to it.
   */
  static open(location: string | null, fingerprint: string, base: string | null = null): ResultStore {
    return new ResultStore(location, fingerprint, base, location ? readStored(location, fingerprint) : null);
  }

  /** The content hash of a file: from its stamp when unchanged, else by reading it (`read` gives the bytes). */
  hashOf(absolute: string, read: () => Uint8Array): { hash: string; bytes: Uint8Array | null } {
    const known = this.knownHash(absolute);
    if (known !== undefined) return { hash: known, bytes: null };
    const stat = lstatSync(absolute, { throwIfNoEntry: false });
    const bytes = read();
    const hash = contentHash(bytes);
    if (stat) this.record(absolute, stat, hash);
    return { hash, bytes };
  }

  /** The hash recorded for a file whose size, times and inode are still the recorded ones; else undefined. */
  knownHash(absolute: string): string | undefined {
    const file = this.#relative(absolute);
    // This run's own stamp first: a file hashed earlier in the run (validation, then the catalogue) is read once.
    const known = this.#next.stamps.get(file) ?? this.#old.stamps.get(file);
    if (known === undefined) return undefined;
    const fields = known.split(',');
    const hash = fields[4];
    if (hash === undefined || !HASH.test(hash)) return undefined;
    const stat = lstatSync(absolute, { throwIfNoEntry: false });
    return stat &&
      stat.size === Number(fields[0]) &&
      stat.mtimeMs === Number(fields[1]) &&
      stat.ctimeMs === Number(fields[2]) &&
      stat.ino === Number(fields[3])
      ? hash
      : undefined;
  }

  /** Records the hash of a file as it was when read (its stamp taken from the same open file). */
  record(absolute: string, stamp: FileStamp, hash: string): void {
    this.#next.stamps.set(
      this.#relative(absolute),
      `${stamp.size},${stamp.mtimeMs},${stamp.ctimeMs},${stamp.ino},${hash}`,
    );
    this.#changed = true;
  }

  /** A result stored by an earlier run, or undefined. */
  get<T>(kind: string, key: string): T | undefined {
    this.#usedKinds.add(kind);
    const id = `${kind}\0${key}`;
    // A result set earlier in this run first: a resident process (`validate --watch`) asks again and again.
    const unwritten = this.#unwritten.get(id);
    if (unwritten !== undefined) {
      this.#unwritten.delete(id);
      this.#next.results.set(id, JSON.stringify(unwritten));
    }
    const text = this.#next.results.get(id) ?? this.#old.results.get(id);
    if (text === undefined) return undefined;
    let value: T;
    try {
      value = JSON.parse(text) as T;
    } catch {
      return undefined;
    }
    this.#next.results.set(id, text);
    return value;
  }

  set(kind: string, key: string, value: unknown): void {
    this.#usedKinds.add(kind);
    const id = `${kind}\0${key}`;
    if (this.#location) this.#next.results.set(id, JSON.stringify(value));
    else {
      this.#next.results.delete(id);
      this.#unwritten.set(id, value);
    }
    this.#changed = true;
  }

  /**
   * Writes what the run learnt. A run that changed little (a warm run after one edit) appends its new records,
   * which replace earlier ones of the same name when the file is read; otherwise, or once replaced records pile
   * up, the file is rewritten whole, atomically, without what the run did not use of a kind it used. A store
   * that cannot be written is only a slower run.
   */
  save(): void {
    if (!this.#location) return;
    const newStamps = [...this.#next.stamps].filter(([file, stamp]) => this.#old.stamps.get(file) !== stamp);
    const newResults = [...this.#next.results].filter(([id, text]) => this.#old.results.get(id) !== text);
    const changes = newStamps.length + newResults.length;
    let unused = 0;
    for (const id of this.#old.results.keys())
      if (!this.#next.results.has(id) && this.#usedKinds.has(id.slice(0, id.indexOf('\0')))) unused++;
    if (!this.#changed && changes === 0 && unused === 0) return;
    const total = this.#old.stamps.size + this.#old.results.size;
    if (total > 0 && this.#old.replaced + changes + unused < total * APPEND_SHARE) {
      if (changes === 0) return;
      try {
        appendFileSync(this.#location, lines(newStamps, newResults));
        this.#written(newStamps, newResults);
        return;
      } catch {
        // Rewritten whole below.
      }
    }
    for (const [id, text] of this.#old.results) {
      if (this.#next.results.has(id)) continue;
      // Kinds this run never asked about (contributions, in a run that checked personas only) stay as they were.
      if (!this.#usedKinds.has(id.slice(0, id.indexOf('\0')))) this.#next.results.set(id, text);
    }
    for (const [file, stamp] of this.#old.stamps)
      if (!this.#next.stamps.has(file)) this.#next.stamps.set(file, stamp);
    const temporary = `${this.#location}.${randomUUID()}.tmp`;
    try {
      mkdirSync(path.dirname(this.#location), { recursive: true });
      writeFileSync(
        temporary,
        `${FORMAT}\t${this.#fingerprint}\n${lines(this.#next.stamps, this.#next.results)}`,
      );
      renameSync(temporary, this.#location);
      this.#old.replaced = 0;
      this.#old.stamps.clear();
      this.#old.results.clear();
      this.#written(this.#next.stamps, this.#next.results);
    } catch {
      rmSync(temporary, { force: true });
    }
  }

  /**
   * What is now in the file is what a later save compares with: a resident process (`validate --watch`) saves
   * after every round, and appends only that round's news.
   */
  #written(stamps: Iterable<[string, StampText]>, results: Iterable<[string, string]>): void {
    for (const [file, stamp] of stamps) {
      if (this.#old.stamps.has(file)) this.#old.replaced++;
      this.#old.stamps.set(file, stamp);
    }
    for (const [id, text] of results) {
      if (this.#old.results.has(id)) this.#old.replaced++;
      this.#old.results.set(id, text);
    }
    this.#changed = false;
  }

  #relative(absolute: string): string {
    return this.#base !== null && absolute.startsWith(`${this.#base}${path.sep}`)
      ? absolute.slice(this.#base.length + 1)
      : absolute;
  }
}

function lines(stamps: Iterable<[string, StampText]>, results: Iterable<[string, string]>): string {
  const out: string[] = [];
  for (const [file, stamp] of stamps) out.push(`S${JSON.stringify(file)}\t${stamp}\n`);
  for (const [id, text] of results) out.push(`R${JSON.stringify(id)}\t${text}\n`);
  return out.join('');
}

/** A fingerprint of everything that makes results valid: parts joined and hashed. */
export function fingerprintOf(parts: readonly string[]): string {
  return contentHash([FORMAT, ...parts].join('\0'));
}

function readStored(location: string, fingerprint: string): Contents | null {
  let text: string;
  try {
    text = readFileSync(location, 'utf8');
  } catch {
    return null;
  }
  const all = text.split('\n');
  if (all[0] !== `${FORMAT}\t${fingerprint}`) return null;
  const contents: Contents = { stamps: new Map(), results: new Map(), lines: all.length - 1, replaced: 0 };
  // Every record ends with a line break, so the text after the last one is empty, or a record cut short by an
  // interrupted append: that one is left out rather than let it replace a whole record of the same name.
  for (let index = 1; index < all.length - 1; index++) {
    const line = all[index] as string;
    const tab = line.indexOf('\t');
    if (tab < 2) continue;
    let name: unknown;
    try {
      name = JSON.parse(line.slice(1, tab));
    } catch {
      continue;
    }
    if (typeof name !== 'string') continue;
    const map = line[0] === 'S' ? contents.stamps : line[0] === 'R' ? contents.results : null;
    if (!map) continue;
    if (map.has(name)) contents.replaced++;
    map.set(name, line.slice(tab + 1));
  }
  return contents;
}
