import type { GitHubClient } from './github-client.ts';
import type { Repo } from './resolve-pull-request.ts';

/** 100 pages of 100: far more comments than any pull request has, and still a bounded loop. */
const MAX_COMMENT_PAGES = 100;

export interface StickyTarget extends Repo {
  issueNumber: number;
  /** The login the bot posts as (`github-actions[bot]` with the workflow token). */
  botLogin: string;
  /** The hidden first line that marks the comment (an HTML comment of the bot's own). */
  marker: string;
}

export interface ExistingComment {
  id: number;
  body: string;
}

/**
 * The bot's comment: the first one whose body starts with the marker and whose author is the bot. A marker
 * pasted into anyone else's comment, or quoted in the middle of a body, does not count.
 */
export async function findStickyComment(
  client: GitHubClient,
  target: StickyTarget,
): Promise<ExistingComment | null> {
  let pages = 0;
  for await (const page of client.paginate.iterator(client.rest.issues.listComments, {
    owner: target.owner,
    repo: target.repo,
    issue_number: target.issueNumber,
    per_page: 100,
  })) {
    for (const comment of page.data) {
      const body = comment.body ?? '';
      if (comment.user?.login === target.botLogin && body.startsWith(target.marker)) {
        return { id: comment.id, body };
      }
    }
    if (++pages >= MAX_COMMENT_PAGES) break;
  }
  return null;
}

export type StickyOutcome =
  | { action: 'created'; id: number }
  | { action: 'updated'; id: number }
  | { action: 'unchanged'; id: number }
  | { action: 'skipped' };

/**
 * Creates the comment once and then edits it in place. An identical body is not re-sent, so re-runs make
 * no noise; `createIfMissing: false` keeps a clean pull request free of a comment it never needed.
 */
export async function upsertStickyComment(
  client: GitHubClient,
  target: StickyTarget,
  body: string,
  createIfMissing: boolean,
): Promise<StickyOutcome> {
  const existing = await findStickyComment(client, target);
  if (existing) {
    if (normalize(existing.body) === normalize(body)) return { action: 'unchanged', id: existing.id };
    await client.rest.issues.updateComment({
      owner: target.owner,
      repo: target.repo,
      comment_id: existing.id,
      body,
    });
    return { action: 'updated', id: existing.id };
  }
  if (!createIfMissing) return { action: 'skipped' };
  const { data } = await client.rest.issues.createComment({
    owner: target.owner,
    repo: target.repo,
    issue_number: target.issueNumber,
    body,
  });
  return { action: 'created', id: data.id };
}

/** GitHub may hand back CRLF line endings and drop a trailing newline. */
function normalize(body: string): string {
  return body.replace(/\r\n/g, '\n').trimEnd();
}
