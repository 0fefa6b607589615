import { mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { toolStateFor } from '../scripts/read/tool-state.ts';
import type { GeneratedLibrary } from './generate-library.ts';
import type { Sample } from './measure.ts';

/** What the bundled CLI offers, read from its own `--help`: commands that do not exist yet are skipped. */
export interface CliCapabilities {
  commands: ReadonlySet<string>;
  usage: ReadonlyMap<string, string>;
}

export interface BenchContext {
  library: GeneratedLibrary;
  cli: string;
  floor: string;
  /** The least a warm run must do: start, list and `lstat` every file (see stat-floor.ts). */
  statFloor: string;
  /** The driver that times `validate --watch` per edit (see watch-edit.ts). */
  watchEdit: string;
  ajvCli: string;
  ajvSetup: string;
  capabilities: CliCapabilities;
  /** Catalogue output folder, outside the library so it never becomes input. */
  catalogueOut: string;
  /** Counts persona edits, so every edit writes text the cache has not seen. */
  edits: { count: number };
  /** Runs the CLI once, untimed (priming a cache or an output folder). */
  runUntimed(argv: string[], cwd: string): Promise<Sample>;
}

export interface Scenario {
  id: string;
  label: string;
  /** `library` is the whole generated library; `clean` the same without the invalid files. */
  root: 'library' | 'clean';
  expectedExit: readonly number[];
  files(ctx: BenchContext): number;
  /** Why it cannot run with this CLI, or null. */
  unavailable(ctx: BenchContext): string | null;
  argv(ctx: BenchContext): string[];
  /** Once before the warm-up runs. */
  prepare?(ctx: BenchContext): Promise<string | null>;
  /** Before every run, warm-up included (untimed). */
  beforeRun?(ctx: BenchContext): void;
  /** Problems seen in the output of a timed run, such as a peer that did not report the invalid files. */
  check?(ctx: BenchContext, sample: Sample): string[];
  /**
   * The time a run measured itself, when the row is not the whole process (a resident command timed per edit):
   * milliseconds, or why the run's output holds none.
   */
  measured?(ctx: BenchContext, sample: Sample): number | string;
  /** What the last timed run wrote, for a row that writes files (the catalogue): sizes a reader downloads. */
  output?(ctx: BenchContext): OutputSizes;
}

/** The files a catalogue run wrote: how many, how large, and the persona pages' sizes. */
export interface OutputSizes {
  files: number;
  bytes: number;
  /** Median and largest persona page (`<product>/<slug>.md`). */
  personaPageMedianBytes: number | null;
  personaPageMaxBytes: number | null;
  largest: { file: string; bytes: number } | null;
}

/** Sizes of every file under `dir`; a persona page is a `.md` one folder down, other than the listings. */
export function outputSizes(dir: string): OutputSizes {
  const pages: number[] = [];
  let files = 0;
  let bytes = 0;
  let largest: OutputSizes['largest'] = null;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const absolute = path.join(entry.parentPath, entry.name);
    const size = statSync(absolute).size;
    const file = path.relative(dir, absolute).split(path.sep).join('/');
    files++;
    bytes += size;
    if (!largest || size > largest.bytes) largest = { file, bytes: size };
    const parts = file.split('/');
    if (
      parts.length === 2 &&
      !(parts[0] as string).startsWith('_') &&
      file.endsWith('.md') &&
      !/^(README|graph)(\.part-\d+)?\.md$/.test(parts[1] as string)
    )
      pages.push(size);
  }
  pages.sort((a, b) => a - b);
  return {
    files,
    bytes,
    personaPageMedianBytes: pages.length > 0 ? (pages[Math.floor(pages.length / 2)] as number) : null,
    personaPageMaxBytes: pages.at(-1) ?? null,
    largest,
  };
}

export const SCENARIO_IDS = [
  'floor',
  'stat-floor',
  'peer',
  'validate-cold',
  'validate-warm',
  'validate-watch',
  'merge-dry-run',
  'catalogue-cold',
  'catalogue-warm',
] as const;

export function rootOf(ctx: BenchContext, scenario: Scenario): string {
  return scenario.root === 'library' ? ctx.library.root : ctx.library.cleanRoot;
}

/** The persona files the peer is given: all but those with a YAML syntax error, which abort ajv-cli (exit 2). */
export function peerFiles(library: GeneratedLibrary): string[] {
  const unparsable = new Set(library.invalid.filter((f) => f.kind === 'bad-yaml').map((f) => f.file));
  return library.personaFiles.filter((file) => !unparsable.has(file));
}

function invalidPersonas(library: GeneratedLibrary, ...kinds: string[]): number {
  return library.invalid.filter((f) => f.file.startsWith('personas/') && kinds.includes(f.kind)).length;
}

function cleanFileCount(library: GeneratedLibrary): number {
  return library.personaFiles.length + library.contributionFiles.length - library.invalid.length;
}

/**
 * Removes whatever cache the CLI keeps for a library root: its state folder's caches, and (for bundles of
 * earlier versions, measured with --cli) `node_modules/.cache/persona*` under the root.
 */
export function clearCaches(root: string): void {
  rmSync(path.join(toolStateFor(root).dir, 'cache'), { recursive: true, force: true });
  const dir = path.join(root, 'node_modules', '.cache');
  let entries: string[] = [];
  try {
    entries = readdirSync(dir);
  } catch {
    return;
  }
  for (const entry of entries) {
    if (entry.startsWith('persona')) rmSync(path.join(dir, entry), { recursive: true, force: true });
  }
}

function missingCommand(ctx: BenchContext, command: string, flag?: string): string | null {
  if (!ctx.capabilities.commands.has(command)) return 'command not available';
  if (flag && !(ctx.capabilities.usage.get(command) ?? '').includes(flag)) return `${flag} not available`;
  return null;
}

function noCacheFlag(ctx: BenchContext): string[] {
  return (ctx.capabilities.usage.get('validate') ?? '').includes('--no-cache') ? ['--no-cache'] : [];
}

/** A persona generated valid, the same one every run: what the watch row edits. */
function editedPersona(library: GeneratedLibrary): string {
  const invalid = new Set(library.invalid.map((f) => f.file));
  return library.personaFiles.find((file) => !invalid.has(file)) ?? (library.personaFiles[0] as string);
}

function editOnePersona(ctx: BenchContext, root: string): void {
  ctx.edits.count++;
  ctx.library.editPersona(root, ctx.edits.count);
}

async function primeOnce(ctx: BenchContext, argv: string[], cwd: string, expected: readonly number[]) {
  const sample = await ctx.runUntimed(argv, cwd);
  if (sample.exitCode !== null && expected.includes(sample.exitCode)) return null;
  return `priming run exited with ${sample.exitCode ?? sample.signal}: ${failureLine(sample)}`;
}

/** What a failed run said: its first line on stderr, or else its last line on stdout (a summary). */
export function failureLine(sample: Pick<Sample, 'stdoutFile' | 'stderrFile'>): string {
  const lines = (file: string) => {
    try {
      return readFileSync(file, 'utf8')
        .split('\n')
        .filter((line) => line.trim() !== '');
    } catch {
      return [];
    }
  };
  return lines(sample.stderrFile)[0] ?? lines(sample.stdoutFile).at(-1) ?? '(no output)';
}

export const SCENARIOS: readonly Scenario[] = [
  {
    id: 'floor',
    label: 'floor: read + yaml.parseDocument + ajv',
    root: 'library',
    expectedExit: [0],
    files: (ctx) => ctx.library.personaFiles.length,
    unavailable: () => null,
    argv: (ctx) => [ctx.floor, ctx.library.root],
    check(ctx, sample) {
      const expected = {
        files: ctx.library.personaFiles.length,
        invalid: invalidPersonas(ctx.library, 'bad-yaml', 'unknown-key'),
      };
      try {
        const seen = JSON.parse(readFileSync(sample.stdoutFile, 'utf8')) as {
          files: number;
          invalid: number;
        };
        if (seen.files === expected.files && seen.invalid === expected.invalid) return [];
        return [`floor saw ${JSON.stringify(seen)}, expected ${JSON.stringify(expected)}`];
      } catch {
        return ['floor printed no summary'];
      }
    },
  },
  {
    id: 'stat-floor',
    label: 'floor of a warm run: start + list + lstat',
    root: 'library',
    expectedExit: [0],
    files: (ctx) => ctx.library.personaFiles.length + ctx.library.contributionFiles.length,
    unavailable: () => null,
    argv: (ctx) => [ctx.statFloor, ctx.library.root],
    check(ctx, sample) {
      const expected = ctx.library.personaFiles.length + ctx.library.contributionFiles.length;
      try {
        const seen = JSON.parse(readFileSync(sample.stdoutFile, 'utf8')) as { files: number };
        return seen.files === expected ? [] : [`stat floor listed ${seen.files} files, expected ${expected}`];
      } catch {
        return ['stat floor printed no summary'];
      }
    },
  },
  {
    id: 'peer',
    label: 'peer: ajv-cli (schema only)',
    root: 'library',
    expectedExit: [1],
    files: (ctx) => peerFiles(ctx.library).length,
    unavailable: (ctx) =>
      // Linux caps a command line at ARG_MAX (2 MB here), arguments and pointers included.
      peerFiles(ctx.library).reduce((total, file) => total + file.length + 12, 0) > 1_500_000
        ? 'too many files for one ajv-cli command line'
        : null,
    argv: (ctx) => [
      ctx.ajvCli,
      'validate',
      '--spec=draft2020',
      '-s',
      'schemas/persona.schema.json',
      '-c',
      ctx.ajvSetup,
      '--strict=true',
      '--all-errors',
      '--verbose',
      '--allow-union-types',
      '--errors=line',
      ...peerFiles(ctx.library).flatMap((file) => ['-d', file]),
    ],
    check(ctx, sample) {
      const stdout = readFileSync(sample.stdoutFile, 'utf8');
      const stderr = readFileSync(sample.stderrFile, 'utf8');
      const valid = stdout.split('\n').filter((line) => line.endsWith(' valid')).length;
      const invalid = stderr.split('\n').filter((line) => line.endsWith(' invalid')).length;
      const expectedInvalid = invalidPersonas(ctx.library, 'unknown-key');
      const expectedValid = peerFiles(ctx.library).length - expectedInvalid;
      if (valid === expectedValid && invalid === expectedInvalid) return [];
      return [
        `ajv-cli reported ${valid} valid and ${invalid} invalid, expected ${expectedValid} and ${expectedInvalid}`,
      ];
    },
  },
  {
    id: 'validate-cold',
    label: 'persona validate (cold, no cache)',
    root: 'library',
    expectedExit: [1],
    files: (ctx) => ctx.library.personaFiles.length + ctx.library.contributionFiles.length,
    unavailable: (ctx) => missingCommand(ctx, 'validate'),
    argv: (ctx) => [ctx.cli, 'validate', '--root', '.', ...noCacheFlag(ctx)],
    beforeRun: (ctx) => clearCaches(ctx.library.root),
  },
  {
    id: 'validate-warm',
    label: 'persona validate (warm, one persona edited)',
    root: 'library',
    expectedExit: [1],
    files: (ctx) => ctx.library.personaFiles.length + ctx.library.contributionFiles.length,
    unavailable: (ctx) => missingCommand(ctx, 'validate'),
    argv: (ctx) => [ctx.cli, 'validate', '--root', '.'],
    prepare: (ctx) => primeOnce(ctx, [ctx.cli, 'validate', '--root', '.'], ctx.library.root, [1]),
    beforeRun: (ctx) => editOnePersona(ctx, ctx.library.root),
  },
  {
    id: 'validate-watch',
    label: 'persona validate --watch: one persona edited, until the check is printed',
    root: 'library',
    expectedExit: [0],
    files: (ctx) => ctx.library.personaFiles.length + ctx.library.contributionFiles.length,
    unavailable: (ctx) => missingCommand(ctx, 'validate', '--watch'),
    // Three timed edits per run, after one untimed: each run starts its own watch (the store is warm after the
    // first), so the row's median is over runs × 3 edits' medians.
    argv: (ctx) => [ctx.watchEdit, ctx.cli, '.', editedPersona(ctx.library), '3'],
    measured(_ctx, sample) {
      try {
        const { median } = JSON.parse(readFileSync(sample.stdoutFile, 'utf8')) as { median: number };
        return Number.isFinite(median) ? median : 'the driver measured no edit';
      } catch {
        return `the driver printed no times: ${failureLine(sample)}`;
      }
    },
  },
  {
    id: 'merge-dry-run',
    label: 'persona merge --dry-run',
    root: 'clean',
    expectedExit: [0],
    files: (ctx) => cleanFileCount(ctx.library),
    unavailable: (ctx) => missingCommand(ctx, 'merge', '--dry-run'),
    argv: (ctx) => [ctx.cli, 'merge', '--dry-run', '--root', '.'],
  },
  {
    id: 'catalogue-cold',
    label: 'persona catalogue (cold, empty output)',
    root: 'clean',
    expectedExit: [0],
    files: (ctx) => cleanFileCount(ctx.library),
    unavailable: (ctx) => missingCommand(ctx, 'catalogue', '--out'),
    argv: (ctx) => [ctx.cli, 'catalogue', '--root', '.', '--out', ctx.catalogueOut],
    output: (ctx) => outputSizes(ctx.catalogueOut),
    beforeRun(ctx) {
      rmSync(ctx.catalogueOut, { recursive: true, force: true });
      mkdirSync(ctx.catalogueOut, { recursive: true });
      clearCaches(ctx.library.cleanRoot);
    },
  },
  {
    id: 'catalogue-warm',
    label: 'persona catalogue (one persona changed)',
    root: 'clean',
    expectedExit: [0],
    files: (ctx) => cleanFileCount(ctx.library),
    unavailable: (ctx) => missingCommand(ctx, 'catalogue', '--out'),
    argv: (ctx) => [ctx.cli, 'catalogue', '--root', '.', '--out', ctx.catalogueOut],
    prepare: (ctx) =>
      primeOnce(
        ctx,
        [ctx.cli, 'catalogue', '--root', '.', '--out', ctx.catalogueOut],
        ctx.library.cleanRoot,
        [0],
      ),
    beforeRun: (ctx) => editOnePersona(ctx, ctx.library.cleanRoot),
  },
];
