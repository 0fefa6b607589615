import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { toolFingerprint } from '../accel/tool-fingerprint.ts';
import { type ChangedFile, syncCatalogueFolder } from '../apply/apply-catalogue-plan.ts';
import { writeFileAtomically } from '../apply/write-file.ts';
import type { Diagnostic } from '../core/diagnostic.ts';
import {
  type CatalogueManifest,
  emptyManifest,
  hashText,
  keepAsDelta,
  MANIFEST_VERSION,
  manifestDelta,
  parseManifestFile,
  type StoredManifest,
  serializeManifest,
  serializeManifestDelta,
  withDelta,
} from '../plan/catalogue/catalogue-manifest.ts';
import { rememberPersonas, reusePersonas, type SourceStamp } from '../plan/catalogue/reuse-personas.ts';
import { defaultCacheFile } from '../read/tool-state.ts';
import type { CatalogueOptions } from '../render/catalogue/catalogue-context.ts';
import { validateLibrary } from './validate-library.ts';

export interface CatalogueRunOptions {
  /** Absolute folder the catalogue is written to. */
  outDir: string;
  options: CatalogueOptions;
  /** Compare with the files instead of writing them. */
  check: boolean;
  /**
   * Render every valid persona and skip the ones with errors (the apply workflow: a cross-file problem that a
   * merge created must not stop the catalogue). Otherwise any persona error stops the run before it writes.
   */
  keepGoing: boolean;
  env: Record<string, string | undefined>;
}

export type CatalogueRun =
  /** Persona errors stopped the run (without keepGoing): nothing was written. */
  | { kind: 'blocked'; personas: number; diagnostics: Diagnostic[] }
  /** A file would exceed the size cap: nothing was written. */
  | { kind: 'too-large'; personas: number; diagnostics: Diagnostic[] }
  | {
      kind: 'done';
      personas: number;
      changed: ChangedFile[];
      stale: string[];
      unchanged: number;
      /** Persona files left out because they have errors (keepGoing only), with those errors. */
      skipped: Array<{ file: string; diagnostics: Diagnostic[] }>;
    };

/**
 * validate the personas → reuse what the last run knew → plan, render and write (or compare). Throws
 * `SymlinkInCatalogueError` when a link sits where a generated file or folder goes.
 */
export async function buildCatalogue(root: string, run: CatalogueRunOptions): Promise<CatalogueRun> {
  // The same per-file results `persona validate` keeps: unchanged files are not checked again, and their data
  // is only parsed if a page made from it has to be rendered. Contributions don't change what the catalogue
  // shows, so only personas are checked, and only their problems count.
  const identity = toolFingerprint();
  const library = await validateLibrary(root, { contributions: false, env: run.env });
  const errors = library.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0 && !run.keepGoing)
    return { kind: 'blocked', personas: library.personas.length, diagnostics: errors };
  const broken = new Map<string, Diagnostic[]>();
  for (const d of errors) broken.set(d.file, [...(broken.get(d.file) ?? []), d]);
  const facts = library.personas.filter((p) => !broken.has(p.file));

  const fingerprint = codeFingerprint(run.options, identity);
  const manifestFile = manifestPath(root, run.outDir, run.env);
  // --check compares everything it renders with the files themselves, never with what a manifest says.
  const stored =
    run.check || manifestFile === null ? null : parseManifestFile(readOrNull(manifestFile), fingerprint);
  const previous =
    stored === null || manifestFile === null
      ? emptyManifest()
      : withDelta(stored, readOrNull(deltaPath(manifestFile)), fingerprint);
  // Each persona file's stamp as validation read it (or found it unchanged), so a manifest entry always
  // describes the content it was made from, even if the file changes during this run. `--check` never uses them.
  const stamps: ReadonlyMap<string, SourceStamp> = new Map();
  const { personas, known, entries } = reusePersonas(facts, previous.personas, stamps);
  const result = await syncCatalogueFolder(personas, run.options, run.outDir, {
    check: run.check,
    previous,
    known,
  });
  if (result.tooLarge.length > 0)
    return { kind: 'too-large', personas: personas.length, diagnostics: result.tooLarge };
  if (!run.check) {
    result.manifest.personas = rememberPersonas(personas, result.digests, stamps, entries);
    if (manifestFile !== null) await saveManifest(manifestFile, stored, result.manifest, fingerprint);
  }
  return {
    kind: 'done',
    personas: personas.length,
    changed: result.changed,
    stale: result.stale,
    unchanged: result.unchanged,
    skipped: [...broken].map(([file, diagnostics]) => ({ file, diagnostics })),
  };
}

/**
 * Where the manifest of the last run into `outDir` is kept: with the library's other caches in the tools' state
 * folder, one per output folder; null (no manifest, a cold run) when that folder cannot be used safely.
 */
function manifestPath(root: string, outDir: string, env: Record<string, string | undefined>): string | null {
  const key = createHash('sha256').update(outDir).digest('hex').slice(0, 16);
  return defaultCacheFile(root, `catalogue-${key}.json`, env);
}

/**
 * Manifests are only reused by the same code with the same options: the bundle this runs from (any change to
 * the rendering changes it) and the options the pages are rendered with.
 */
function codeFingerprint(options: CatalogueOptions, bundleHash: string | undefined): string {
  // The hash validation already took of the running bundle, when it runs from one; else this script's text.
  const code = bundleHash ?? readOrNull(fileURLToPath(import.meta.url)) ?? '';
  return hashText(`${MANIFEST_VERSION}\n${JSON.stringify(options)}\n${code}`);
}

function readOrNull(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/** Where the changes since the full manifest `file` are kept (see `manifestDelta`). */
function deltaPath(file: string): string {
  return file.replace(/\.json$/, '.delta.json');
}

/**
 * Writes what changed since the full manifest `base` as a delta while that stays small (see `keepAsDelta`),
 * else the whole manifest (and drops the delta, which belonged to the one replaced).
 */
async function saveManifest(
  file: string,
  base: StoredManifest | null,
  manifest: CatalogueManifest,
  fingerprint: string,
): Promise<void> {
  const delta = base === null ? null : manifestDelta(base, manifest);
  if (delta !== null && keepAsDelta(delta, manifest)) {
    await writeManifest(deltaPath(file), serializeManifestDelta(delta, fingerprint));
    return;
  }
  await writeManifest(file, serializeManifest(manifest, fingerprint, randomUUID()));
  await rm(deltaPath(file), { force: true }).catch(() => undefined);
}

/** The manifest is only a cache: a library where it can't be written still gets its catalogue. */
async function writeManifest(file: string, text: string): Promise<void> {
  await writeFileAtomically(file, text).catch(() => undefined);
}
