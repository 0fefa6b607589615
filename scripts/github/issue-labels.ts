import type { GitHubClient } from './github-client.ts';
import type { Repo } from './resolve-pull-request.ts';

/** Adds a label to an issue; GitHub creates a label that the repository does not have yet. */
export async function addIssueLabel(
  client: GitHubClient,
  repo: Repo,
  issueNumber: number,
  name: string,
): Promise<void> {
  await client.rest.issues.addLabels({ ...repo, issue_number: issueNumber, labels: [name] });
}

/** Removes a label; one that is already gone is not an error. */
export async function removeIssueLabel(
  client: GitHubClient,
  repo: Repo,
  issueNumber: number,
  name: string,
): Promise<void> {
  try {
    await client.rest.issues.removeLabel({ ...repo, issue_number: issueNumber, name });
  } catch (error) {
    if ((error as { status?: unknown }).status !== 404) throw error;
  }
}
