import { createHash, randomUUID } from 'node:crypto';
import { lstatSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { PersonaFacts, PersonaSummary } from '../check/persona/check-persona-file.ts';
import type { Contribution, ContributionFacts } from '../core/contribution.ts';
import type { Diagnostic, Place } from '../core/diagnostic.ts';
import { personaFactsLoadingData } from './persona-facts-loading-data.ts';

const FORMAT = 'persona-validate-cache';
// 3: entries stored as arrays (three times faster to parse than keyed objects at 15,000 files).
const VERSION = 3;

/** ctime too, as git does: an edit that keeps the size and restores the mtime still changes the ctime. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
  hash: string;
}

interface PersonaEntry {
  stamp: FileStamp;
  diagnostics: Diagnostic[];
  places: Record<string, Place> | null;
  summary: PersonaSummary | null;
}

interface ContributionEntry {
  stamp: FileStamp;
  facts: Omit<ContributionFacts, 'places'> & { places?: Record<string, Place> };
}

interface CacheFile {
  format: typeof FORMAT;
  version: typeof VERSION;
  key: string;
  personas: Record<string, PersonaEntry>;
  contributions: Record<string, ContributionEntry>;
  memo: Record<string, Diagnostic[]>;
  /** Slug suggestions for broken links, by library slugs and input; 0 when there is none. */
  suggestions: Record<string, string | 0>;
}

export function contentHash(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('hex');
}

/** What makes cached results valid: this cache format, this build of the tool, and both schemas. */
export function cacheKey(parts: readonly string[]): string {
  return contentHash(new TextEncoder().encode([FORMAT, VERSION, ...parts].join('\0')));
}

/**
 * Per-file results from an earlier run. A file is reused when its size, mtime and inode are unchanged (as git
 * does), or else when its content hash is; anything unreadable, corrupt, from another version of the tool or
 * for other schemas is ignored and the run is simply cold.
 */
export class ValidateCache {
  private readonly old: CacheFile;
  private readonly next: CacheFile;
  /** Whether the next cache differs from the old one; an unchanged cache is not rewritten. */
  private changed = false;

  /** The identity of the full cache read, which a delta written by this run extends; undefined when cold. */
  private readonly baseId: string | undefined;
  /** What this run must write to a delta: entries it changed, plus what it read from the delta. */
  private readonly pending: Overlay;

  constructor(
    private readonly location: string,
    key: string,
  ) {
    const read = readCache(location, key);
    this.old = read?.cache ?? emptyCache(key);
    this.baseId = read?.id;
    this.pending = read?.fromDelta ?? { files: new Set(), memo: new Set(), suggestions: new Set() };
    this.next = emptyCache(key);
    this.changed = read === undefined;
  }

  private touch(kind: 'personas' | 'contributions', file: string): void {
    this.changed = true;
    this.pending.files.add(`${kind}\0${file}`);
  }

  /** Whether the file on disk still has the size, times and inode it had when cached (so it was not read). */
  statMatches(kind: 'personas' | 'contributions', file: string, absolute: string): boolean {
    const entry = this.old[kind][file];
    if (!entry) return false;
    const stat = lstatSync(absolute, { throwIfNoEntry: false });
    if (!stat) return false;
    return (
      stat.size === entry.stamp.size &&
      stat.mtimeMs === entry.stamp.mtimeMs &&
      stat.ctimeMs === entry.stamp.ctimeMs &&
      stat.ino === entry.stamp.ino
    );
  }

  has(kind: 'personas' | 'contributions', file: string): boolean {
    return Object.hasOwn(this.old[kind], file);
  }

  /** The stamp (stat and content hash) of every file revived so far. */
  *revivedStamps(): Generator<[string, FileStamp]> {
    for (const [file, entry] of Object.entries(this.next.personas)) yield [file, entry.stamp];
    for (const [file, entry] of Object.entries(this.next.contributions)) yield [file, entry.stamp];
  }

  hashMatches(kind: 'personas' | 'contributions', file: string, stamp: FileStamp): boolean {
    return this.old[kind][file]?.stamp.hash === stamp.hash;
  }

  /** Facts from the cache; `data` (personas) and `places` (contributions) are loaded on first use by `load`. */
  revivePersona(file: string, stamp: FileStamp | undefined, load: () => PersonaFacts): PersonaFacts {
    const entry = this.old.personas[file] as PersonaEntry;
    this.next.personas[file] = { ...entry, stamp: stamp ?? entry.stamp };
    if (stamp) this.touch('personas', file);
    return personaFactsLoadingData(
      { file, places: entry.places, diagnostics: entry.diagnostics },
      entry.summary,
      load,
    );
  }

  reviveContribution(
    file: string,
    stamp: FileStamp | undefined,
    load: () => ContributionFacts,
  ): ContributionFacts {
    const entry = this.old.contributions[file] as ContributionEntry;
    this.next.contributions[file] = { ...entry, stamp: stamp ?? entry.stamp };
    if (stamp) this.touch('contributions', file);
    const stored = entry.facts.places;
    let loaded: ContributionFacts | undefined;
    return {
      ...entry.facts,
      get places() {
        if (stored) return stored;
        loaded ??= load();
        return loaded.places;
      },
    };
  }

  storePersona(
    facts: Pick<PersonaFacts, 'file' | 'diagnostics' | 'places'>,
    stamp: FileStamp,
    summary: PersonaSummary | null,
  ): void {
    this.touch('personas', facts.file);
    this.next.personas[facts.file] = { stamp, diagnostics: facts.diagnostics, places: facts.places, summary };
  }

  storeContribution(facts: ContributionFacts, stamp: FileStamp): void {
    this.touch('contributions', facts.file);
    const { places, ...rest } = facts;
    // Places are kept only for files with problems; clean files are re-read in the rare case a cross-file
    // rule points into them, which keeps the cache small enough to load in a few milliseconds.
    this.next.contributions[facts.file] = {
      stamp,
      facts: facts.diagnostics.length > 0 ? { ...rest, places } : rest,
    };
  }

  /**
   * Carries every contribution entry and remembered answer of the old cache over as it is, for a run that
   * checked personas only: the next run that does look at contributions still finds them.
   */
  keepContributions(): void {
    for (const [file, entry] of Object.entries(this.old.contributions))
      if (!Object.hasOwn(this.next.contributions, file)) this.next.contributions[file] = entry;
    for (const [short, value] of Object.entries(this.old.memo))
      if (!Object.hasOwn(this.next.memo, short)) this.next.memo[short] = value;
    for (const [short, value] of Object.entries(this.old.suggestions))
      if (!Object.hasOwn(this.next.suggestions, short)) this.next.suggestions[short] = value;
  }

  /**
   * Keeps the places a cross-file rule had to locate in a fast-path persona, so the next run does not parse the
   * file again to report the same problem.
   */
  rememberPlaces(file: string, places: Record<string, Place>): void {
    const entry = this.next.personas[file];
    if (!entry || entry.places !== null) return;
    entry.places = places;
    this.touch('personas', file);
  }

  /** Short keys already computed: each comparison's key is asked for twice (`hasMemo`, then `memo`). */
  private readonly shortKeys = new Map<string, string>();

  private memoHash(key: string): string {
    let short = this.shortKeys.get(key);
    if (short === undefined) {
      short = createHash('sha1').update(key).digest('base64');
      this.shortKeys.set(key, short);
    }
    return short;
  }

  /** The hash of the last slug list seen (one per run), so it is computed once. */
  private slugsHash: { slugs: readonly string[]; hash: string } | undefined;

  /** A remembered slug suggestion: any change to the library's slugs, or another input, asks again. */
  suggestion(input: string, slugs: readonly string[], compute: () => string | undefined): string | undefined {
    if (this.slugsHash?.slugs !== slugs)
      this.slugsHash = { slugs, hash: createHash('sha1').update(JSON.stringify(slugs)).digest('base64') };
    const key = this.memoHash(`${this.slugsHash.hash}\0${input}`);
    const hit = this.old.suggestions[key] ?? this.next.suggestions[key];
    if (hit === undefined) {
      this.changed = true;
      this.pending.suggestions.add(key);
    }
    const value = hit === undefined ? (compute() ?? 0) : hit;
    this.next.suggestions[key] = value;
    return value === 0 ? undefined : value;
  }

  /** Whether `memo` would answer `key` without computing. */
  hasMemo(key: string): boolean {
    const short = this.memoHash(key);
    return Object.hasOwn(this.old.memo, short) || Object.hasOwn(this.next.memo, short);
  }

  /** `key` names the inputs (file paths and content hashes); it is stored as its hash to keep the cache small. */
  memo(key: string, compute: () => Diagnostic[]): Diagnostic[] {
    const short = this.memoHash(key);
    const hit = this.old.memo[short] ?? this.next.memo[short];
    if (!hit) {
      this.changed = true;
      this.pending.memo.add(short);
    }
    const value = hit ?? compute();
    this.next.memo[short] = value;
    return value;
  }

  /**
   * Best effort: a cache that cannot be written only makes the next run cold. A run that changed a few entries
   * writes only those, as a delta over the full cache (rewriting 15,000 entries for one edit took about 70 ms);
   * once the delta, or the entries of deleted files, pass a tenth of the library, the full cache is rewritten.
   */
  save(): void {
    const size = (cache: CacheFile) =>
      Object.keys(cache.personas).length + Object.keys(cache.contributions).length;
    // Entries that disappeared (deleted files) also make the cache change.
    const removed = size(this.old) - size(this.next);
    if (!this.changed && removed === 0) return;
    const deltaFiles = [...this.pending.files].filter((key) => {
      const [kind, file] = key.split('\0') as ['personas' | 'contributions', string];
      return Object.hasOwn(this.next[kind], file);
    });
    const deltaMemo = [...this.pending.memo].filter((short) => Object.hasOwn(this.next.memo, short));
    const limit = Math.max(64, size(this.next) / 10);
    try {
      mkdirSync(path.dirname(this.location), { recursive: true });
      if (
        this.baseId !== undefined &&
        deltaFiles.length + Math.max(0, removed) <= limit &&
        deltaMemo.length <= limit
      ) {
        const pick = <T>(record: Record<string, T>, keys: Iterable<string>) =>
          Object.fromEntries(
            [...keys].filter((k) => Object.hasOwn(record, k)).map((k) => [k, record[k] as T]),
          );
        const rows = (kind: 'personas' | 'contributions') =>
          deltaFiles.filter((key) => key.startsWith(`${kind}\0`)).map((key) => key.slice(kind.length + 1));
        writeAtomically(deltaLocation(this.location), {
          format: FORMAT,
          version: VERSION,
          key: this.next.key,
          base: this.baseId,
          personas: rows('personas').map((file) =>
            encodePersona(file, this.next.personas[file] as PersonaEntry),
          ),
          contributions: rows('contributions').map((file) =>
            encodeContribution(file, this.next.contributions[file] as ContributionEntry),
          ),
          memo: pick(this.next.memo, deltaMemo),
          suggestions: pick(this.next.suggestions, this.pending.suggestions),
        });
        return;
      }
      writeAtomically(this.location, {
        format: FORMAT,
        version: VERSION,
        key: this.next.key,
        id: randomUUID(),
        personas: Object.entries(this.next.personas).map(([file, entry]) => encodePersona(file, entry)),
        contributions: Object.entries(this.next.contributions).map(([file, entry]) =>
          encodeContribution(file, entry),
        ),
        memo: this.next.memo,
        suggestions: this.next.suggestions,
      });
      // The delta belonged to the full cache just replaced.
      rmSync(deltaLocation(this.location), { force: true });
    } catch {
      // Read-only checkout, full disk: validation itself is unaffected.
    }
  }
}

function writeAtomically(location: string, stored: StoredCache): void {
  const temporary = `${location}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(stored));
  renameSync(temporary, location);
}

function emptyCache(key: string): CacheFile {
  return {
    format: FORMAT,
    version: VERSION,
    key,
    personas: {},
    contributions: {},
    memo: {},
    suggestions: {},
  };
}

/**
 * The full cache and, when there is one for it, the delta of later runs laid over it; undefined when the full
 * cache is missing, corrupt or for another key. A delta that does not fit is ignored: every entry is checked
 * against the file on disk anyway, so a lost delta only costs re-checking the files it described.
 */
function readCache(
  location: string,
  key: string,
): { cache: CacheFile; id: string; fromDelta: Overlay } | undefined {
  const full = readStored(location, key);
  if (!full?.id) return undefined;
  const cache = emptyCache(key);
  if (!overlay(cache, full)) return undefined;
  const fromDelta: Overlay = { files: new Set(), memo: new Set(), suggestions: new Set() };
  const delta = readStored(deltaLocation(location), key);
  if (delta?.base === full.id) {
    const layered = emptyCache(key);
    // All or nothing: a delta with one bad entry is ignored whole.
    if (overlay(layered, delta)) {
      for (const kind of ['personas', 'contributions'] as const)
        for (const [file, entry] of Object.entries(layered[kind])) {
          (cache[kind] as Record<string, unknown>)[file] = entry;
          fromDelta.files.add(`${kind}\0${file}`);
        }
      for (const [short, value] of Object.entries(layered.memo)) {
        cache.memo[short] = value;
        fromDelta.memo.add(short);
      }
      for (const [short, value] of Object.entries(layered.suggestions)) {
        cache.suggestions[short] = value;
        fromDelta.suggestions.add(short);
      }
    }
  }
  return { cache, id: full.id, fromDelta };
}

/** The entries and memos a run took from (or adds to) the delta rather than the full cache. */
interface Overlay {
  files: Set<string>;
  memo: Set<string>;
  suggestions: Set<string>;
}

function deltaLocation(location: string): string {
  return location.replace(/(\.json)?$/, '.delta.json');
}

function readStored(location: string, key: string): Partial<StoredCache> | undefined {
  try {
    const parsed = JSON.parse(readFileSync(location, 'utf8')) as Partial<StoredCache> | null;
    if (!parsed || parsed.format !== FORMAT || parsed.version !== VERSION || parsed.key !== key)
      return undefined;
    return parsed;
  } catch {
    return undefined;
  }
}

/** Decodes a stored file's entries into `cache`; false when any part has the wrong shape. */
function overlay(cache: CacheFile, stored: Partial<StoredCache>): boolean {
  if (!Array.isArray(stored.personas) || !Array.isArray(stored.contributions) || !isRecord(stored.memo))
    return false;
  const suggestions: unknown = stored.suggestions;
  if (!isRecord(suggestions) || !Object.values(suggestions).every((v) => v === 0 || typeof v === 'string'))
    return false;
  for (const row of stored.personas) {
    const entry = decodePersona(row);
    if (!entry) return false;
    cache.personas[entry[0]] = entry[1];
  }
  for (const row of stored.contributions) {
    const entry = decodeContribution(row);
    if (!entry) return false;
    cache.contributions[entry[0]] = entry[1];
  }
  Object.assign(cache.memo, stored.memo as Record<string, Diagnostic[]>);
  Object.assign(cache.suggestions, suggestions as Record<string, string | 0>);
  return true;
}

/**
 * On disk, each entry is an array: `[file, size, mtimeMs, ctimeMs, ino, hash, …]`, then for a persona
 * `diagnostics, places, summary` (summary as `[id, slug, title, [index, persona, …]]`), and for a contribution
 * `folder, fileDate, contribution, diagnostics, places`; `0` stands for an empty list or nothing.
 */
interface StoredCache {
  format: typeof FORMAT;
  version: typeof VERSION;
  key: string;
  /** A full cache: its identity, which a delta names. A delta: the identity of the full cache it extends. */
  id?: string;
  base?: string;
  personas: unknown[];
  contributions: unknown[];
  memo: Record<string, Diagnostic[]>;
  suggestions: Record<string, string | 0>;
}

type StampRow = [string, number, number, number, number, string];

function encodeStamp(file: string, stamp: FileStamp): StampRow {
  return [file, stamp.size, stamp.mtimeMs, stamp.ctimeMs, stamp.ino, stamp.hash];
}

function decodeStamp(row: unknown): [string, FileStamp] | undefined {
  if (!Array.isArray(row) || row.length < 6) return undefined;
  const [file, size, mtimeMs, ctimeMs, ino, hash] = row as unknown[];
  if (typeof file !== 'string' || typeof hash !== 'string') return undefined;
  if (![size, mtimeMs, ctimeMs, ino].every((n) => typeof n === 'number')) return undefined;
  return [file, { size, mtimeMs, ctimeMs, ino, hash } as FileStamp];
}

function encodePersona(file: string, entry: PersonaEntry): unknown[] {
  const { summary } = entry;
  return [
    ...encodeStamp(file, entry.stamp),
    entry.diagnostics.length > 0 ? entry.diagnostics : 0,
    entry.places ?? 0,
    summary
      ? [
          summary.id ?? 0,
          summary.slug ?? 0,
          summary.title ?? 0,
          summary.links.flatMap((link) => [link.index, link.persona]),
        ]
      : 0,
  ];
}

function decodePersona(row: unknown): [string, PersonaEntry] | undefined {
  const stamped = decodeStamp(row);
  if (!stamped) return undefined;
  const [, , , , , , diagnostics, places, summary] = row as unknown[];
  if (!(diagnostics === 0 || Array.isArray(diagnostics)) || !(places === 0 || isRecord(places)))
    return undefined;
  const entry: PersonaEntry = {
    stamp: stamped[1],
    diagnostics: diagnostics === 0 ? [] : (diagnostics as Diagnostic[]),
    places: places === 0 ? null : (places as Record<string, Place>),
    summary: null,
  };
  if (summary !== 0) {
    if (!Array.isArray(summary) || summary.length !== 4 || !Array.isArray(summary[3])) return undefined;
    const [id, slug, title, flatLinks] = summary as [unknown, unknown, unknown, unknown[]];
    const links: PersonaSummary['links'] = [];
    for (let i = 0; i + 1 < flatLinks.length; i += 2) {
      const [index, persona] = [flatLinks[i], flatLinks[i + 1]];
      if (typeof index !== 'number' || typeof persona !== 'string') return undefined;
      links.push({ index, persona });
    }
    entry.summary = { links };
    if (typeof id === 'string') entry.summary.id = id;
    if (typeof slug === 'string') entry.summary.slug = slug;
    if (typeof title === 'string') entry.summary.title = title;
  }
  return [stamped[0], entry];
}

function encodeContribution(file: string, entry: ContributionEntry): unknown[] {
  const { facts } = entry;
  return [
    ...encodeStamp(file, entry.stamp),
    facts.folder ?? 0,
    facts.fileDate ?? 0,
    facts.contribution ?? 0,
    facts.diagnostics.length > 0 ? facts.diagnostics : 0,
    facts.places ?? 0,
  ];
}

function decodeContribution(row: unknown): [string, ContributionEntry] | undefined {
  const stamped = decodeStamp(row);
  if (!stamped) return undefined;
  const [file, stamp] = stamped;
  const [, , , , , , folder, fileDate, contribution, diagnostics, places] = row as unknown[];
  if (!(folder === 0 || typeof folder === 'string') || !(fileDate === 0 || typeof fileDate === 'string'))
    return undefined;
  if (!(contribution === 0 || isRecord(contribution)) || !(diagnostics === 0 || Array.isArray(diagnostics)))
    return undefined;
  if (!(places === 0 || isRecord(places))) return undefined;
  const facts: ContributionEntry['facts'] = {
    file,
    folder: folder === 0 ? null : folder,
    fileDate: fileDate === 0 ? null : fileDate,
    contribution: contribution === 0 ? null : (contribution as unknown as Contribution),
    diagnostics: diagnostics === 0 ? [] : (diagnostics as Diagnostic[]),
  };
  if (places !== 0) facts.places = places as Record<string, Place>;
  return [file, { stamp, facts }];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
