import type { GitHubClient } from './github-client.ts';
import type { Repo } from './resolve-pull-request.ts';

export interface BranchContent {
  defaultBranch: string;
  branch: string;
  file: string;
  text: string;
  message: string;
}

export type BranchOutcome = { action: 'created' | 'updated' | 'unchanged'; sha: string };

/**
 * Puts the contribution on its branch as one commit on top of the default branch's head, through the Git
 * data API (tree, commit, ref): nothing is checked out and nothing the issue says reaches a shell. An edit
 * force-updates the branch to a fresh commit, so the pull request always shows exactly one file against the
 * current default branch; if the branch already holds that very commit content, nothing is written.
 * The ref moves only after the new commit exists: the branch never points at the default branch's head,
 * which would make GitHub consider the pull request merged.
 */
export async function writeContributionBranch(
  client: GitHubClient,
  repo: Repo,
  content: BranchContent,
): Promise<BranchOutcome> {
  const { data: baseRef } = await client.rest.git.getRef({ ...repo, ref: `heads/${content.defaultBranch}` });
  const baseSha = baseRef.object.sha;
  const { data: baseCommit } = await client.rest.git.getCommit({ ...repo, commit_sha: baseSha });
  const { data: tree } = await client.rest.git.createTree({
    ...repo,
    base_tree: baseCommit.tree.sha,
    tree: [{ path: content.file, mode: '100644', type: 'blob', content: content.text }],
  });
  const existing = await getRefOrNull(client, repo, `heads/${content.branch}`);
  if (existing) {
    const { data: head } = await client.rest.git.getCommit({ ...repo, commit_sha: existing });
    const sameParent = head.parents.length === 1 && head.parents[0]?.sha === baseSha;
    if (sameParent && head.tree.sha === tree.sha) return { action: 'unchanged', sha: existing };
  }
  const { data: commit } = await client.rest.git.createCommit({
    ...repo,
    message: content.message,
    tree: tree.sha,
    parents: [baseSha],
  });
  if (existing) {
    await client.rest.git.updateRef({
      ...repo,
      ref: `heads/${content.branch}`,
      sha: commit.sha,
      force: true,
    });
    return { action: 'updated', sha: commit.sha };
  }
  await client.rest.git.createRef({ ...repo, ref: `refs/heads/${content.branch}`, sha: commit.sha });
  return { action: 'created', sha: commit.sha };
}

async function getRefOrNull(client: GitHubClient, repo: Repo, ref: string): Promise<string | null> {
  try {
    const { data } = await client.rest.git.getRef({ ...repo, ref });
    return data.object.sha;
  } catch (error) {
    if ((error as { status?: unknown }).status === 404) return null;
    throw error;
  }
}
