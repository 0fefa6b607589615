import type { GitHubClient } from './github-client.ts';

export interface Repo {
  owner: string;
  repo: string;
}

export type PullRequestResolution =
  | { ok: true; number: number; headSha: string; baseRef: string }
  | { ok: false; stale: boolean; reason: string };

/** Enough pages for any real repository; a loop over API pages always has an end. */
const MAX_PULL_PAGES = 10;

interface PullLike {
  number: number;
  state: string;
  head: { sha: string; repo: { full_name: string } | null };
  base: { ref: string; repo: { full_name: string } };
}

/**
 * Finds the pull request an event is about, through the API only (never from the report artifact).
 * For `workflow_run`: `workflow_run.pull_requests`, which GitHub leaves empty for forks; otherwise the base
 * repository's open pulls filtered by `head=<fork owner>:<branch>`. The pull request must still be at the
 * run's head commit: a report for an older head is dropped, never posted over a newer one.
 */
export async function resolvePullRequest(
  client: GitHubClient,
  target: Repo,
  eventName: string,
  payload: unknown,
): Promise<PullRequestResolution> {
  const event = asRecord(payload);
  if (eventName === 'workflow_run')
    return resolveFromWorkflowRun(client, target, asRecord(event.workflow_run));
  if (eventName === 'pull_request') {
    const pr = asRecord(event.pull_request);
    const number = pr.number;
    const headSha = asRecord(pr.head).sha;
    if (!isPositiveInteger(number) || typeof headSha !== 'string') {
      return {
        ok: false,
        stale: false,
        reason: 'the pull_request event has no pull request number or head commit',
      };
    }
    const { data } = await client.rest.pulls.get({ ...target, pull_number: number });
    return matchHead([data as PullLike], headSha, null, target);
  }
  return { ok: false, stale: false, reason: `the ${eventName} event is not about a pull request` };
}

async function resolveFromWorkflowRun(
  client: GitHubClient,
  target: Repo,
  run: Record<string, unknown>,
): Promise<PullRequestResolution> {
  const headSha = run.head_sha;
  if (typeof headSha !== 'string' || !/^[0-9a-f]{40}$/.test(headSha)) {
    return { ok: false, stale: false, reason: 'the workflow_run event has no head commit' };
  }
  if (run.event !== 'pull_request') {
    return {
      ok: false,
      stale: false,
      reason: `the run was triggered by ${String(run.event)}, not by a pull request`,
    };
  }
  const headRepo = asRecord(run.head_repository);
  const headRepoName = typeof headRepo.full_name === 'string' ? headRepo.full_name : null;
  const listed = Array.isArray(run.pull_requests) ? run.pull_requests : [];
  const numbers = listed.map((p) => asRecord(p).number).filter(isPositiveInteger);
  const pulls: PullLike[] = [];
  if (numbers.length > 0) {
    for (const number of [...new Set(numbers)].slice(0, 10)) {
      const { data } = await client.rest.pulls.get({ ...target, pull_number: number });
      pulls.push(data as PullLike);
    }
  } else {
    // A fork: GitHub does not list its pull requests on the run, so ask the base repository.
    const owner = asRecord(headRepo.owner).login;
    const branch = run.head_branch;
    if (typeof owner !== 'string' || typeof branch !== 'string' || owner === '' || branch === '') {
      return { ok: false, stale: false, reason: 'the workflow_run event has no head repository or branch' };
    }
    let pages = 0;
    for await (const page of client.paginate.iterator(client.rest.pulls.list, {
      ...target,
      state: 'open',
      head: `${owner}:${branch}`,
      per_page: 100,
    })) {
      pulls.push(...(page.data as PullLike[]));
      if (++pages >= MAX_PULL_PAGES) break;
    }
  }
  return matchHead(pulls, headSha, headRepoName, target);
}

function matchHead(
  pulls: readonly PullLike[],
  headSha: string,
  headRepoName: string | null,
  target: Repo,
): PullRequestResolution {
  const ours = pulls.filter(
    (p) =>
      p.state === 'open' &&
      p.base.repo.full_name.toLowerCase() === `${target.owner}/${target.repo}`.toLowerCase() &&
      (headRepoName === null || p.head.repo?.full_name.toLowerCase() === headRepoName.toLowerCase()),
  );
  const match = ours.find((p) => p.head.sha === headSha);
  if (match) return { ok: true, number: match.number, headSha, baseRef: match.base.ref };
  const first = ours[0];
  if (first) {
    return {
      ok: false,
      stale: true,
      reason: `pull request #${first.number} is now at ${first.head.sha.slice(0, 7)}; this report is for ${headSha.slice(0, 7)}, an older head`,
    };
  }
  return { ok: false, stale: false, reason: `no open pull request has head ${headSha.slice(0, 7)}` };
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function isPositiveInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0;
}
