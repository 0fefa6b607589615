import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface PersonaRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the bundled CLI that sits next to this action bundle in dist/ (no node_modules needed), for commands
 * owned elsewhere (merge, catalogue): their JSON output is the contract, not their internals.
 */
export function runPersona(args: readonly string[], cwd: string, timeoutMs = 120_000): Promise<PersonaRun> {
  const cli = fileURLToPath(new URL('./persona.mjs', import.meta.url));
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [cli, ...args],
      { cwd, timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024, env: process.env },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 2) : 0;
        resolve({ code, stdout: String(stdout), stderr: String(stderr) });
      },
    );
  });
}

export function firstLine(text: string): string {
  return (text.trim().split('\n')[0] ?? '').slice(0, 300);
}
