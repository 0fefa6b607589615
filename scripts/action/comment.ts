import { appendFile } from 'node:fs/promises';
import { validateReport } from '../check/report/validate-report.ts';
import { FIXABLE_RULES } from '../check/rule-meta.ts';
import type { PersonaReport } from '../core/report.ts';
import type { RuleId } from '../core/rules.ts';
import { explainGitHubError } from '../github/explain-github-error.ts';
import { createGitHubClient, type GitHubClient } from '../github/github-client.ts';
import { listPullFiles } from '../github/pull-files.ts';
import { type Repo, resolvePullRequest } from '../github/resolve-pull-request.ts';
import { upsertStickyComment } from '../github/sticky-comment.ts';
import { syncSuggestionReview } from '../github/suggestion-review.ts';
import { type DiffLine, newSideLines } from '../parse/pull-patch.ts';
import { readReportFile } from '../read/read-report-file.ts';
import { COMMENT_MARKER, renderCommentBody } from '../render/bot/comment-body.ts';
import type { SuggestionsOutcome } from '../render/bot/fixes-section.ts';
import { link, paragraph, root, stringifyMarkdown, text } from '../render/bot/markdown.ts';
import {
  outdatedSuggestionBody,
  planSuggestions,
  REVIEW_MARKER,
  reviewBody,
  SUGGESTION_MARKER,
  type SuggestionPlan,
  supersededReviewBody,
} from '../render/bot/suggestions.ts';
import { type ActionsEnv, readActionsEnv, readEventPayload } from './actions-env.ts';

export interface CommentIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
}

/** Exit codes: 0 posted, unchanged or dropped on purpose; 1 the report was refused; 2 environment or API failure. */
export const COMMENT_EXIT = { ok: 0, refused: 1, failed: 2 } as const;

/**
 * `persona comment --report <file>`: the comment workflow's step. Reads the report as hostile data,
 * resolves the pull request through the API, and creates or updates the one sticky comment.
 */
export async function runComment(reportPath: string, io: CommentIo): Promise<number> {
  const fail = (code: number, line: string) => {
    io.stderr(`persona comment: ${line}\n`);
    return code;
  };
  const envRead = readActionsEnv(io.env);
  if (!envRead.ok) return fail(COMMENT_EXIT.failed, envRead.problem);
  const env = envRead.env;
  const event = await readEventPayload(env.eventPath);
  if (!event.ok) return fail(COMMENT_EXIT.failed, event.problem);

  const read = await readReportFile(reportPath);
  if (!read.ok) return fail(COMMENT_EXIT.refused, `refusing the report: ${read.problem}`);
  const checked = validateReport(read.value);
  if (!checked.ok)
    return fail(COMMENT_EXIT.refused, `refusing the report: ${reportPath}: ${checked.problem}`);
  const report = checked.report;
  const runHead = eventHeadSha(env.eventName, event.payload);
  if (runHead !== null && runHead !== report.headSha) {
    return fail(
      COMMENT_EXIT.refused,
      `refusing the report: it describes commit ${report.headSha.slice(0, 7)}, but the run was for ${runHead.slice(0, 7)}`,
    );
  }

  const client = createGitHubClient({
    token: env.token,
    baseUrl: env.apiUrl,
    retryBaseMs: env.retryBaseMs,
    log: (line) => io.stderr(`persona comment: ${line}\n`),
  });
  const target = { owner: env.owner, repo: env.repo };
  try {
    const pull = await resolvePullRequest(client, target, env.eventName, event.payload);
    if (!pull.ok) {
      const line = `no comment posted: ${pull.reason}.`;
      io.stdout(`persona comment: ${line}\n`);
      await writeSummary(env, [text(`Persona bot: ${line}`)]);
      return COMMENT_EXIT.ok;
    }
    const runUrl = `${env.serverUrl}/${env.owner}/${env.repo}/actions/runs/${eventRunId(env, event.payload) ?? ''}`;
    const suggestions = await suggestFixes(client, target, pull.number, report, env, io);
    const body = renderCommentBody(
      report,
      {
        serverUrl: env.serverUrl,
        repository: `${env.owner}/${env.repo}`,
        headSha: report.headSha,
        runUrl,
        baseRef: pull.baseRef,
      },
      suggestions,
    );
    const outcome = await upsertStickyComment(
      client,
      { ...target, issueNumber: pull.number, botLogin: env.botLogin, marker: COMMENT_MARKER },
      body,
      hasSomethingToSay(report),
    );
    const done =
      outcome.action === 'skipped'
        ? `nothing to report on #${pull.number}; no comment needed.`
        : `${outcome.action} comment ${outcome.id} on #${pull.number} for ${report.headSha.slice(0, 7)}.`;
    io.stdout(`persona comment: ${done}\n`);
    const commentUrl =
      outcome.action === 'skipped'
        ? null
        : `${env.serverUrl}/${env.owner}/${env.repo}/pull/${pull.number}#issuecomment-${outcome.id}`;
    await writeSummary(env, [
      text(`Persona bot: ${done} `),
      ...(commentUrl ? [link(commentUrl, [text('See the comment.')])] : []),
    ]);
    return COMMENT_EXIT.ok;
  } catch (error) {
    return fail(COMMENT_EXIT.failed, explainGitHubError(error));
  }
}

/**
 * The report's fixes on the lines the pull request changes, as suggested changes in one review of the bot (the
 * rest are listed in the comment). The diff comes from the API, never from the report, and the pull request
 * must still be at the report's head after it is read, so no suggestion mixes two commits. A failure here is
 * said in the comment and on stderr, and the comment is still posted.
 */
async function suggestFixes(
  client: GitHubClient,
  target: Repo,
  pullNumber: number,
  report: PersonaReport,
  env: ActionsEnv,
  io: CommentIo,
): Promise<SuggestionsOutcome> {
  let plan: SuggestionPlan = { suggestions: [], notSuggested: [] };
  try {
    if (report.diagnostics.some((d) => d.introduced && d.fix && FIXABLE_RULES.has(d.rule as RuleId))) {
      const diff = new Map<string, Map<number, DiffLine>>();
      for (const file of await listPullFiles(client, target, pullNumber)) {
        const lines = file.patch === null ? undefined : newSideLines(file.patch);
        if (lines) diff.set(file.filename, lines);
      }
      plan = planSuggestions(report, diff);
      const { data: now } = await client.rest.pulls.get({ ...target, pull_number: pullNumber });
      if (now.head.sha !== report.headSha) {
        io.stdout(
          `persona comment: #${pullNumber} moved to ${now.head.sha.slice(0, 7)}; no suggestions for an older head.\n`,
        );
        return { reviewUrl: null, standing: 0, notSuggested: [], failure: null };
      }
    }
    const outcome = await syncSuggestionReview(
      client,
      {
        ...target,
        pullNumber,
        botLogin: env.botLogin,
        reviewMarker: REVIEW_MARKER,
        commentMarker: SUGGESTION_MARKER,
        commitId: report.headSha,
      },
      plan.suggestions,
      {
        review: (count) => reviewBody(report.headSha, count),
        superseded: supersededReviewBody(),
        outdated: outdatedSuggestionBody(),
      },
    );
    const refused = plan.suggestions.filter((s) => outcome.refused.includes(s));
    if (refused.length > 0)
      io.stderr(
        `persona comment: GitHub refused ${refused.length} suggestion(s) (${refused.map((s) => `${s.path}:${s.line}`).join(', ')}); they are listed in the comment instead.\n`,
      );
    const standing = outcome.posted.length + outcome.kept.length;
    return {
      reviewUrl: standing > 0 ? `${env.serverUrl}/${env.owner}/${env.repo}/pull/${pullNumber}/files` : null,
      standing,
      notSuggested: [
        ...refused.map((s) => ({ diagnostic: s.diagnostic, reason: 'refused' as const })),
        ...plan.notSuggested,
      ],
      failure: null,
    };
  } catch (error) {
    const line = explainGitHubError(error);
    io.stderr(`persona comment: suggestions not updated: ${line}\n`);
    return {
      reviewUrl: null,
      standing: 0,
      notSuggested: [
        ...plan.suggestions.map((s) => ({ diagnostic: s.diagnostic, reason: 'failed' as const })),
        ...plan.notSuggested,
      ],
      failure: line,
    };
  }
}

/** A clean pull request with no contributions gets no new comment; an existing one still turns green. */
function hasSomethingToSay(report: PersonaReport): boolean {
  const p = report.previews;
  return report.diagnostics.length > 0 || p === null || p.applied.length > 0 || p.conflicts.length > 0;
}

function eventHeadSha(eventName: string, payload: unknown): string | null {
  const event = payload as {
    workflow_run?: { head_sha?: unknown };
    pull_request?: { head?: { sha?: unknown } };
  };
  const sha = eventName === 'workflow_run' ? event?.workflow_run?.head_sha : event?.pull_request?.head?.sha;
  return typeof sha === 'string' ? sha : null;
}

function eventRunId(env: ActionsEnv, payload: unknown): string | null {
  const id = (payload as { workflow_run?: { id?: unknown } })?.workflow_run?.id;
  if (env.eventName === 'workflow_run' && typeof id === 'number' && Number.isInteger(id)) return String(id);
  return env.runId;
}

async function writeSummary(env: ActionsEnv, content: ReturnType<typeof text>[]): Promise<void> {
  if (!env.stepSummary) return;
  await appendFile(env.stepSummary, stringifyMarkdown(root([paragraph(content)])));
}
