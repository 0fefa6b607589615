import { afterEach, expect } from 'vitest';
import { FakeGitHub } from './fake-github.ts';
import { runCli } from './run-cli.ts';
import { ScratchRemote } from './scratch-repo.ts';

/**
 * Scratch remotes and fake GitHubs for the apply action's end-to-end files: each is removed after its test,
 * and every request a fake GitHub saw must have matched GitHub's OpenAPI description.
 */
export function useScratchRemotes() {
  let remotes: ScratchRemote[] = [];
  let servers: FakeGitHub[] = [];
  afterEach(async () => {
    for (const remote of remotes) remote.cleanup();
    remotes = [];
    for (const server of servers) {
      await server.close();
      expect(server.violations).toEqual([]);
    }
    servers = [];
  });
  return {
    remote(): ScratchRemote {
      const r = new ScratchRemote();
      remotes.push(r);
      return r;
    },
    async github(repository = 'persona-library/persona-library'): Promise<FakeGitHub> {
      const server = await FakeGitHub.start(repository);
      servers.push(server);
      return server;
    },
  };
}

let pulls = 0;
/** A contributor's pull request made with the real CLI, merged onto main with plain git merge. */
export async function landContribution(
  r: ScratchRemote,
  args: string[],
  commitDate?: string,
): Promise<string> {
  const name = `c${++pulls}`;
  await r.openPullRequest(name, async (dir) => {
    const made = await runCli(['contribute', ...args, '--root', dir], { cwd: dir });
    expect(made.code, made.stdout + made.stderr).toBe(0);
  });
  return r.mergePullRequest(name, commitDate ? { GIT_COMMITTER_DATE: commitDate } : {});
}

/** Whether the persona credits `login` (the apply run merged their contribution). */
export const credits = (text: string | null, login: string) =>
  new RegExp(`contributors:\\n(?:\\s+- .*\\n)*?\\s+- ${login}\\n`).test(text ?? '');

export const MONITOR = 'personas/sentry/sentry-error-monitor.yaml';
