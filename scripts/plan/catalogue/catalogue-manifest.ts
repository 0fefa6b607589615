import { compareCodePoints } from '../../core/diagnostic.ts';
import type { PersonaOutline } from '../../render/catalogue/persona-outline.ts';

export { hashText } from '../../render/catalogue/content-hash.ts';

/**
 * What the last `persona catalogue` run wrote, so the next run can skip the groups of files (a persona page, a
 * product's exports, a tag page…) whose inputs didn't change. It lives outside the catalogue
 * (`node_modules/.cache/persona/`), is never committed and is only ever a hint: a missing, corrupt, older or
 * foreign manifest is the same as none, and a recorded file is trusted only while its size and modification
 * time are what the previous run left. `--check` never reads it.
 */
export const MANIFEST_VERSION = 3;

export interface ManifestFile {
  /** Hash of the file's text. */
  output: string;
  size: number;
  mtimeMs: number;
}

export interface ManifestUnit {
  /** Hash of what the group's files were made from. */
  digest: string;
  files: string[];
}

/**
 * What a persona file held when the run read it, so the next run can skip parsing it while its size and
 * modification time stay the same: the persona's outline and the digests planning needs of the rest.
 */
export interface ManifestPersona {
  size: number;
  mtimeMs: number;
  /** `hashData` of the whole persona. */
  digest: string;
  /** Bytes of its JSON export entry (one line, no indentation). */
  exportBytes: number;
  /** `hashData` of `outline`. */
  outlineDigest: string;
  outline: PersonaOutline;
}

export interface CatalogueManifest {
  /** The skeleton digest the units were planned with (see `PreviousPlan`); null when there is none. */
  skeleton: string | null;
  units: Map<string, ManifestUnit>;
  files: Map<string, ManifestFile>;
  /** Persona source file (relative to the library root) → what it held. */
  personas: Map<string, ManifestPersona>;
}

export function emptyManifest(): CatalogueManifest {
  return { skeleton: null, units: new Map(), files: new Map(), personas: new Map() };
}

/** A full manifest file as read: its identity, which a delta names, and what it holds. */
export interface StoredManifest {
  id: string;
  manifest: CatalogueManifest;
}

/**
 * The manifest written by this version of the code for these options (`fingerprint`); an empty one for
 * anything else, however malformed.
 */
export function parseManifest(text: string | null, fingerprint: string): CatalogueManifest {
  return parseManifestFile(text, fingerprint)?.manifest ?? emptyManifest();
}

/** A full manifest file, or null for anything this code and these options did not write, however malformed. */
export function parseManifestFile(text: string | null, fingerprint: string): StoredManifest | null {
  const value = parseStored(text, fingerprint);
  if (value === null || typeof value.id !== 'string') return null;
  const manifest = emptyManifest();
  return readEntries(value, manifest) ? { id: value.id, manifest } : null;
}

/**
 * `base` with a delta laid over it, when `text` is a delta of `base` (see `manifestDelta`); `base`'s own
 * entries otherwise. All or nothing: a delta with one bad entry is ignored whole. A lost delta only costs
 * rendering what it described: `base` is what an earlier run left, and each entry is still checked against the
 * files.
 */
export function withDelta(base: StoredManifest, text: string | null, fingerprint: string): CatalogueManifest {
  const value = parseStored(text, fingerprint);
  if (value === null || value.base !== base.id || !isRecord(value.removed)) return base.manifest;
  const removed = value.removed;
  const kinds = ['units', 'files', 'personas'] as const;
  if (!kinds.every((kind) => isStringArray(removed[kind]))) return base.manifest;
  const out: CatalogueManifest = {
    skeleton: null,
    units: new Map(base.manifest.units),
    files: new Map(base.manifest.files),
    personas: new Map(base.manifest.personas),
  };
  if (!readEntries(value, out)) return base.manifest;
  for (const kind of kinds) for (const key of removed[kind] as string[]) out[kind].delete(key);
  return out;
}

/** The parsed object of a manifest or delta file of this version and `fingerprint`; null for anything else. */
function parseStored(text: string | null, fingerprint: string): Record<string, unknown> | null {
  if (text === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isRecord(value) || value.version !== MANIFEST_VERSION || value.fingerprint !== fingerprint)
    return null;
  return value;
}

/** Reads the skeleton and the entries of a stored manifest or delta into `out`; false when any is malformed. */
function readEntries(value: Record<string, unknown>, out: CatalogueManifest): boolean {
  if (
    (value.skeleton !== null && typeof value.skeleton !== 'string') ||
    !isRecord(value.units) ||
    !isRecord(value.files) ||
    !isRecord(value.personas)
  )
    return false;
  out.skeleton = value.skeleton as string | null;
  for (const [key, unit] of Object.entries(value.units)) {
    // A persona page's unit is its one file, named by its key: only the digest is written.
    if (typeof unit === 'string') {
      out.units.set(key, { digest: unit, files: [key] });
      continue;
    }
    if (!Array.isArray(unit) || unit.length !== 2) return false;
    const [digest, files] = unit as unknown[];
    if (typeof digest !== 'string' || !isStringArray(files)) return false;
    out.units.set(key, { digest, files });
  }
  for (const [file, entry] of Object.entries(value.files)) {
    if (!Array.isArray(entry) || entry.length !== 3) return false;
    const [output, size, mtimeMs] = entry as unknown[];
    if (
      typeof output !== 'string' ||
      !Number.isSafeInteger(size) ||
      typeof mtimeMs !== 'number' ||
      !Number.isFinite(mtimeMs)
    )
      return false;
    out.files.set(file, { output, size: size as number, mtimeMs });
  }
  for (const [file, entry] of Object.entries(value.personas)) {
    if (!Array.isArray(entry) || entry.length !== 6) return false;
    const [size, mtimeMs, digest, exportBytes, outlineDigest, outline] = entry as unknown[];
    if (
      !Number.isSafeInteger(size) ||
      typeof mtimeMs !== 'number' ||
      !Number.isFinite(mtimeMs) ||
      typeof digest !== 'string' ||
      !Number.isSafeInteger(exportBytes) ||
      typeof outlineDigest !== 'string' ||
      !isOutline(outline) ||
      outline.file !== file
    )
      return false;
    out.personas.set(file, {
      size: size as number,
      mtimeMs,
      digest,
      exportBytes: exportBytes as number,
      outlineDigest,
      outline,
    });
  }
  return true;
}

/** The shape the pages rely on; the rest of an outline is data the previous run copied from a valid persona. */
function isOutline(value: unknown): value is PersonaOutline {
  if (!isRecord(value)) return false;
  const strings = ['file', 'id', 'slug', 'title', 'product', 'category'];
  return (
    strings.every((key) => typeof value[key] === 'string') &&
    Array.isArray(value.tags) &&
    value.tags.every((tag) => typeof tag === 'string') &&
    Array.isArray(value.composability) &&
    value.composability.every(isRecord) &&
    (value.community === undefined || isRecord(value.community))
  );
}

/** A full manifest file, known to later deltas as `id`. */
export function serializeManifest(manifest: CatalogueManifest, fingerprint: string, id: string): string {
  return `${JSON.stringify({ version: MANIFEST_VERSION, fingerprint, id, ...entriesOf(manifest) })}\n`;
}

/** What changed from a full manifest to a later one: entries added or different, and keys removed. */
export interface ManifestDelta {
  base: string;
  changes: CatalogueManifest;
  removed: { units: string[]; files: string[]; personas: string[] };
}

/**
 * `next` as changes to `base`, so a run that changed a few files writes a few entries instead of the whole
 * manifest (rewriting 10,000 personas' outlines for one edit took about a tenth of a second). Entries are
 * compared by value, after the quick check for what most are: the very object `base` holds, carried over.
 */
export function manifestDelta(base: StoredManifest, next: CatalogueManifest): ManifestDelta {
  const changes: CatalogueManifest = { ...emptyManifest(), skeleton: next.skeleton };
  const removed = {
    units: keysMissing(base.manifest.units, next.units),
    files: keysMissing(base.manifest.files, next.files),
    personas: keysMissing(base.manifest.personas, next.personas),
  };
  for (const [key, unit] of next.units) {
    const was = base.manifest.units.get(key);
    if (was === unit) continue;
    if (!was || was.digest !== unit.digest || !sameStrings(was.files, unit.files))
      changes.units.set(key, unit);
  }
  for (const [file, entry] of next.files) {
    const was = base.manifest.files.get(file);
    if (was === entry) continue;
    if (!was || was.output !== entry.output || was.size !== entry.size || was.mtimeMs !== entry.mtimeMs)
      changes.files.set(file, entry);
  }
  for (const [file, entry] of next.personas) {
    const was = base.manifest.personas.get(file);
    if (!was || !samePersonaEntry(was, entry)) changes.personas.set(file, entry);
  }
  return { base: base.id, changes, removed };
}

/**
 * Whether `delta` is small enough to be written instead of the full manifest `next`: up to a tenth of its
 * entries (or a few dozen, which cost nothing either way). A delta holds everything since its full manifest, so
 * it grows run after run until the full manifest is rewritten.
 */
export function keepAsDelta(delta: ManifestDelta, next: CatalogueManifest): boolean {
  const entries = next.units.size + next.files.size + next.personas.size;
  return deltaSize(delta) <= Math.max(64, entries / 10);
}

/** How many entries a delta writes. */
export function deltaSize(delta: ManifestDelta): number {
  const { changes, removed } = delta;
  return (
    changes.units.size +
    changes.files.size +
    changes.personas.size +
    removed.units.length +
    removed.files.length +
    removed.personas.length
  );
}

export function serializeManifestDelta(delta: ManifestDelta, fingerprint: string): string {
  const { base, changes, removed } = delta;
  return `${JSON.stringify({ version: MANIFEST_VERSION, fingerprint, base, ...entriesOf(changes), removed })}\n`;
}

function entriesOf(manifest: CatalogueManifest) {
  const units: Record<string, unknown> = Object.create(null);
  for (const [key, unit] of sorted(manifest.units))
    units[key] = unit.files.length === 1 && unit.files[0] === key ? unit.digest : [unit.digest, unit.files];
  const files: Record<string, unknown> = Object.create(null);
  for (const [file, entry] of sorted(manifest.files)) files[file] = [entry.output, entry.size, entry.mtimeMs];
  const personas: Record<string, unknown> = Object.create(null);
  for (const [file, entry] of sorted(manifest.personas))
    personas[file] = [
      entry.size,
      entry.mtimeMs,
      entry.digest,
      entry.exportBytes,
      entry.outlineDigest,
      entry.outline,
    ];
  return { skeleton: manifest.skeleton, units, files, personas };
}

/** A persona entry is the same when its stamp and digests are: the outline is what `outlineDigest` hashes. */
function samePersonaEntry(a: ManifestPersona, b: ManifestPersona): boolean {
  return (
    a === b ||
    (a.size === b.size &&
      a.mtimeMs === b.mtimeMs &&
      a.digest === b.digest &&
      a.exportBytes === b.exportBytes &&
      a.outlineDigest === b.outlineDigest)
  );
}

function keysMissing<V>(from: ReadonlyMap<string, V>, next: ReadonlyMap<string, V>): string[] {
  return [...from.keys()].filter((key) => !next.has(key)).sort(compareCodePoints);
}

function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

function sorted<V>(map: Map<string, V>): [string, V][] {
  return [...map].sort(([a], [b]) => compareCodePoints(a, b));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
