import { afterEach, beforeEach, expect } from 'vitest';
import { FakeGitHub } from '../helpers/fake-github.ts';
import { scratchLibrary } from '../helpers/run-cli.ts';
import { FakeRepository, IntakeRun, type IssueSeed, REPOSITORY } from './fake-git.ts';
import { FIXTURE_LIBRARY } from './intake-helpers.ts';

/**
 * The intake's end-to-end files (test/intake/ and, for the runs over several edits, test/slow/): a fake GitHub
 * on 127.0.0.1 and a fake repository behind it, a scratch library, and the real `persona intake` run against
 * them. The state is exported as live bindings, reset before each test by the hooks `useIntakeRuns` adds.
 */
export const API = `/repos/${REPOSITORY}`;
export const EXTEND_FILE =
  'contributions/pagerduty-on-call-engineer/2026-11-20-octocat-frustrations-issue-12.yaml';
export const PULLS = /\/pulls$/;
export const PULL = /\/pulls\/\d+$/;
export const COMMENTS = /\/issues\/\d+\/comments$/;
export const COMMENT = /\/issues\/comments\/\d+$/;
export const WRITES = /\/git\/(trees|commits|refs)/;

export let github: FakeGitHub;
export let repo: FakeRepository;
let library: { root: string; cleanup: () => void };
let runs: IntakeRun[] = [];

export function useIntakeRuns(): void {
  beforeEach(async () => {
    github = await FakeGitHub.start(REPOSITORY);
    repo = new FakeRepository(github);
    library = scratchLibrary(FIXTURE_LIBRARY);
  });

  afterEach(async () => {
    await github.close();
    for (const run of runs) run.cleanup();
    runs = [];
    library.cleanup();
    // Every request matched GitHub's OpenAPI description.
    expect(github.violations).toEqual([]);
  });
}

/** A run of `persona intake` on the scratch library, removed after the test. */
export function newRun(): IntakeRun {
  const run = new IntakeRun(library.root);
  runs.push(run);
  return run;
}

export function intake(seed: IssueSeed, extraArgs: string[] = []) {
  return newRun().writeEvent(seed).run(github, extraArgs);
}

/** "METHOD /path" of every request since `from`, with the repository prefix dropped. */
export function calls(from = 0): string[] {
  return github.requests
    .slice(from)
    .map(
      (r) =>
        `${r.method} ${decodeURIComponent(r.path).replace(API, '')}${r.path.endsWith('/pulls') ? r.query : ''}`,
    );
}

export const bodyOf = (method: string, pattern: RegExp, nth = 0) =>
  github.requests.filter((r) => r.method === method && pattern.test(r.path))[nth]?.body as Record<
    string,
    unknown
  >;
