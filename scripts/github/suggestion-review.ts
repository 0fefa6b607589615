import type { GitHubClient } from './github-client.ts';
import type { Repo } from './resolve-pull-request.ts';

/** Bounded loops over API pages: far more than a pull request has. */
const MAX_PAGES = 30;

export interface ReviewTarget extends Repo {
  pullNumber: number;
  botLogin: string;
  /** The hidden first line of the bot's review body, and of each of its comments. */
  reviewMarker: string;
  commentMarker: string;
  /** The commit the comments are placed against (the report's head). */
  commitId: string;
}

/** One review comment the bot wants on the pull request: lines of the new side, start ≤ line. */
export interface WantedComment {
  path: string;
  startLine: number;
  line: number;
  body: string;
}

export interface ReviewTexts {
  /** The new review's body for the number of comments it holds (it starts with the review marker). */
  review: (count: number) => string;
  /** The body an earlier review of the bot gets once none of its comments stands. */
  superseded: string;
  /** The body an outdated comment gets when someone replied to it, so the thread is kept. */
  outdated: string;
}

export interface ReviewOutcome {
  /** The review created this run, if one was. */
  reviewId: number | null;
  /** Comments posted this run, and those of earlier runs still standing unchanged. */
  posted: WantedComment[];
  kept: WantedComment[];
  /** Comments GitHub refused (422: not a line of the diff, as it sees it). */
  refused: WantedComment[];
  /** Earlier comments deleted, or (replied to) turned into an "outdated" note. */
  removed: number;
}

interface ExistingComment {
  id: number;
  path: string;
  line: number | null;
  startLine: number | null;
  body: string;
  replied: boolean;
  reviewId: number | null;
}

/**
 * Keeps the bot's suggestions on a pull request in step with `wanted`, as one review per push:
 *
 * - its earlier comments (found by marker and author, like the sticky comment) that still stand unchanged are
 *   kept, so nothing is posted twice across pushes;
 * - the others are deleted: REST cannot resolve a thread (only GraphQL can), and a commented review cannot be
 *   dismissed (only approvals and change requests can), so deleting is what keeps an outdated suggestion from
 *   being committed; one that someone replied to keeps its thread and becomes a short "outdated" note;
 * - what is still missing is posted as one new review (event COMMENT, never blocking a merge);
 * - an earlier review left with no comment says it was superseded.
 *
 * GitHub refuses a whole review (422) when one comment is not on a line of the diff. Then the comments are
 * tried in halves as pending reviews (created, then deleted at once) to find the refused ones, and the review is
 * posted without them.
 */
export async function syncSuggestionReview(
  client: GitHubClient,
  target: ReviewTarget,
  wanted: readonly WantedComment[],
  texts: ReviewTexts,
): Promise<ReviewOutcome> {
  const pull = { owner: target.owner, repo: target.repo, pull_number: target.pullNumber };
  const reviews = await botReviews(client, target);
  // A pending review left by an interrupted run would make GitHub refuse every new one.
  for (const review of reviews.filter((r) => r.state === 'PENDING'))
    await client.rest.pulls.deletePendingReview({ ...pull, review_id: review.id });
  const existing = await botComments(client, target);

  const missing = [...wanted];
  const kept: WantedComment[] = [];
  let removed = 0;
  for (const comment of existing) {
    const index = missing.findIndex((w) => standsAs(comment, w));
    if (index !== -1) {
      kept.push(...missing.splice(index, 1));
      continue;
    }
    if (comment.replied) {
      if (normalize(comment.body) === normalize(texts.outdated)) continue;
      await client.rest.pulls.updateReviewComment({
        owner: target.owner,
        repo: target.repo,
        comment_id: comment.id,
        body: texts.outdated,
      });
    } else {
      await client.rest.pulls.deleteReviewComment({
        owner: target.owner,
        repo: target.repo,
        comment_id: comment.id,
      });
    }
    removed++;
  }

  let reviewId: number | null = null;
  let posted: WantedComment[] = [];
  let refused: WantedComment[] = [];
  if (missing.length > 0) {
    const created = await createReview(client, target, missing, texts.review(missing.length), 'COMMENT');
    if (created.ok) {
      reviewId = created.id;
      posted = missing;
    } else {
      // GitHub just refused them all together: look for the culprits in halves.
      refused = await refusedComments(client, target, missing, true);
      posted = missing.filter((w) => !refused.includes(w));
      if (posted.length > 0) {
        const retried = await createReview(client, target, posted, texts.review(posted.length), 'COMMENT');
        if (!retried.ok) {
          refused = missing;
          posted = [];
        } else reviewId = retried.id;
      }
    }
  }

  // Earlier reviews none of whose comments stands any more say so, once.
  const standing = new Set(existing.filter((c) => kept.some((k) => standsAs(c, k))).map((c) => c.reviewId));
  for (const review of reviews) {
    if (review.state === 'PENDING' || review.id === reviewId || standing.has(review.id)) continue;
    if (normalize(review.body) === normalize(texts.superseded)) continue;
    await client.rest.pulls.updateReview({ ...pull, review_id: review.id, body: texts.superseded });
  }
  return { reviewId, posted, kept, refused, removed };
}

async function createReview(
  client: GitHubClient,
  target: ReviewTarget,
  comments: readonly WantedComment[],
  body: string,
  event: 'COMMENT' | undefined,
): Promise<{ ok: true; id: number } | { ok: false }> {
  try {
    const { data } = await client.rest.pulls.createReview({
      owner: target.owner,
      repo: target.repo,
      pull_number: target.pullNumber,
      commit_id: target.commitId,
      body,
      ...(event ? { event } : {}),
      comments: comments.map((c) => ({
        path: c.path,
        line: c.line,
        side: 'RIGHT' as const,
        ...(c.startLine < c.line ? { start_line: c.startLine, start_side: 'RIGHT' as const } : {}),
        body: c.body,
      })),
    });
    return { ok: true, id: data.id };
  } catch (error) {
    if ((error as { status?: unknown }).status === 422) return { ok: false };
    throw error;
  }
}

/**
 * The comments GitHub refuses, found by halves: a group it accepts as a pending review (deleted at once,
 * never shown to anyone) is sound; a refused group of one is the culprit.
 */
async function refusedComments(
  client: GitHubClient,
  target: ReviewTarget,
  comments: readonly WantedComment[],
  knownRefused = false,
): Promise<WantedComment[]> {
  const probe = knownRefused
    ? ({ ok: false } as const)
    : await createReview(client, target, comments, '', undefined);
  if (probe.ok) {
    await client.rest.pulls.deletePendingReview({
      owner: target.owner,
      repo: target.repo,
      pull_number: target.pullNumber,
      review_id: probe.id,
    });
    return [];
  }
  if (comments.length === 1) return [...comments];
  const half = Math.ceil(comments.length / 2);
  return [
    ...(await refusedComments(client, target, comments.slice(0, half))),
    ...(await refusedComments(client, target, comments.slice(half))),
  ];
}

async function botReviews(
  client: GitHubClient,
  target: ReviewTarget,
): Promise<Array<{ id: number; state: string; body: string }>> {
  const out: Array<{ id: number; state: string; body: string }> = [];
  let pages = 0;
  for await (const page of client.paginate.iterator(client.rest.pulls.listReviews, {
    owner: target.owner,
    repo: target.repo,
    pull_number: target.pullNumber,
    per_page: 100,
  })) {
    for (const review of page.data) {
      const body = review.body ?? '';
      if (review.user?.login === target.botLogin && body.startsWith(target.reviewMarker))
        out.push({ id: review.id, state: String(review.state).toUpperCase(), body });
    }
    if (++pages >= MAX_PAGES) break;
  }
  return out;
}

/** The bot's suggestion comments (by marker and author), each with whether anyone replied to it. */
async function botComments(client: GitHubClient, target: ReviewTarget): Promise<ExistingComment[]> {
  const mine: ExistingComment[] = [];
  const repliedTo = new Set<number>();
  let pages = 0;
  for await (const page of client.paginate.iterator(client.rest.pulls.listReviewComments, {
    owner: target.owner,
    repo: target.repo,
    pull_number: target.pullNumber,
    per_page: 100,
  })) {
    for (const comment of page.data) {
      if (typeof comment.in_reply_to_id === 'number') repliedTo.add(comment.in_reply_to_id);
      if (comment.user?.login !== target.botLogin || !comment.body.startsWith(target.commentMarker)) continue;
      mine.push({
        id: comment.id,
        path: comment.path,
        line: comment.line ?? null,
        startLine: comment.start_line ?? null,
        body: comment.body,
        replied: false,
        reviewId: comment.pull_request_review_id ?? null,
      });
    }
    if (++pages >= MAX_PAGES) break;
  }
  return mine.map((c) => ({ ...c, replied: repliedTo.has(c.id) }));
}

/** An earlier comment stands for a wanted one when GitHub still places it on the same lines with the same text. */
function standsAs(comment: ExistingComment, wanted: WantedComment): boolean {
  return (
    comment.line === wanted.line &&
    (comment.startLine ?? comment.line) === wanted.startLine &&
    comment.path === wanted.path &&
    normalize(comment.body) === normalize(wanted.body)
  );
}

/** GitHub may hand back CRLF line endings and drop a trailing newline. */
function normalize(body: string): string {
  return body.replace(/\r\n/g, '\n').trimEnd();
}
