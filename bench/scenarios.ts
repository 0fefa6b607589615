import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { toolStateFor } from '../scripts/read/tool-state.ts';
import type { GeneratedLibrary } from './generate-library.ts';
import type { Sample } from './measure.ts';
import {
  type PullRequestRun,
  preparePullRequestRun,
  pullRequestEnv,
  pullRequestProblems,
  resetPullRequestRun,
  withoutActionsEnv,
} from './pull-request.ts';

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
  /**
   * The validate action's bundle (built from scripts/action/validate-entry.ts as dist/validate-action.mjs
   * is), or why there is none (`--cli` with no `validate-action.mjs` next to it).
   */
  validateAction: { file: string } | { missing: string };
  /** A recorded `pull_request` event to shape the action rows' events on, or null (a minimal one is made). */
  eventTemplate: Record<string, unknown> | null;
  /** Per size: a folder for the action rows (events, summaries, reports, state folders, the lone bundle). */
  actionWork: string;
  /** The pull-request rows' files, by row id, made by their `prepare`. */
  pullRequestRuns: Map<string, PullRequestRun>;
  capabilities: CliCapabilities;
  /** Catalogue output folder, outside the library so it never becomes input. */
  catalogueOut: string;
  /** Counts persona edits, so every edit writes text the cache has not seen. */
  edits: { count: number };
  /** Runs the CLI once, untimed (priming a cache or an output folder). */
  runUntimed(argv: string[], cwd: string): Promise<Sample>;
}

/**
 * Where a row runs: `library` is the whole generated library; `clean` the same without the invalid files;
 * `head-persona` and `head-contribution` the pull-request heads (copies of `library` with one change each,
 * whose base is `library`); `empty` a folder holding nothing but the validate action's bundle.
 */
export type RowRoot = 'library' | 'clean' | 'head-persona' | 'head-contribution' | 'empty';

export interface Scenario {
  id: string;
  label: string;
  root: RowRoot;
  expectedExit: readonly number[];
  /**
   * What `× peer` divides by. `all` (the default): the sum of the `peer` and `peer-contributions` medians
   * when both ran (the peer does what the row does for personas and contributions), else `peer` alone.
   * `personas`: `peer` alone, for a row over persona files only.
   */
  peerBasis?: 'all' | 'personas';
  /** The row `× cold` divides by (same size), for a row with a target relative to a cold run. */
  relativeTo?: string;
  /** Environment for the measured process; `undefined` removes a variable the bench has. */
  env?(ctx: BenchContext): Record<string, string | undefined>;
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
  'peer-contributions',
  'validate-cold',
  'validate-warm',
  'validate-watch',
  'pr-check-persona',
  'pr-check-contribution',
  'merge-dry-run',
  'catalogue-cold',
  'catalogue-warm',
  'action-start',
] as const;

/** Rows that run the pull-request check, which needs the heads generated with the library. */
export const PULL_REQUEST_ROWS: readonly string[] = ['pr-check-persona', 'pr-check-contribution'];

export function rootOf(ctx: BenchContext, scenario: Pick<Scenario, 'root'>): string {
  switch (scenario.root) {
    case 'library':
      return ctx.library.root;
    case 'clean':
      return ctx.library.cleanRoot;
    case 'head-persona':
      return ctx.library.pullRequests?.persona.root ?? ctx.library.root;
    case 'head-contribution':
      return ctx.library.pullRequests?.contribution.root ?? ctx.library.root;
    case 'empty':
      return path.join(ctx.actionWork, 'action-start');
  }
}

/** The persona files the peer is given: all but those with a YAML syntax error, which abort ajv-cli (exit 2). */
export function peerFiles(library: GeneratedLibrary): string[] {
  const unparsable = new Set(library.invalid.filter((f) => f.kind === 'bad-yaml').map((f) => f.file));
  return library.personaFiles.filter((file) => !unparsable.has(file));
}

/** The contribution files `peer-contributions` is given: likewise, all but those with a YAML syntax error. */
export function peerContributionFiles(library: GeneratedLibrary): string[] {
  const unparsable = new Set(library.invalid.filter((f) => f.kind === 'bad-yaml').map((f) => f.file));
  return library.contributionFiles.filter((file) => !unparsable.has(file));
}

function invalidPersonas(library: GeneratedLibrary, ...kinds: string[]): number {
  return library.invalid.filter((f) => f.file.startsWith('personas/') && kinds.includes(f.kind)).length;
}

function invalidContributions(library: GeneratedLibrary, ...kinds: string[]): number {
  return library.invalid.filter((f) => f.file.startsWith('contributions/') && kinds.includes(f.kind)).length;
}

/** Linux caps a command line at ARG_MAX (2 MB here), arguments and pointers included. */
function tooLongForOneCommandLine(files: readonly string[]): string | null {
  return files.reduce((total, file) => total + file.length + 12, 0) > 1_500_000
    ? 'too many files for one ajv-cli command line'
    : null;
}

/** `ajv-cli validate` with the project's ajv options, one `-d` per file (see docs/benchmark.md, The peer). */
function ajvCliArgv(ctx: BenchContext, schema: string, files: readonly string[]): string[] {
  return [
    ctx.ajvCli,
    'validate',
    '--spec=draft2020',
    '-s',
    schema,
    '-c',
    ctx.ajvSetup,
    '--strict=true',
    '--all-errors',
    '--verbose',
    '--allow-union-types',
    '--errors=line',
    ...files.flatMap((file) => ['-d', file]),
  ];
}

/** ajv-cli prints `<file> valid` on stdout and `<file> invalid` on stderr: exactly the expected counts. */
function ajvCliProblems(
  sample: Sample,
  expected: { valid: number; invalid: number },
  what: string,
): string[] {
  const stdout = readFileSync(sample.stdoutFile, 'utf8');
  const stderr = readFileSync(sample.stderrFile, 'utf8');
  const valid = stdout.split('\n').filter((line) => line.endsWith(' valid')).length;
  const invalid = stderr.split('\n').filter((line) => line.endsWith(' invalid')).length;
  if (valid === expected.valid && invalid === expected.invalid) return [];
  return [
    `ajv-cli reported ${valid} valid and ${invalid} invalid ${what}, expected ${expected.valid} and ${expected.invalid}`,
  ];
}

function validateActionMissing(ctx: BenchContext): string | null {
  return 'missing' in ctx.validateAction ? ctx.validateAction.missing : null;
}

function validateActionFile(ctx: BenchContext): string {
  return 'file' in ctx.validateAction ? ctx.validateAction.file : '';
}

/** A pull-request row: the validate action on a head, against `library/` as the base, cold on every run. */
function pullRequestScenario(kind: 'persona' | 'contribution'): Scenario {
  const id = `pr-check-${kind}`;
  const head = (ctx: BenchContext) => ctx.library.pullRequests?.[kind];
  const run = (ctx: BenchContext) => ctx.pullRequestRuns.get(id) as PullRequestRun;
  const root: RowRoot = kind === 'persona' ? 'head-persona' : 'head-contribution';
  return {
    id,
    label:
      kind === 'persona'
        ? 'PR check: validate action, head and base (one persona edited)'
        : 'PR check: validate action, head and base (one contribution added)',
    root,
    expectedExit: [0],
    relativeTo: 'validate-cold',
    // Both trees are read: the head and the base.
    files: (ctx) =>
      2 * (ctx.library.personaFiles.length + ctx.library.contributionFiles.length) +
      (kind === 'contribution' ? 1 : 0),
    unavailable: (ctx) =>
      validateActionMissing(ctx) ??
      (head(ctx) ? null : 'the library was generated without pull-request heads'),
    argv: (ctx) => [validateActionFile(ctx)],
    env: (ctx) => pullRequestEnv(run(ctx), rootOf(ctx, { root }), ctx.library.root),
    async prepare(ctx) {
      const pr = head(ctx);
      if (!pr) return 'the library was generated without pull-request heads';
      ctx.pullRequestRuns.set(
        id,
        preparePullRequestRun(path.join(ctx.actionWork, id), id, ctx.eventTemplate),
      );
      // The rows before may have rewritten one base persona (editPersona); the head gets the same bytes, so
      // the pull request changes exactly what it was generated to change.
      if (!(kind === 'persona' && pr.file === ctx.library.editedFile))
        copyFileSync(
          path.join(ctx.library.root, ctx.library.editedFile),
          path.join(pr.root, ctx.library.editedFile),
        );
      return null;
    },
    beforeRun: (ctx) => resetPullRequestRun(run(ctx)),
    check: (ctx) => pullRequestProblems(run(ctx), kind === 'contribution' ? (head(ctx)?.file ?? null) : null),
  };
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
    peerBasis: 'personas',
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
    label: 'peer: ajv-cli on personas (schema only)',
    root: 'library',
    expectedExit: [1],
    peerBasis: 'personas',
    files: (ctx) => peerFiles(ctx.library).length,
    unavailable: (ctx) => tooLongForOneCommandLine(peerFiles(ctx.library)),
    argv: (ctx) => ajvCliArgv(ctx, 'schemas/persona.schema.json', peerFiles(ctx.library)),
    check(ctx, sample) {
      const invalid = invalidPersonas(ctx.library, 'unknown-key');
      return ajvCliProblems(sample, { valid: peerFiles(ctx.library).length - invalid, invalid }, 'personas');
    },
  },
  {
    id: 'peer-contributions',
    label: 'peer: ajv-cli on contributions (schema only)',
    root: 'library',
    expectedExit: [1],
    files: (ctx) => peerContributionFiles(ctx.library).length,
    unavailable: (ctx) => tooLongForOneCommandLine(peerContributionFiles(ctx.library)),
    argv: (ctx) => ajvCliArgv(ctx, 'schemas/contribution.schema.json', peerContributionFiles(ctx.library)),
    check(ctx, sample) {
      const invalid = invalidContributions(ctx.library, 'unknown-key');
      return ajvCliProblems(
        sample,
        { valid: peerContributionFiles(ctx.library).length - invalid, invalid },
        'contributions',
      );
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
    relativeTo: 'validate-cold',
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
    relativeTo: 'validate-cold',
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
  pullRequestScenario('persona'),
  pullRequestScenario('contribution'),
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
    relativeTo: 'validate-cold',
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
    relativeTo: 'catalogue-cold',
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
  {
    id: 'action-start',
    label: 'validate action bundle: start and fail fast (no event)',
    root: 'empty',
    expectedExit: [1],
    files: () => 0,
    unavailable: validateActionMissing,
    argv: (ctx) => [path.join(rootOf(ctx, { root: 'empty' }), 'validate-action.mjs')],
    // No GITHUB_EVENT_PATH and no GITHUB_SHA: the action stops at "No head commit" before reading anything.
    env: () => withoutActionsEnv({}),
    async prepare(ctx) {
      // The bundle alone, as the workflow runs it with no `npm ci`: no node_modules anywhere up the tree.
      const dir = rootOf(ctx, { root: 'empty' });
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      copyFileSync(validateActionFile(ctx), path.join(dir, 'validate-action.mjs'));
      for (let at = dir; ; at = path.dirname(at)) {
        if (existsSync(path.join(at, 'node_modules')))
          return `${path.join(at, 'node_modules')} is above the action's folder; set TMPDIR to a folder outside any project`;
        if (path.dirname(at) === at) return null;
      }
    },
    check(_ctx, sample) {
      const output = `${readFileSync(sample.stdoutFile, 'utf8')}${readFileSync(sample.stderrFile, 'utf8')}`;
      return output.includes('No head commit')
        ? []
        : [`the action did not say "No head commit": ${failureLine(sample)}`];
    },
  },
];
