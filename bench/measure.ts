import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface Sample {
  ms: number;
  /** Peak resident set size of the process in MB, or null when it could not be read (killed, not Node). */
  rssMb: number | null;
  exitCode: number | null;
  signal: string | null;
  stdoutFile: string;
  stderrFile: string;
}

/**
 * Preloaded into every measured Node process (`NODE_OPTIONS=--require`): at exit it appends the process's
 * peak RSS (`process.resourceUsage().maxRSS`, kilobytes) to the file named by BENCH_RSS_FILE. maxRSS covers
 * worker threads, which share the process; a child process the command spawns appends its own line.
 */
const PRELOAD = `'use strict';
const file = process.env.BENCH_RSS_FILE;
if (file) {
  process.on('exit', () => {
    try {
      require('node:fs').appendFileSync(file, process.pid + ' ' + process.resourceUsage().maxRSS + '\\n');
    } catch {}
  });
}
`;

export function writePreload(dir: string): string {
  const file = path.join(dir, 'bench-rss-preload.cjs');
  writeFileSync(file, PRELOAD);
  return file;
}

const running = new Set<ChildProcess>();

/** Kills the measured processes still running, so an interrupted bench leaves nothing behind. */
export function stopRunning(): void {
  for (const child of running) child.kill('SIGKILL');
}

/** Runs `node <argv>` once and measures whole-process wall time (spawn to exit) and peak RSS. */
export function measure(options: {
  argv: string[];
  cwd: string;
  logDir: string;
  name: string;
  preload: string;
  timeoutMs: number;
  /** Variables to set for this process; `undefined` removes one the bench itself has. */
  env?: Readonly<Record<string, string | undefined>>;
}): Promise<Sample> {
  const stdoutFile = path.join(options.logDir, `${options.name}.stdout`);
  const stderrFile = path.join(options.logDir, `${options.name}.stderr`);
  const rssFile = path.join(options.logDir, `${options.name}.rss`);
  rmSync(rssFile, { force: true });
  const out = openSync(stdoutFile, 'w');
  const err = openSync(stderrFile, 'w');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_OPTIONS: `--require ${JSON.stringify(options.preload)}`,
    BENCH_RSS_FILE: rssFile,
    NO_COLOR: '1',
  };
  delete env.PERSONA_DEBUG;
  for (const [key, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, options.argv, {
      cwd: options.cwd,
      env,
      stdio: ['ignore', out, err],
    });
    running.add(child);
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
    child.on('error', (error) => {
      running.delete(child);
      clearTimeout(timer);
      closeSync(out);
      closeSync(err);
      reject(error);
    });
    child.on('exit', (exitCode, signal) => {
      const ms = performance.now() - started;
      running.delete(child);
      clearTimeout(timer);
      closeSync(out);
      closeSync(err);
      resolve({ ms, rssMb: readPeakRss(rssFile), exitCode, signal, stdoutFile, stderrFile });
    });
  });
}

function readPeakRss(file: string): number | null {
  if (!existsSync(file)) return null;
  const kilobytes = readFileSync(file, 'utf8')
    .split('\n')
    .map((line) => Number(line.split(' ')[1]))
    .filter((value) => Number.isFinite(value) && value > 0);
  return kilobytes.length === 0 ? null : Math.max(...kilobytes) / 1024;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}
