/**
 * `npm run bench`: generates synthetic libraries, times the CLI against a floor and a peer, prints a table and
 * writes bench/results.json. A tool, not a test: nothing here asserts a time. See docs (README, Benchmark).
 */
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { type GeneratedLibrary, generateLibrary } from './generate-library.ts';
import { measure, median, type Sample, stopRunning, writePreload } from './measure.ts';
import { type BenchOptions, BenchUsageError, parseOptions, USAGE } from './options.ts';
import { webhookTemplate } from './pull-request.ts';
import {
  loadLine,
  type MachineInfo,
  machineLine,
  outputTable,
  profileReport,
  type ResultRow,
  type RowProfile,
  ratioNotes,
  resultsTable,
  targetsTable,
} from './report.ts';
import {
  type BenchContext,
  type CliCapabilities,
  failureLine,
  PULL_REQUEST_ROWS,
  rootOf,
  SCENARIOS,
  type Scenario,
} from './scenarios.ts';
import { profileThread, summarizeProfile } from './summarize-profile.ts';
import { judgeTargets, type TargetResult } from './targets.ts';

interface LibraryRecord {
  size: number;
  personas: number;
  contributions: number;
  contributionsByAction: GeneratedLibrary['contributionsByAction'];
  invalidFiles: Record<string, number>;
  megabytes: number;
  generateMs: number;
  verification: Verification | null;
  /** What the pull-request heads change, when the pull-request rows run. */
  pullRequests: { persona: string; contribution: string } | null;
}

/** `os.loadavg()` (1, 5, 15 minutes) when the bench started, and when the results were last written. */
interface LoadRecord {
  start: number[];
  end: number[];
}

interface Verification {
  exitCode: number | null;
  errors: number;
  warnings: number;
  /** Diagnostics on files that were generated valid: a generator bug or a false positive. */
  unexpected: string[];
  /** Invalid files that got no error. */
  missed: string[];
}

const log = (text: string) => process.stderr.write(`${text}\n`);

async function main(): Promise<number> {
  let options: BenchOptions | 'help';
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof BenchUsageError)) throw error;
    process.stderr.write(`bench: ${error.message}\n${USAGE}`);
    return 2;
  }
  if (options === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  const repo = process.cwd();
  if (!existsSync(path.join(repo, 'scripts/cli/entry.ts'))) {
    process.stderr.write('bench: run it from the repository root (npm run bench).\n');
    return 2;
  }
  const work = mkdtempSync(path.join(os.tmpdir(), 'persona-bench-'));
  const cleanup = () => {
    if (!options.keep) rmSync(work, { recursive: true, force: true });
  };
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    process.once(signal, () => {
      stopRunning();
      cleanup();
      process.exit(code);
    });
  }
  try {
    return await bench(options, repo, work);
  } catch (error) {
    if (!(error instanceof BenchUsageError)) throw error;
    process.stderr.write(`bench: ${error.message}\n`);
    return 2;
  } finally {
    cleanup();
    if (options.keep) log(`bench: kept the generated libraries in ${work}`);
  }
}

async function bench(options: BenchOptions, repo: string, work: string): Promise<number> {
  const load: LoadRecord = { start: loadAverage(), end: loadAverage() };
  const profileDir = options.profile === null ? null : path.resolve(repo, options.profile);
  if (profileDir) {
    try {
      mkdirSync(profileDir, { recursive: true });
    } catch (error) {
      throw new BenchUsageError(
        `--profile ${options.profile}: cannot make that folder (${(error as Error).message})`,
      );
    }
  }
  const binDir = path.join(work, 'bin');
  const logDir = path.join(work, 'logs');
  mkdirSync(logDir, { recursive: true });
  // The current source, never the committed dist/: the bench measures what is about to be committed.
  const { bundle, bundleOptions } = (await import(
    pathToFileURL(path.join(repo, 'scripts/build/bundle.mjs')).href
  )) as {
    bundle(overrides: object): Promise<unknown>;
    bundleOptions: { entryPoints: Record<string, string> };
  };
  const scenarios = SCENARIOS.filter((s) => options.only.includes(s.id));
  const entryPoints: Record<string, string> = {
    floor: path.join(repo, 'bench/floor.ts'),
    'stat-floor': path.join(repo, 'bench/stat-floor.ts'),
    'watch-edit': path.join(repo, 'bench/watch-edit.ts'),
  };
  // The CLI bundle is also the script of its own worker threads; so is the validate action's, built the same
  // way as dist/validate-action.mjs.
  if (!options.cli) {
    entryPoints.persona = path.join(repo, bundleOptions.entryPoints.persona as string);
    entryPoints['validate-action'] = path.join(repo, bundleOptions.entryPoints['validate-action'] as string);
  }
  await bundle({ entryPoints, outdir: binDir });
  const cli = options.cli ? path.resolve(repo, options.cli) : path.join(binDir, 'persona.mjs');
  if (!existsSync(cli)) throw new BenchUsageError(`--cli ${options.cli}: no such file`);
  // With --cli, the action bundle of the same build: the validate-action.mjs next to it, as in dist/.
  const actionBundle = path.join(path.dirname(cli), 'validate-action.mjs');
  const validateAction = existsSync(actionBundle)
    ? { file: actionBundle }
    : { missing: `no validate-action.mjs next to ${options.cli ?? cli}` };
  const preload = writePreload(work);
  const requireFromRepo = createRequire(path.join(repo, 'package.json'));
  const ajvSetup = path.join(work, 'ajv-cli-setup.cjs');
  writeFileSync(ajvSetup, ajvCliSetup(requireFromRepo.resolve('ajv-formats')));
  const ajvCli = path.join(path.dirname(requireFromRepo.resolve('ajv-cli/package.json')), 'dist', 'index.js');
  const capabilities = readCapabilities(cli);
  log(`bench: CLI commands: ${[...capabilities.commands].join(', ')}`);
  const pullRequestRows = scenarios.some((s) => PULL_REQUEST_ROWS.includes(s.id));
  const eventTemplate = pullRequestRows
    ? webhookTemplate(resolveOrNull(requireFromRepo, '@octokit/webhooks-examples'))
    : null;
  const rows: ResultRow[] = [];
  const libraries: LibraryRecord[] = [];
  const problems: string[] = [];
  let runCounter = 0;
  for (const [sizeIndex, size] of options.sizes.entries()) {
    const sizeDir = path.join(work, `n${size}`);
    const started = performance.now();
    const library = generateLibrary({
      dir: sizeDir,
      size,
      seed: options.seed,
      schemasDir: path.join(repo, 'schemas'),
      pullRequests: pullRequestRows,
    });
    const generateMs = performance.now() - started;
    log(
      `bench: generated ${library.personaFiles.length} personas and ${library.contributionFiles.length} contributions (${(library.bytes / 1e6).toFixed(1)} MB) in ${(generateMs / 1000).toFixed(1)} s`,
    );
    const ctx: BenchContext = {
      library,
      cli,
      floor: path.join(binDir, 'floor.mjs'),
      statFloor: path.join(binDir, 'stat-floor.mjs'),
      watchEdit: path.join(binDir, 'watch-edit.mjs'),
      ajvCli,
      ajvSetup,
      validateAction,
      eventTemplate,
      actionWork: path.join(sizeDir, 'action'),
      pullRequestRuns: new Map(),
      capabilities,
      catalogueOut: path.join(sizeDir, 'catalogue-out'),
      edits: { count: 0 },
      runUntimed: (argv, cwd) =>
        measure({
          argv,
          cwd,
          logDir,
          name: `untimed-${++runCounter}`,
          preload,
          timeoutMs: options.timeoutSeconds * 1000,
        }),
    };
    const verification = capabilities.commands.has('validate') ? await verify(ctx) : null;
    if (verification && (verification.unexpected.length > 0 || verification.missed.length > 0)) {
      problems.push(
        `size ${size}: validate disagrees with the generator: ${[...verification.unexpected, ...verification.missed.map((f) => `${f}: no error`)].slice(0, 5).join('; ')}`,
      );
    }
    libraries.push({
      size,
      personas: library.personaFiles.length,
      contributions: library.contributionFiles.length,
      contributionsByAction: library.contributionsByAction,
      invalidFiles: countKinds(library),
      megabytes: Math.round(library.bytes / 1e4) / 100,
      generateMs: Math.round(generateMs),
      verification,
      pullRequests: library.pullRequests
        ? {
            persona: `${library.pullRequests.persona.file}: ${library.pullRequests.persona.field} rewritten`,
            contribution: `${library.pullRequests.contribution.file} added (extend)`,
          }
        : null,
    });
    const sizeRows: ResultRow[] = [];
    for (const scenario of scenarios) {
      const row = await runScenario(scenario, ctx, options, profileDir, (argv, cwd, name, env) =>
        measure({ argv, cwd, logDir, name, preload, env, timeoutMs: options.timeoutSeconds * 1000 }),
      );
      sizeRows.push(row);
      log(
        `bench: ${size} ${scenario.id}: ${row.status === 'ok' ? `${row.medianMs?.toFixed(0)} ms, ${row.peakRssMb?.toFixed(0)} MB` : `${row.status} (${row.reason})`}`,
      );
      addRatios(sizeRows);
      const done = sizeIndex === options.sizes.length - 1 && scenario === scenarios.at(-1);
      // Written after every row, so a long run that is stopped keeps what it measured.
      const sofar = [...rows, ...sizeRows];
      addScaling(sofar, options.sizes);
      load.end = loadAverage();
      const results = resultsFile(
        options,
        repo,
        libraries,
        sofar,
        [...problems, ...rowProblems(sofar)],
        done,
        load,
        judgeTargets(sofar, options.sizes),
      );
      writeResults(path.resolve(repo, options.out), results);
      if (profileDir)
        writeAtomically(
          path.join(profileDir, 'summary.md'),
          profileReport(sofar, machineInfo(), (dir) => `${path.relative(profileDir, dir)}/`),
        );
    }
    rows.push(...sizeRows);
    if (!options.keep) rmSync(sizeDir, { recursive: true, force: true });
    if (sizeIndex < options.sizes.length - 1)
      log(`bench: results so far\n${resultsTable(rows, options.sizes)}`);
  }
  addScaling(rows, options.sizes);
  problems.push(...rowProblems(rows));
  load.end = loadAverage();
  const targets = judgeTargets(rows, options.sizes);
  // The file as printed: the last row's write came before the final load reading.
  writeResults(
    path.resolve(repo, options.out),
    resultsFile(options, repo, libraries, rows, problems, true, load, targets),
  );
  const table = resultsTable(rows, options.sizes);
  const outputs = outputTable(rows);
  process.stdout.write(
    `\n${table}\n${ratioNotes(rows)}${outputs ? `\nWhat the catalogue rows wrote:\n\n${outputs}` : ''}\nTargets (issue 19), from this run's medians:\n\n${targetsTable(targets)}\nMachine: ${machineLine(machineInfo())}\n${loadLine(load)}\n`,
  );
  if (problems.length > 0) process.stdout.write(`\nProblems:\n${problems.map((p) => `- ${p}\n`).join('')}`);
  log(`bench: wrote ${path.resolve(repo, options.out)}`);
  if (profileDir) log(`bench: profiles and their summary in ${profileDir}`);
  return problems.length > 0 ? 1 : 0;
}

function rowProblems(rows: readonly ResultRow[]): string[] {
  return rows.filter((r) => r.status === 'failed').map((r) => `${r.scenario} at ${r.size}: ${r.reason}`);
}

function resultsFile(
  options: BenchOptions,
  repo: string,
  libraries: LibraryRecord[],
  rows: ResultRow[],
  problems: string[],
  complete: boolean,
  load: LoadRecord,
  targets: TargetResult[],
) {
  return {
    version: 1,
    label: options.label,
    complete,
    ...gitState(repo),
    // A measurement log: when it ran is part of the record.
    date: new Date().toISOString(),
    machine: machineInfo(),
    load,
    options: {
      sizes: options.sizes,
      runs: options.runs,
      warmup: options.warmup,
      seed: options.seed,
      only: options.only,
      cli: options.cli,
      profile: options.profile,
    },
    method: {
      wall: 'whole process, spawn to exit, median of the timed runs',
      watch:
        'validate-watch: a resident watch per run; per edit, from the file written to the check printed (debounce included), the median of 3 edits per run, then the median of the runs',
      rss: 'process.resourceUsage().maxRSS at exit, via a NODE_OPTIONS=--require preload; max over the timed runs',
      peer: 'ajv-cli validate --spec=draft2020 with the project ajv options; files with YAML syntax errors left out. peer: persona files with the persona schema; peer-contributions: contribution files with the contribution schema',
      ratios:
        'same size, same run. ratioToPeer: over peer + peer-contributions when both ran (floor and peer: over peer alone), else over peer; ratioToPersonaPeer: over peer alone; ratioToCold: over the row named by relativeTo',
      pullRequest:
        'pr-check-*: the validate action bundle on a head (a copy of library/ with one change) against library/ as the base, with a pull_request event and a new empty PERSONA_STATE_DIR per run; its report must introduce 0 errors',
      actionStart:
        'action-start: the validate action bundle alone in an empty folder, with no event and no GITHUB_SHA, until it fails with "No head commit"',
      load: 'os.loadavg() (1, 5, 15 min): the run at start and end, each row before its first run and after its last',
    },
    libraries,
    rows,
    targets,
    problems,
  };
}

function writeResults(file: string, results: object): void {
  writeAtomically(file, `${JSON.stringify(results, null, 2)}\n`);
}

function writeAtomically(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(`${file}.tmp`, text);
  renameSync(`${file}.tmp`, file);
}

/** Runs one command of a row: its arguments, folder, log name and environment; its wall time and peak RSS. */
type RunCommand = (
  argv: string[],
  cwd: string,
  name: string,
  env?: Record<string, string | undefined>,
) => Promise<Sample>;

async function runScenario(
  scenario: Scenario,
  ctx: BenchContext,
  options: BenchOptions,
  profileDir: string | null,
  run: RunCommand,
): Promise<ResultRow> {
  const row: ResultRow = {
    scenario: scenario.id,
    label: scenario.label,
    size: ctx.library.size,
    status: 'ok',
    root: scenario.root,
    files: scenario.files(ctx),
    expectedExit: scenario.expectedExit,
    samples: [],
    medianMs: null,
    filesPerSecond: null,
    peakRssMb: null,
    ratioToFloor: null,
    ratioToPeer: null,
    peerBasis: null,
    ratioToPersonaPeer: null,
    ratioToCold: null,
    relativeTo: scenario.relativeTo ?? null,
    scaling: null,
  };
  const fail = (reason: string) => Object.assign(row, { status: 'failed' as const, reason });
  const unavailable = scenario.unavailable(ctx);
  if (unavailable) return Object.assign(row, { status: 'skipped' as const, reason: unavailable });
  const cwd = rootOf(ctx, scenario);
  const prepared = scenario.prepare ? await scenario.prepare(ctx) : null;
  if (prepared) return fail(prepared);
  row.load = { before: loadAverage(), after: [] };
  for (let i = 0; i < options.warmup + options.runs; i++) {
    scenario.beforeRun?.(ctx);
    const sample = await run(
      scenario.argv(ctx),
      cwd,
      `${ctx.library.size}-${scenario.id}-${i}`,
      scenario.env?.(ctx),
    );
    const unexpected = unexpectedExit(scenario, sample);
    if (unexpected !== null) return fail(unexpected);
    if (i < options.warmup) continue;
    if (row.samples.length === 0) {
      const problems = scenario.check?.(ctx, sample) ?? [];
      if (problems.length > 0) return fail(problems.join('; '));
    }
    const measured = scenario.measured ? scenario.measured(ctx, sample) : sample.ms;
    if (typeof measured === 'string') return fail(measured);
    row.samples.push({
      ms: round(measured),
      rssMb: sample.rssMb,
      exitCode: sample.exitCode,
      signal: sample.signal,
    });
  }
  row.load.after = loadAverage();
  row.medianMs = round(median(row.samples.map((s) => s.ms)));
  row.filesPerSecond = row.files > 0 ? Math.round(row.files / (row.medianMs / 1000)) : null;
  const rss = row.samples.map((s) => s.rssMb).filter((v): v is number => v !== null);
  row.peakRssMb = rss.length > 0 ? round(Math.max(...rss)) : null;
  // Before the profiled run, which starts from an empty output folder again.
  if (scenario.output) row.output = scenario.output(ctx);
  if (profileDir) {
    const profiled = await profileScenario(
      scenario,
      ctx,
      path.join(profileDir, `${row.size}-${row.scenario}`),
      run,
    );
    if (typeof profiled === 'string') return fail(`profiled run: ${profiled}`);
    row.profile = profiled;
  }
  return row;
}

/** Why a run's exit does not count (the exit it made and what it said), or null when it was expected. */
function unexpectedExit(scenario: Scenario, sample: Sample): string | null {
  if (sample.exitCode !== null && scenario.expectedExit.includes(sample.exitCode)) return null;
  return `exit ${sample.exitCode ?? sample.signal}, expected ${scenario.expectedExit.join(' or ')}: ${failureLine(sample)}`;
}

/**
 * One more run of the row under `node --cpu-prof` (which profiles worker threads too, each to its own file),
 * then each thread's profile summarized. Returns why the run failed instead, if it did.
 */
async function profileScenario(
  scenario: Scenario,
  ctx: BenchContext,
  dir: string,
  run: RunCommand,
): Promise<RowProfile | string> {
  // Only this row's folder is cleared, so profiles of an earlier run never mix into this one's summary.
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  scenario.beforeRun?.(ctx);
  const argv = ['--cpu-prof', `--cpu-prof-dir=${dir}`, ...scenario.argv(ctx)];
  const sample = await run(
    argv,
    rootOf(ctx, scenario),
    `${ctx.library.size}-${scenario.id}-profile`,
    scenario.env?.(ctx),
  );
  const unexpected = unexpectedExit(scenario, sample);
  if (unexpected !== null) return unexpected;
  const found = readdirSync(dir)
    .map((file) => ({ file, id: profileThread(file) }))
    .filter((f): f is { file: string; id: NonNullable<ReturnType<typeof profileThread>> } => f.id !== null)
    // Each process's main thread first, then its workers.
    .sort((a, b) => a.id.pid - b.id.pid || a.id.thread - b.id.thread || a.id.sequence - b.id.sequence);
  const pids = [...new Set(found.map((f) => f.id.pid))];
  const profile: RowProfile = { dir, ms: round(sample.ms), threads: [], unreadable: [] };
  for (const { file, id } of found) {
    let summary: ReturnType<typeof summarizeProfile> = null;
    try {
      summary = summarizeProfile(JSON.parse(readFileSync(path.join(dir, file), 'utf8')));
    } catch {
      summary = null;
    }
    if (summary === null) {
      profile.unreadable.push(file);
      continue;
    }
    const thread = id.thread === 0 ? 'main' : `worker ${id.thread}`;
    profile.threads.push({
      file,
      thread: pids.length > 1 ? `process ${pids.indexOf(id.pid) + 1} ${thread}` : thread,
      ...summary,
    });
  }
  if (profile.threads.length === 0) return 'no CPU profile was written';
  return profile;
}

/** `validate --format json` once, untimed: errors exactly in the invalid files, nothing anywhere else. */
async function verify(ctx: BenchContext): Promise<Verification> {
  const sample = await ctx.runUntimed(
    [ctx.cli, 'validate', '--root', '.', '--format', 'json'],
    ctx.library.root,
  );
  const invalid = new Set(ctx.library.invalid.map((f) => f.file));
  let diagnostics: Array<{ file: string; severity: string; rule: string; line: number }> = [];
  try {
    diagnostics = (JSON.parse(readFileSync(sample.stdoutFile, 'utf8')) as { diagnostics: typeof diagnostics })
      .diagnostics;
  } catch {
    return {
      exitCode: sample.exitCode,
      errors: 0,
      warnings: 0,
      unexpected: [`validate --format json printed no report: ${failureLine(sample)}`],
      missed: [],
    };
  }
  const withErrors = new Set(diagnostics.filter((d) => d.severity === 'error').map((d) => d.file));
  return {
    exitCode: sample.exitCode,
    errors: diagnostics.filter((d) => d.severity === 'error').length,
    warnings: diagnostics.filter((d) => d.severity === 'warning').length,
    unexpected: diagnostics.filter((d) => !invalid.has(d.file)).map((d) => `${d.file}:${d.line} ${d.rule}`),
    missed: [...invalid].filter((file) => !withErrors.has(file)),
  };
}

/**
 * The ratio columns of one size's rows: over the floor; over the peer (the sum of both peers' medians for a row
 * over personas and contributions, when both ran); over the persona peer alone; and over the row a target
 * compares it with (`relativeTo`).
 */
function addRatios(rows: ResultRow[]): void {
  const medianOf = (id: string | null) =>
    id === null ? null : (rows.find((r) => r.scenario === id && r.status === 'ok')?.medianMs ?? null);
  const floor = medianOf('floor');
  const peer = medianOf('peer');
  const contributionsPeer = medianOf('peer-contributions');
  const ratio = (value: number, base: number | null) => (base ? round(value / base, 2) : null);
  for (const row of rows) {
    if (row.medianMs === null) continue;
    const personasOnly = SCENARIOS.find((s) => s.id === row.scenario)?.peerBasis === 'personas';
    const both = !personasOnly && peer !== null && contributionsPeer !== null;
    row.ratioToFloor = ratio(row.medianMs, floor);
    row.ratioToPersonaPeer = ratio(row.medianMs, peer);
    row.ratioToPeer = both
      ? ratio(row.medianMs, (peer as number) + (contributionsPeer as number))
      : row.ratioToPersonaPeer;
    row.peerBasis = both ? 'peer + peer-contributions' : peer !== null ? 'peer' : null;
    row.ratioToCold = ratio(row.medianMs, medianOf(row.relativeTo));
  }
}

function addScaling(rows: ResultRow[], sizes: readonly number[]): void {
  const from = Math.min(...sizes);
  const to = Math.max(...sizes);
  if (from === to) return;
  for (const row of rows) {
    if (row.size !== to || row.medianMs === null) continue;
    const small = rows.find((r) => r.scenario === row.scenario && r.size === from)?.medianMs;
    if (small) row.scaling = { from, to, ratio: round(row.medianMs / small, 2) };
  }
}

function readCapabilities(cli: string): CliCapabilities {
  const help = (args: string[]) => {
    const result = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });
    return result.status === 0 ? result.stdout : null;
  };
  const commands = new Set(
    [...(help(['--help']) ?? '').matchAll(/^ {2}([a-z][a-z-]*) {2,}/gm)].map((match) => match[1] as string),
  );
  const usage = new Map<string, string>();
  for (const command of commands) usage.set(command, help([command, '--help']) ?? '');
  return { commands, usage };
}

/** ajv-cli's `-c` module: the same custom keyword and formats as scripts/check/schema/compile-schema.ts. */
function ajvCliSetup(ajvFormats: string): string {
  return `'use strict';
const formats = require(${JSON.stringify(ajvFormats)});
module.exports = (ajv) => {
  ajv.addKeyword({ keyword: 'patternErrorMessage', schemaType: 'string' });
  (formats.default || formats)(ajv, ['date', 'uri']);
};
`;
}

function countKinds(library: GeneratedLibrary): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { file, kind } of library.invalid) {
    const key = `${file.split('/')[0]}/${kind}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

function gitState(repo: string): { commit: string | null; dirty: boolean | null } {
  const git = (args: string[]) => spawnSync('git', args, { cwd: repo, encoding: 'utf8' });
  const head = git(['rev-parse', 'HEAD']);
  if (head.status !== 0) return { commit: null, dirty: null };
  return { commit: head.stdout.trim(), dirty: git(['status', '--porcelain']).stdout.trim() !== '' };
}

function machineInfo(): MachineInfo {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    platform: os.platform(),
    release: os.release(),
    arch: os.arch(),
    node: process.version,
  };
}

function loadAverage(): number[] {
  return os.loadavg().map((v) => round(v, 2));
}

function resolveOrNull(require: NodeJS.Require, id: string): string | null {
  try {
    return require.resolve(id);
  } catch {
    return null;
  }
}

function round(value: number, digits = 1): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

process.exitCode = await main();
