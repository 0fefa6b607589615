import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { lstat, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type CatalogueSyncResult,
  type ChangedFile,
  SymlinkInCatalogueError,
  syncCatalogueFolder,
} from '../../apply/apply-catalogue-plan.ts';
import { writeFileAtomically } from '../../apply/write-file.ts';
import {
  countBySeverity,
  type Diagnostic,
  diagnostic,
  START_OF_FILE,
  sortDiagnostics,
} from '../../core/diagnostic.ts';
import { REPOSITORY_URL } from '../../core/repository.ts';
import { toolIdentity } from '../../pipeline/check-files.ts';
import { validateLibrary } from '../../pipeline/validate-library.ts';
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
} from '../../plan/catalogue/catalogue-manifest.ts';
import { rememberPersonas, reusePersonas, type SourceStamp } from '../../plan/catalogue/reuse-personas.ts';
import { defaultCacheFile } from '../../read/tool-state.ts';
import type { CatalogueOptions } from '../../render/catalogue/catalogue-context.ts';
import { formatText, plural } from '../../report/format-text.ts';
import {
  type Command,
  type CommandContext,
  EXIT_OK,
  EXIT_PROBLEMS,
  EXIT_USAGE,
  stringOption,
  UsageError,
} from '../command.ts';

const DEFAULT_OUT = 'catalogue';
const BRANCH = 'main';
/** Folders of the library that a catalogue must never be written into (it prunes what it generated before). */
const PROTECTED = ['personas', 'contributions', 'schemas', '.git', '.github'];

export const catalogueCommand: Command = {
  name: 'catalogue',
  summary: 'Generate the Markdown catalogue and JSON/CSV exports (or check them with --check).',
  usage: 'persona catalogue [--root <dir>] [--out <dir>] [--check]',
  options: { out: { type: 'string' }, check: { type: 'boolean' } },
  async run(args, ctx) {
    const check = args.values.check === true;
    const outDir = await resolveOutDir(stringOption(args, 'out'), ctx);
    const fromRoot = path.relative(ctx.root, outDir);
    // Inside the library: `catalogue`; elsewhere the absolute path reads better than a ladder of `../`.
    const outLabel =
      fromRoot.startsWith('..') || path.isAbsolute(fromRoot) ? toPosix(outDir) : toPosix(fromRoot);

    // The same per-file results `persona validate` keeps: unchanged files are not checked again, and their data
    // is only parsed if a page made from it has to be rendered. Contributions don't change what the catalogue
    // shows, so only personas are checked, and only their problems stop it.
    const identity = toolIdentity();
    const validateCache = defaultCacheFile(ctx.root, 'validate.json', ctx.env);
    const library = await validateLibrary(ctx.root, {
      contributions: false,
      ...(identity === undefined || validateCache === null
        ? {}
        : { cache: { location: validateCache, toolIdentity: identity } }),
    });
    const blocking = library.diagnostics.filter((d) => d.severity === 'error');
    if (blocking.length > 0) {
      ctx.stdout(report(blocking, library.personas.length));
      ctx.stderr('persona catalogue: fix the errors above first; nothing was written.\n');
      return EXIT_PROBLEMS;
    }

    const options: CatalogueOptions = {
      repositoryUrl: REPOSITORY_URL,
      branch: BRANCH,
      rootFromCatalogue: toPosix(path.relative(outDir, ctx.root)),
      outDir: outLabel,
    };
    const fingerprint = codeFingerprint(options, identity);
    const manifestFile = manifestPath(ctx.root, outDir, ctx.env);
    // --check compares everything it renders with the files themselves, never with what a manifest says.
    const stored =
      check || manifestFile === null ? null : parseManifestFile(readOrNull(manifestFile), fingerprint);
    const previous =
      stored === null || manifestFile === null
        ? emptyManifest()
        : withDelta(stored, readOrNull(deltaPath(manifestFile)), fingerprint);
    // Each persona file's stamp as validation read it (or found it unchanged), so a manifest entry always
    // describes the content it was made from, even if the file changes during this run. `--check` never uses them.
    const stamps: ReadonlyMap<string, SourceStamp> = check ? new Map() : library.stamps;
    const { personas, known, entries } = reusePersonas(library.personas, previous.personas, stamps);
    let result: CatalogueSyncResult;
    try {
      result = await syncCatalogueFolder(personas, options, outDir, { check, previous, known });
    } catch (error) {
      if (!(error instanceof SymlinkInCatalogueError)) throw error;
      ctx.stderr(`persona catalogue: ${error.message}\n`);
      return EXIT_USAGE;
    }
    const { changed, stale, unchanged, tooLarge } = result;
    if (tooLarge.length > 0) {
      ctx.stdout(report(tooLarge, personas.length));
      ctx.stderr('persona catalogue: nothing was written.\n');
      return EXIT_PROBLEMS;
    }
    if (check) return reportCheck(changed, stale, unchanged, outLabel, personas.length, ctx);
    result.manifest.personas = rememberPersonas(personas, result.digests, stamps, entries);
    if (manifestFile !== null) await saveManifest(manifestFile, stored, result.manifest, fingerprint);
    for (const file of changed)
      ctx.stdout(`${file.missing ? 'created' : 'updated'} ${outLabel}/${file.path}\n`);
    for (const file of stale) ctx.stdout(`removed ${outLabel}/${file}\n`);
    ctx.stdout(
      `✔ ${outLabel}/: ${plural(changed.length, 'file')} written, ${plural(stale.length, 'file')} removed, ${unchanged.toLocaleString('en-US')} unchanged.\n`,
    );
    return EXIT_OK;
  },
};

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

function reportCheck(
  changed: readonly ChangedFile[],
  stale: readonly string[],
  unchanged: number,
  outLabel: string,
  personas: number,
  ctx: CommandContext,
): number {
  const hint = 'Run `npx persona catalogue` (or `npm start`) and commit the result.';
  const diagnostics: Diagnostic[] = [
    ...changed.map((file) =>
      diagnostic(
        `${outLabel}/${file.path}`,
        { line: file.firstDifferentLine, column: 1, endLine: file.firstDifferentLine, endColumn: 1 },
        'catalogue/stale',
        file.missing
          ? 'This catalogue file is missing: the personas produce it, but it was never generated or was deleted.'
          : 'This catalogue file is out of date: the personas now produce different text from this line on.',
        hint,
      ),
    ),
    ...stale.map((file) =>
      diagnostic(
        `${outLabel}/${file}`,
        START_OF_FILE,
        'catalogue/extra',
        'This generated file belongs to no current persona (renamed or deleted); regenerating removes it.',
        hint,
      ),
    ),
  ];
  if (diagnostics.length === 0) {
    ctx.stdout(`✔ ${outLabel}/ is up to date (${plural(unchanged, 'file')}).\n`);
    return EXIT_OK;
  }
  ctx.stdout(report(diagnostics, personas));
  return EXIT_PROBLEMS;
}

/** The catalogue checks personas only, so its summary counts no contributions. */
function report(diagnostics: readonly Diagnostic[], personas: number): string {
  const sorted = sortDiagnostics(diagnostics);
  return formatText(sorted, { personas, ...countBySeverity(sorted) });
}

/** `--out` (relative to the working directory) or `<root>/catalogue`, refusing places the pruning could harm. */
async function resolveOutDir(option: string | undefined, ctx: CommandContext): Promise<string> {
  const outDir = option === undefined ? path.join(ctx.root, DEFAULT_OUT) : path.resolve(ctx.cwd, option);
  const fromOut = path.relative(outDir, ctx.root);
  if (fromOut === '' || !fromOut.startsWith('..'))
    throw new UsageError(
      `--out must be a folder of its own, not the library root or a folder above it; got "${option}".`,
    );
  for (const folder of PROTECTED) {
    const inside = path.relative(path.join(ctx.root, folder), outDir);
    if (inside === '' || !(inside.startsWith('..') || path.isAbsolute(inside)))
      throw new UsageError(`--out must not be inside ${folder}/; got "${option}".`);
  }
  if ((await lstat(outDir).catch(() => null))?.isSymbolicLink())
    throw new UsageError(
      `${path.relative(ctx.cwd, outDir) || outDir} is a symbolic link; give the real folder.`,
    );
  return outDir;
}

function toPosix(value: string): string {
  return value.split(path.sep).join('/');
}
