/**
 * Times `persona validate --watch` per edit: starts the watch on a library, waits for its first report, makes
 * one untimed edit (the watch's first check after start-up), then `edits` timed ones, each from the moment the
 * edited file is written to the moment the watch has printed the check that follows it (its summary line):
 * what a user waits for after saving, debounce included. Then Ctrl-C, and the watch must exit 0.
 * Prints `{"edits":[ms, …],"median":ms}`. Usage: node watch-edit.mjs <cli> <library root> <persona file> [edits]
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const [cli, rootArgument, file, editsArgument] = process.argv.slice(2);
if (!cli || !rootArgument || !file) {
  process.stderr.write('usage: node watch-edit.mjs <cli> <library root> <persona file> [edits]\n');
  process.exit(2);
}
const root = path.resolve(rootArgument);
const edits = Number(editsArgument ?? 3);
const target = path.join(root, file);
const original = readFileSync(target, 'utf8');

const watch = spawn(process.execPath, [cli, 'validate', '--watch', '--root', root], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
let output = '';
let waiting: { test: (text: string) => boolean; resolve: () => void } | null = null;
watch.stdout.on('data', (chunk: Buffer) => {
  output += chunk.toString('utf8');
  if (waiting?.test(output)) {
    const { resolve } = waiting;
    waiting = null;
    resolve();
  }
});

/** Resolves once the output passes `test`; fails the run after `ms`. */
function until(test: (text: string) => boolean, ms: number, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${what} within ${ms} ms`)), ms);
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    if (test(output)) done();
    else waiting = { test, resolve: done };
  });
}

const CHECK = / changed: \d+ new, \d+ fixed\.\n(?:.*\n)*?.* checked: .*\.\n/g;
const checks = (text: string) => text.match(CHECK)?.length ?? 0;

/** Rewrites the persona's `context` with text no run has seen, as a contributor's edit would. */
function edit(n: number): void {
  const stamp = `Edit ${n} at ${process.hrtime.bigint()}.`;
  writeFileSync(target, original.replace(/^context: "/m, `context: "${stamp} `));
}

let status = 0;
try {
  await until((text) => text.includes('Ctrl-C to stop'), 900_000, 'first report');
  const times: number[] = [];
  for (let n = 0; n <= edits; n++) {
    const before = checks(output);
    const started = performance.now();
    edit(n);
    await until((text) => checks(text) > before, 60_000, `check after edit ${n}`);
    if (n > 0) times.push(Math.round((performance.now() - started) * 10) / 10);
  }
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
  process.stdout.write(`${JSON.stringify({ edits: times, median })}\n`);
} catch (error) {
  process.stderr.write(`watch-edit: ${(error as Error).message}\n`);
  status = 1;
} finally {
  writeFileSync(target, original);
  watch.kill('SIGINT');
  const code = await new Promise<number | null>((resolve) => watch.on('exit', (c) => resolve(c)));
  if (code !== 0) {
    process.stderr.write(`watch-edit: the watch exited with ${code} after Ctrl-C\n`);
    status = 1;
  }
}
process.exitCode = status;
