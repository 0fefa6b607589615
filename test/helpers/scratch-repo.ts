import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type CliResult, REPO_ROOT, runCli, testBundle } from './run-cli.ts';

/** Author and committer for every scratch commit; dates are given per commit where they matter. */
const IDENTITY = ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false'];

/** Runs git in `cwd` and returns its stdout; throws with git's stderr on failure. */
export function git(cwd: string, args: readonly string[], env: Record<string, string> = {}): string {
  return execFileSync('git', [...IDENTITY, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GIT_TERMINAL_PROMPT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/**
 * A bare "origin" holding a library on `main`, and clones of it: what GitHub and the people and runners
 * around it look like, on one machine. Everything lives in one temporary folder, removed by `cleanup`.
 */
export class ScratchRemote {
  readonly dir = mkdtempSync(path.join(os.tmpdir(), 'persona-remote-'));
  readonly origin = path.join(this.dir, 'origin.git');
  private clones = 0;

  /** A remote whose main holds `folders` of the repository (personas, schemas, … as shipped). */
  constructor(folders: readonly string[] = ['personas', 'schemas', '.github', 'contributions']) {
    git(this.dir, ['init', '--quiet', '--bare', '--initial-branch=main', this.origin]);
    const seed = this.clone('seed');
    for (const folder of folders)
      cpSync(path.join(REPO_ROOT, folder), path.join(seed, folder), { recursive: true });
    commitAll(seed, 'The library');
    git(seed, ['push', '--quiet', 'origin', 'HEAD:refs/heads/main']);
  }

  /** A new clone of origin's main, as a contributor's fork or a runner's checkout. */
  clone(name = `clone-${++this.clones}`): string {
    const dir = path.join(this.dir, name);
    if (name === 'seed') {
      mkdirSync(dir);
      git(dir, ['init', '--quiet', '--initial-branch=main']);
      git(dir, ['remote', 'add', 'origin', this.origin]);
      return dir;
    }
    git(this.dir, ['clone', '--quiet', '--branch', 'main', this.origin, dir]);
    return dir;
  }

  /**
   * A pull request: `work` (run in a fresh clone of main, as a contributor would) is committed on a branch
   * `pr/<name>` and pushed to origin. Returns the clone and the head commit.
   */
  async openPullRequest(
    name: string,
    work: (dir: string) => void | Promise<void>,
  ): Promise<{ dir: string; head: string }> {
    const dir = this.clone(`pr-${name}`);
    git(dir, ['switch', '--quiet', '-c', `pr/${name}`]);
    await work(dir);
    const head = commitAll(dir, `Pull request ${name}`);
    git(dir, ['push', '--quiet', 'origin', `pr/${name}`]);
    return { dir, head };
  }

  /**
   * Merges a pull request as GitHub's merge button does, with plain `git merge --no-ff` onto the current main
   * (first parent: main), and pushes. Throws on a conflict. Returns the merge commit.
   */
  mergePullRequest(name: string, env: Record<string, string> = {}): string {
    const dir = this.maintainer();
    git(dir, ['fetch', '--quiet', 'origin']);
    git(dir, ['reset', '--quiet', '--hard', 'origin/main']);
    git(
      dir,
      ['merge', '--quiet', '--no-ff', '--no-edit', '-m', `Merge pull request ${name}`, `origin/pr/${name}`],
      env,
    );
    git(dir, ['push', '--quiet', 'origin', 'HEAD:refs/heads/main']);
    return git(dir, ['rev-parse', 'HEAD']).trim();
  }

  private maintainerDir: string | null = null;
  private maintainer(): string {
    this.maintainerDir ??= this.clone('maintainer');
    return this.maintainerDir;
  }

  /** The SHA of a branch on origin. */
  head(branch = 'main'): string {
    return git(this.origin, ['rev-parse', `refs/heads/${branch}`]).trim();
  }

  /** A file's text on origin's branch, or null when it is not there. */
  show(file: string, branch = 'main'): string | null {
    try {
      return git(this.origin, ['show', `refs/heads/${branch}:${file}`]);
    } catch {
      return null;
    }
  }

  /** Every path on origin's branch. */
  files(branch = 'main'): string[] {
    return git(this.origin, ['ls-tree', '-r', '--name-only', `refs/heads/${branch}`])
      .split('\n')
      .filter(Boolean);
  }

  cleanup(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export function commitAll(dir: string, message: string, env: Record<string, string> = {}): string {
  git(dir, ['add', '--all']);
  git(dir, ['commit', '--quiet', '--allow-empty', '--message', message], env);
  return git(dir, ['rev-parse', 'HEAD']).trim();
}

export function writeIn(dir: string, file: string, text: string): void {
  mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  writeFileSync(path.join(dir, file), text);
}

export function readIn(dir: string, file: string): string {
  return readFileSync(path.join(dir, file), 'utf8');
}

/**
 * Runs the apply action's bundle in a runner checkout `dir`, with the variables GitHub sets for a push to main.
 * `temp` is RUNNER_TEMP (outputs and summary files are created there).
 */
export function runApplyAction(
  dir: string,
  temp: string,
  env: Record<string, string> = {},
): Promise<CliResult> {
  mkdirSync(temp, { recursive: true });
  for (const file of ['output.txt', 'summary.md']) writeFileSync(path.join(temp, file), '');
  return runCli([], {
    entry: testBundle('apply-action.mjs'),
    cwd: dir,
    env: {
      GITHUB_WORKSPACE: dir,
      GITHUB_REF_NAME: 'main',
      GITHUB_REPOSITORY: 'persona-library/persona-library',
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_RUN_ID: '77',
      RUNNER_TEMP: temp,
      GITHUB_OUTPUT: path.join(temp, 'output.txt'),
      GITHUB_STEP_SUMMARY: path.join(temp, 'summary.md'),
      PERSONA_APPLY_RETRY_MS: '20',
      ...env,
    },
    timeoutMs: 120_000,
  });
}

/** The outputs an action step wrote to GITHUB_OUTPUT. */
export function outputsOf(temp: string): Record<string, string> {
  return Object.fromEntries(
    [...readFileSync(path.join(temp, 'output.txt'), 'utf8').matchAll(/^(\w+)<<(\S+)\n([\s\S]*?)\n\2$/gm)].map(
      (m) => [m[1], m[3]],
    ),
  );
}
