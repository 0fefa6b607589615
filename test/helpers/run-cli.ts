import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
/** PERSONA_STATE_DIR of this test run: where the CLI keeps its journal and caches for each scratch library. */
export function testStateDir(): string {
  return inject('stateDir');
}

/** The bundle built by the global setup for this test run. */
export function testBundle(name = 'persona.mjs'): string {
  return path.join(inject('cliBundleDir'), name);
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Milliseconds until the process exited. */
  elapsed: number;
}

/**
 * Runs the freshly bundled CLI as a subprocess, as a user or a workflow would. A hard timeout kills it, so a
 * hang shows up as a failed test ("finished" is asserted, not timed).
 */
export function runCli(
  args: string[],
  options: {
    cwd?: string;
    env?: Record<string, string | undefined>;
    timeoutMs?: number;
    entry?: string;
    input?: string;
  } = {},
): Promise<CliResult> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [options.entry ?? testBundle(), ...args], {
      cwd: options.cwd ?? REPO_ROOT,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        PERSONA_STATE_DIR: testStateDir(),
        // `PERSONA_ACCEL=off npm test` runs the CLI and the actions on their reference paths too.
        ...(process.env.PERSONA_ACCEL ? { PERSONA_ACCEL: process.env.PERSONA_ACCEL } : {}),
        ...options.env,
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 20_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, elapsed: Date.now() - started });
    });
    child.stdin.end(options.input ?? '');
  });
}

/** A scratch copy of a fixture library (or an empty dir), removed by the returned cleanup. */
export function scratchLibrary(from?: string): { root: string; cleanup: () => void } {
  const root = mkdtempSync(path.join(os.tmpdir(), 'persona-test-'));
  if (from) cpSync(from, root, { recursive: true });
  return { root, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}
