import type { GitHubClient } from './github-client.ts';
import type { Repo } from './resolve-pull-request.ts';
import { upsertStickyComment } from './sticky-comment.ts';

export interface PullOfCommit {
  number: number;
  /** Who opened it (the intake bot for a pull request made from the contribution form). */
  author: string | null;
}

/** The merged pull request a commit of the default branch came from, or null (a direct push, or no answer). */
export async function pullForCommit(
  client: GitHubClient,
  repo: Repo,
  sha: string,
): Promise<PullOfCommit | null> {
  if (!/^[0-9a-f]{40}$/.test(sha)) return null;
  const { data } = await client.rest.repos.listPullRequestsAssociatedWithCommit({
    ...repo,
    commit_sha: sha,
    per_page: 10,
  });
  const pulls = Array.isArray(data) ? data : [];
  const merged = pulls.find((p) => typeof p?.number === 'number' && p.merged_at);
  const any = merged ?? pulls.find((p) => typeof p?.number === 'number');
  if (!any) return null;
  const login = any.user?.login;
  return { number: any.number, author: typeof login === 'string' ? login : null };
}

/** Posts (or updates) one sticky comment on a pull request. */
export async function postSticky(
  client: GitHubClient,
  repo: Repo,
  issueNumber: number,
  marker: string,
  body: string,
  botLogin: string,
): Promise<void> {
  await upsertStickyComment(client, { ...repo, issueNumber, botLogin, marker }, body, true);
}
