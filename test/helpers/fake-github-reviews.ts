import {
  BOT_LOGIN,
  type FakeGitHub,
  type FakeRequest,
  type FakeResponse,
  webhookExamples,
} from './fake-github.ts';

/**
 * Pull-request files, reviews and review comments for the fake GitHub, as the REST API has them: every route
 * is an OpenAPI operation (so request bodies and parameters are checked against GitHub's description), and
 * review comments are held to GitHub's own rule that they sit on lines of the pull request's diff at the
 * review's commit: a line outside it gets the 422 GitHub gives.
 */

export interface PullFileSeed {
  filename: string;
  status?: 'added' | 'modified' | 'removed' | 'renamed';
  /** Unified-diff hunks as the API shows them; null for a binary or too-large diff. */
  patch: string | null;
}

export interface StoredReview {
  id: number;
  pullNumber: number;
  body: string;
  state: 'COMMENTED' | 'PENDING';
  login: string;
  commitId: string;
}

export interface StoredReviewComment {
  id: number;
  pullNumber: number;
  reviewId: number;
  path: string;
  /** Null once the comment is outdated (its line changed in a later push). */
  line: number | null;
  startLine: number | null;
  originalLine: number;
  body: string;
  login: string;
  commitId: string;
  inReplyTo: number | null;
}

interface NewSideLine {
  text: string;
  hunk: number;
}

/** GitHub's answer to a review comment on a line that is not part of the diff. */
export const LINE_NOT_IN_DIFF: FakeResponse = {
  status: 422,
  body: {
    message: 'Unprocessable Entity',
    errors: [
      'Pull request review thread line must be part of the diff and Pull request review thread diff hunk can’t be blank',
    ],
    documentation_url: 'https://docs.github.com/rest/pulls/reviews#create-a-review-for-a-pull-request',
    status: '422',
  },
};

export class FakePullReviews {
  /** Files of a pull request at a commit, by `<number>@<sha>`. */
  readonly files = new Map<string, PullFileSeed[]>();
  readonly reviews: StoredReview[] = [];
  readonly comments: StoredReviewComment[] = [];
  /**
   * `path:line` that GitHub refuses although the files API shows it in the patch. It models GitHub's own
   * view of a diff differing from the patch text the bot read (the reason cannot be reproduced here; the answer
   * can), so the bot's handling of a 422 is exercised.
   */
  readonly refusedLines = new Set<string>();

  constructor(private readonly github: FakeGitHub) {
    this.install();
  }

  /** The files of pull request `number` at commit `sha`. */
  setFiles(number: number, sha: string, files: PullFileSeed[]): void {
    this.files.set(`${number}@${sha}`, files);
  }

  /**
   * A push: the pull request's head moves to `sha` with `files`. As GitHub does, a review comment whose line no
   * longer shows the same text in the new diff becomes outdated (`line` null).
   */
  push(number: number, sha: string, files: PullFileSeed[]): void {
    const pull = this.github.pulls.find((p) => p.number === number);
    if (!pull) throw new Error(`no pull request #${number}`);
    const before = this.files.get(`${number}@${(pull.head as { sha: string }).sha}`) ?? [];
    (pull.head as { sha: string }).sha = sha;
    this.setFiles(number, sha, files);
    for (const comment of this.comments.filter((c) => c.pullNumber === number && c.line !== null)) {
      const was = newSide(before, comment.path)?.get(comment.line as number)?.text;
      const now = newSide(files, comment.path)?.get(comment.line as number)?.text;
      if (was === undefined || was !== now) comment.line = null;
      if (comment.line === null) comment.startLine = null;
    }
  }

  reviewsOn(number: number): StoredReview[] {
    return this.reviews.filter((r) => r.pullNumber === number);
  }

  /** Comments of submitted reviews (pending ones are visible to their author only, and not listed). */
  commentsOn(number: number): StoredReviewComment[] {
    return this.comments.filter(
      (c) => c.pullNumber === number && this.reviews.find((r) => r.id === c.reviewId)?.state !== 'PENDING',
    );
  }

  /** A reply by someone else to a review comment: a thread the bot must not delete. */
  reply(to: StoredReviewComment, body: string, login: string): StoredReviewComment {
    const comment = { ...to, id: this.github.newId(), body, login, inReplyTo: to.id };
    this.comments.push(comment);
    return comment;
  }

  private install(): void {
    const gh = this.github;
    gh.route('GET', '/repos/{owner}/{repo}/pulls/{pull_number}/files', (req) => {
      const pull = gh.pulls.find((p) => p.number === Number(req.params.pull_number));
      if (!pull) return notFound();
      const files = this.files.get(`${pull.number}@${(pull.head as { sha: string }).sha}`) ?? [];
      return gh.paginate(
        req,
        files.map((f) => this.fileJson(f)),
      );
    });
    gh.route('GET', '/repos/{owner}/{repo}/pulls/{pull_number}/reviews', (req) =>
      gh.paginate(
        req,
        this.reviewsOn(Number(req.params.pull_number)).map((r) => this.reviewJson(r)),
      ),
    );
    gh.route('POST', '/repos/{owner}/{repo}/pulls/{pull_number}/reviews', (req) => this.createReview(req));
    gh.route('PUT', '/repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}', (req) => {
      const review = this.reviews.find((r) => r.id === Number(req.params.review_id));
      if (!review || review.pullNumber !== Number(req.params.pull_number)) return notFound();
      review.body = (req.body as { body: string }).body;
      return { status: 200, body: this.reviewJson(review) };
    });
    gh.route('DELETE', '/repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}', (req) => {
      const review = this.reviews.find((r) => r.id === Number(req.params.review_id));
      if (!review || review.pullNumber !== Number(req.params.pull_number)) return notFound();
      if (review.state !== 'PENDING')
        return {
          status: 422,
          body: {
            message: 'Unprocessable Entity',
            errors: ['Can not delete a non-pending pull request review'],
          },
        };
      this.reviews.splice(this.reviews.indexOf(review), 1);
      for (let i = this.comments.length - 1; i >= 0; i--)
        if (this.comments[i]?.reviewId === review.id) this.comments.splice(i, 1);
      return { status: 200, body: this.reviewJson(review) };
    });
    gh.route('GET', '/repos/{owner}/{repo}/pulls/{pull_number}/comments', (req) =>
      gh.paginate(
        req,
        this.commentsOn(Number(req.params.pull_number)).map((c) => this.commentJson(c)),
      ),
    );
    gh.route('PATCH', '/repos/{owner}/{repo}/pulls/comments/{comment_id}', (req) => {
      const comment = this.comments.find((c) => c.id === Number(req.params.comment_id));
      if (!comment) return notFound();
      comment.body = (req.body as { body: string }).body;
      return { status: 200, body: this.commentJson(comment) };
    });
    gh.route('DELETE', '/repos/{owner}/{repo}/pulls/comments/{comment_id}', (req) => {
      const index = this.comments.findIndex((c) => c.id === Number(req.params.comment_id));
      if (index === -1) return notFound();
      this.comments.splice(index, 1);
      return { status: 204 };
    });
  }

  private createReview(req: FakeRequest): FakeResponse {
    const number = Number(req.params.pull_number);
    const pull = this.github.pulls.find((p) => p.number === number);
    if (!pull) return notFound();
    const body = req.body as {
      commit_id?: string;
      body?: string;
      event?: 'COMMENT' | 'APPROVE' | 'REQUEST_CHANGES';
      comments?: Array<{
        path: string;
        line?: number;
        side?: string;
        start_line?: number;
        start_side?: string;
        body: string;
      }>;
    };
    const commitId = body.commit_id ?? (pull.head as { sha: string }).sha;
    const files = this.files.get(`${number}@${commitId}`);
    if (!files)
      return {
        status: 422,
        body: { message: 'Unprocessable Entity', errors: ['commit_id is not part of the pull request'] },
      };
    if (
      body.event === undefined &&
      this.reviews.some((r) => r.pullNumber === number && r.state === 'PENDING' && r.login === BOT_LOGIN)
    )
      return {
        status: 422,
        body: {
          message: 'Unprocessable Entity',
          errors: ['User can only have one pending review per pull request'],
        },
      };
    if (body.event === 'COMMENT' && !body.body)
      return {
        status: 422,
        body: { message: 'Unprocessable Entity', errors: ['Body is required for a comment review'] },
      };
    for (const comment of body.comments ?? []) {
      const lines = newSide(files, comment.path);
      const line = comment.line;
      const start = comment.start_line ?? line;
      if (!lines || line === undefined || start === undefined || start > line) return LINE_NOT_IN_DIFF;
      if (comment.side !== undefined && comment.side !== 'RIGHT') return LINE_NOT_IN_DIFF;
      const hunk = lines.get(line)?.hunk;
      for (let at = start; at <= line; at++) {
        if (
          lines.get(at)?.hunk !== hunk ||
          hunk === undefined ||
          this.refusedLines.has(`${comment.path}:${at}`)
        )
          return LINE_NOT_IN_DIFF;
      }
    }
    const review: StoredReview = {
      id: this.github.newId(),
      pullNumber: number,
      body: body.body ?? '',
      state: body.event === undefined ? 'PENDING' : 'COMMENTED',
      login: BOT_LOGIN,
      commitId,
    };
    this.reviews.push(review);
    for (const comment of body.comments ?? []) {
      const line = comment.line as number;
      this.comments.push({
        id: this.github.newId(),
        pullNumber: number,
        reviewId: review.id,
        path: comment.path,
        line,
        startLine: comment.start_line ?? null,
        originalLine: line,
        body: comment.body,
        login: BOT_LOGIN,
        commitId,
        inReplyTo: null,
      });
    }
    return { status: 200, body: this.reviewJson(review) };
  }

  private fileJson(file: PullFileSeed): Record<string, unknown> {
    const base = `https://github.com/${this.github.repository}`;
    return {
      sha: 'bbcd538c8e72b8c175046e27cc8f907076331401',
      filename: file.filename,
      status: file.status ?? 'modified',
      additions: 1,
      deletions: 0,
      changes: 1,
      blob_url: `${base}/blob/main/${file.filename}`,
      raw_url: `${base}/raw/main/${file.filename}`,
      contents_url: `${this.github.url}/repos/${this.github.repository}/contents/${file.filename}`,
      ...(file.patch === null ? {} : { patch: file.patch }),
    };
  }

  private reviewJson(review: StoredReview): Record<string, unknown> {
    const template = exampleOf('pull_request_review', 'review');
    return {
      ...template,
      id: review.id,
      node_id: `PRR_${review.id}`,
      user: botUser(template.user, review.login),
      body: review.body,
      state: review.state,
      commit_id: review.commitId,
      html_url: `https://github.com/${this.github.repository}/pull/${review.pullNumber}#pullrequestreview-${review.id}`,
      pull_request_url: `${this.github.url}/repos/${this.github.repository}/pulls/${review.pullNumber}`,
      author_association: 'NONE',
      ...(review.state === 'PENDING' ? { submitted_at: undefined } : {}),
    };
  }

  private commentJson(comment: StoredReviewComment): Record<string, unknown> {
    const template = exampleOf('pull_request_review_comment', 'comment');
    return {
      ...template,
      id: comment.id,
      node_id: `PRRC_${comment.id}`,
      pull_request_review_id: comment.reviewId,
      path: comment.path,
      line: comment.line,
      original_line: comment.originalLine,
      start_line: comment.startLine,
      original_start_line: comment.startLine,
      side: 'RIGHT',
      start_side: comment.startLine === null ? null : 'RIGHT',
      position: comment.line,
      commit_id: comment.commitId,
      original_commit_id: comment.commitId,
      body: comment.body,
      user: botUser(template.user, comment.login),
      url: `${this.github.url}/repos/${this.github.repository}/pulls/comments/${comment.id}`,
      html_url: `https://github.com/${this.github.repository}/pull/${comment.pullNumber}#discussion_r${comment.id}`,
      pull_request_url: `${this.github.url}/repos/${this.github.repository}/pulls/${comment.pullNumber}`,
      ...(comment.inReplyTo === null ? {} : { in_reply_to_id: comment.inReplyTo }),
    };
  }
}

/** The new-side lines of a file's patch, by line number (the fake's own reading, independent of the bot's). */
function newSide(files: readonly PullFileSeed[], path: string): Map<number, NewSideLine> | undefined {
  const patch = files.find((f) => f.filename === path)?.patch;
  if (!patch) return undefined;
  const out = new Map<number, NewSideLine>();
  let line = 0;
  let hunk = -1;
  for (const row of patch.split('\n')) {
    const header = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(row);
    if (header) {
      hunk++;
      line = Number(header[1]);
    } else if (row.startsWith('+') || row.startsWith(' ')) out.set(line++, { text: row.slice(1), hunk });
  }
  return out;
}

function botUser(template: unknown, login: string): Record<string, unknown> {
  const bot = login === BOT_LOGIN;
  return { ...(template as object), login, type: bot ? 'Bot' : 'User', id: bot ? 41898282 : 1 };
}

function exampleOf(event: string, key: string): Record<string, unknown> {
  const source = webhookExamples().find((e) => e.name === event);
  return structuredClone(source?.examples[0]?.[key] as Record<string, unknown>);
}

function notFound(): FakeResponse {
  return { status: 404, body: { message: 'Not Found' } };
}
