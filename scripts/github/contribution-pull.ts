import type { GitHubClient } from './github-client.ts';
import type { Repo } from './resolve-pull-request.ts';

export interface IssuePull {
  number: number;
  url: string;
  state: 'open' | 'closed';
  merged: boolean;
  title: string;
  body: string;
}

interface PullLike {
  number: number;
  html_url: string;
  state: string;
  merged_at?: string | null;
  title: string;
  body?: string | null;
  head: { ref: string; repo?: { full_name: string } | null };
  base: { repo: { full_name: string } };
}

const MAX_PAGES = 10;

/**
 * The pull request of a contribution branch, found through the API by its head branch in this repository
 * (never from anything the issue says): the open one if any, else the most recent closed one.
 */
export async function findBranchPull(
  client: GitHubClient,
  repo: Repo,
  branch: string,
): Promise<IssuePull | null> {
  const fullName = `${repo.owner}/${repo.repo}`.toLowerCase();
  const found: PullLike[] = [];
  let pages = 0;
  for await (const page of client.paginate.iterator(client.rest.pulls.list, {
    ...repo,
    head: `${repo.owner}:${branch}`,
    state: 'all',
    per_page: 100,
  })) {
    for (const pull of page.data as PullLike[]) {
      if (
        pull.head.ref === branch &&
        pull.head.repo?.full_name.toLowerCase() === fullName &&
        pull.base.repo.full_name.toLowerCase() === fullName
      )
        found.push(pull);
    }
    if (++pages >= MAX_PAGES) break;
  }
  const chosen = found.find((p) => p.state === 'open') ?? [...found].sort((a, b) => b.number - a.number)[0];
  if (!chosen) return null;
  return {
    number: chosen.number,
    url: chosen.html_url,
    state: chosen.state === 'open' ? 'open' : 'closed',
    merged: typeof chosen.merged_at === 'string',
    title: chosen.title,
    body: chosen.body ?? '',
  };
}

export async function openBranchPull(
  client: GitHubClient,
  repo: Repo,
  pull: { branch: string; base: string; title: string; body: string },
): Promise<IssuePull> {
  const { data } = await client.rest.pulls.create({
    ...repo,
    head: pull.branch,
    base: pull.base,
    title: pull.title,
    body: pull.body,
  });
  return {
    number: data.number,
    url: data.html_url,
    state: 'open',
    merged: false,
    title: data.title,
    body: data.body ?? '',
  };
}

/** Re-sends title and body only when they changed, so a re-run makes no noise in the timeline. */
export async function updateBranchPull(
  client: GitHubClient,
  repo: Repo,
  pull: IssuePull,
  wanted: { title: string; body: string },
): Promise<boolean> {
  const same = (a: string, b: string) =>
    a.replace(/\r\n/g, '\n').trimEnd() === b.replace(/\r\n/g, '\n').trimEnd();
  if (same(pull.title, wanted.title) && same(pull.body, wanted.body)) return false;
  await client.rest.pulls.update({
    ...repo,
    pull_number: pull.number,
    title: wanted.title,
    body: wanted.body,
  });
  return true;
}
