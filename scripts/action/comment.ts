import { appendFile } from 'node:fs/promises';
import { explainGitHubError } from '../github/explain-github-error.ts';
import { createGitHubClient } from '../github/github-client.ts';
import { resolvePullRequest } from '../github/resolve-pull-request.ts';
import { upsertStickyComment } from '../github/sticky-comment.ts';
import { eventHeadSha, workflowRunId } from '../parse/workflow-event.ts';
import { loadReport } from '../pipeline/load-report.ts';
import { COMMENT_MARKER, hasSomethingToSay, renderCommentBody } from '../render/bot/comment-body.ts';
import { renderStepSummaryLine } from '../render/bot/step-summary.ts';
import { type ActionsEnv, readActionsEnv, readEventPayload } from './actions-env.ts';
import { suggestFixes } from './suggest-fixes.ts';

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

  const loaded = await loadReport(reportPath, eventHeadSha(env.eventName, event.payload));
  if (!loaded.ok) return fail(COMMENT_EXIT.refused, `refusing the report: ${loaded.problem}`);
  const report = loaded.report;

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
      await writeSummary(env, renderStepSummaryLine(`Persona bot: ${line}`));
      return COMMENT_EXIT.ok;
    }
    const repository = `${env.owner}/${env.repo}`;
    const runId = workflowRunId(env.eventName, event.payload) ?? env.runId;
    const runUrl = `${env.serverUrl}/${repository}/actions/runs/${runId ?? ''}`;
    const links = {
      serverUrl: env.serverUrl,
      repository,
      headSha: report.headSha,
      runUrl,
      baseRef: pull.baseRef,
    };
    const sticky = { ...target, issueNumber: pull.number, botLogin: env.botLogin, marker: COMMENT_MARKER };
    const suggestions = await suggestFixes(client, target, pull.number, report, env, io);
    const body = renderCommentBody(report, links, suggestions);
    const outcome = await upsertStickyComment(client, sticky, body, hasSomethingToSay(report));
    const done =
      outcome.action === 'skipped'
        ? `nothing to report on #${pull.number}; no comment needed.`
        : `${outcome.action} comment ${outcome.id} on #${pull.number} for ${report.headSha.slice(0, 7)}.`;
    io.stdout(`persona comment: ${done}\n`);
    const commentUrlPrefix = `${env.serverUrl}/${repository}/pull/${pull.number}#issuecomment-`;
    const seeComment =
      outcome.action === 'skipped'
        ? null
        : { url: `${commentUrlPrefix}${outcome.id}`, label: 'See the comment.' };
    await writeSummary(env, renderStepSummaryLine(`Persona bot: ${done} `, seeComment));
    return COMMENT_EXIT.ok;
  } catch (error) {
    return fail(COMMENT_EXIT.failed, explainGitHubError(error));
  }
}

async function writeSummary(env: ActionsEnv, markdown: string): Promise<void> {
  if (env.stepSummary) await appendFile(env.stepSummary, markdown);
}
