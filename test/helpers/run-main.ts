import { main } from '../../scripts/cli/main.ts';
import { testStateDir } from './run-cli.ts';

export interface MainResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the CLI's `main` in this process, as the bundle's entry would (without its worker threads): for the many
 * small cases of argument handling, where starting a process for each would cost more than the test.
 */
export async function runMain(
  argv: string[],
  options: { cwd: string; env?: Record<string, string | undefined>; interrupt?: () => AbortSignal },
): Promise<MainResult> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    cwd: options.cwd,
    env: { PERSONA_STATE_DIR: testStateDir(), ...options.env },
    ...(options.interrupt ? { interrupt: options.interrupt } : {}),
  });
  return { code, stdout, stderr };
}
