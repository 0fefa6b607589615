// Runs a TypeScript entry (such as bench/run.ts) the way the CLI ships: bundled by esbuild with the same options
// as bundle.mjs, into a temporary folder that is removed afterwards. Usage: node scripts/build/run-ts.mjs <entry.ts> [args]
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bundleOptions } from './bundle.mjs';

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  process.stderr.write('usage: node scripts/build/run-ts.mjs <entry.ts> [args]\n');
  process.exit(2);
}
const { build } = await import('esbuild');
const outdir = mkdtempSync(path.join(os.tmpdir(), 'run-ts-'));
const cleanup = () => rmSync(outdir, { recursive: true, force: true });
try {
  const name = path.basename(entry).replace(/\.[cm]?tsx?$/, '');
  await build({ ...bundleOptions, entryPoints: { [name]: path.resolve(entry) }, outdir });
  const child = spawn(process.execPath, [path.join(outdir, `${name}.mjs`), ...args], { stdio: 'inherit' });
  // Pass Ctrl-C or a kill on to the entry, so it can stop its own work and clean up before we remove the bundle.
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  const [code, signal] = await new Promise((resolve) => child.on('exit', (...result) => resolve(result)));
  if (signal) process.stderr.write(`run-ts: ${entry} stopped by ${signal}\n`);
  process.exitCode = code ?? 1;
} catch (error) {
  process.stderr.write(`run-ts: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
} finally {
  cleanup();
}
