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

/**
 * The manifest written by this version of the code for these options (`fingerprint`); an empty one for
 * anything else, however malformed.
 */
export function parseManifest(text: string | null, fingerprint: string): CatalogueManifest {
  if (text === null) return emptyManifest();
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return emptyManifest();
  }
  if (!isRecord(value) || value.version !== MANIFEST_VERSION || value.fingerprint !== fingerprint)
    return emptyManifest();
  if (
    (value.skeleton !== null && typeof value.skeleton !== 'string') ||
    !isRecord(value.units) ||
    !isRecord(value.files) ||
    !isRecord(value.personas)
  )
    return emptyManifest();
  const out = emptyManifest();
  out.skeleton = value.skeleton as string | null;
  for (const [key, unit] of Object.entries(value.units)) {
    // A persona page's unit is its one file, named by its key: only the digest is written.
    if (typeof unit === 'string') {
      out.units.set(key, { digest: unit, files: [key] });
      continue;
    }
    if (!Array.isArray(unit) || unit.length !== 2) return emptyManifest();
    const [digest, files] = unit as unknown[];
    if (typeof digest !== 'string' || !Array.isArray(files) || !files.every((f) => typeof f === 'string'))
      return emptyManifest();
    out.units.set(key, { digest, files: files as string[] });
  }
  for (const [file, entry] of Object.entries(value.files)) {
    if (!Array.isArray(entry) || entry.length !== 3) return emptyManifest();
    const [output, size, mtimeMs] = entry as unknown[];
    if (
      typeof output !== 'string' ||
      !Number.isSafeInteger(size) ||
      typeof mtimeMs !== 'number' ||
      !Number.isFinite(mtimeMs)
    )
      return emptyManifest();
    out.files.set(file, { output, size: size as number, mtimeMs });
  }
  for (const [file, entry] of Object.entries(value.personas)) {
    if (!Array.isArray(entry) || entry.length !== 6) return emptyManifest();
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
      return emptyManifest();
    out.personas.set(file, {
      size: size as number,
      mtimeMs,
      digest,
      exportBytes: exportBytes as number,
      outlineDigest,
      outline,
    });
  }
  return out;
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

export function serializeManifest(manifest: CatalogueManifest, fingerprint: string): string {
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
  const { skeleton } = manifest;
  return `${JSON.stringify({ version: MANIFEST_VERSION, fingerprint, skeleton, units, files, personas })}\n`;
}

function sorted<V>(map: Map<string, V>): [string, V][] {
  return [...map].sort(([a], [b]) => compareCodePoints(a, b));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
