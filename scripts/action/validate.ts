import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as core from '@actions/core';
import { REPORT_ARTIFACT, REPORT_FILE_NAME } from '../core/report.ts';
import { REPOSITORY_URL } from '../core/repository.ts';
import { pullRequestCommits } from '../parse/workflow-event.ts';
import { checkPullRequest } from '../pipeline/check-pull-request.ts';
import { renderSummaryBody } from '../render/bot/summary-body.ts';
import { readEventPayload } from './actions-env.ts';
import { emitAnnotations } from './annotations.ts';
import { writeSummary } from './write-summary.ts';

/**
 * The validate workflow's step (dist/validate-action.mjs). Runs on the pull request's own files with a
 * read-only token: validates head and base, marks what the PR introduced, previews its contributions
 * (in-process, from the same validation), then reports through annotations, the job summary and the JSON
 * report artifact. It fails only on errors the pull request introduces: what is already on main fails nobody.
 *
 * Environment: PERSONA_ROOT (default GITHUB_WORKSPACE), PERSONA_BASE_ROOT (a checkout of the base commit;
 * optional), PERSONA_REPORT_PATH (default $RUNNER_TEMP/persona-report/report.json).
 */
export async function run(): Promise<void> {
  const env = process.env;
  const root = path.resolve(env.PERSONA_ROOT || env.GITHUB_WORKSPACE || process.cwd());
  const baseRoot = env.PERSONA_BASE_ROOT ? path.resolve(root, env.PERSONA_BASE_ROOT) : null;
  const reportPath = path.resolve(
    env.PERSONA_REPORT_PATH || path.join(env.RUNNER_TEMP || os.tmpdir(), REPORT_ARTIFACT, REPORT_FILE_NAME),
  );
  const payload = env.GITHUB_EVENT_PATH ? await readEventPayload(env.GITHUB_EVENT_PATH) : null;
  const event = pullRequestCommits(payload?.ok ? payload.payload : null);
  const headSha = event.headSha ?? env.GITHUB_SHA ?? '';
  if (!/^[0-9a-f]{40}$/.test(headSha))
    return core.setFailed('No head commit: expected a pull_request event (GITHUB_EVENT_PATH) or GITHUB_SHA.');

  // No result store: a runner starts empty and is thrown away, so writing one would only cost time.
  const { report, warnings } = await checkPullRequest(
    root,
    baseRoot,
    { headSha, baseSha: event.baseSha },
    { store: null, env },
  );
  for (const warning of warnings) core.warning(warning);
  await mkdir(path.dirname(reportPath), { recursive: true });
  await writeFile(reportPath, `${JSON.stringify(report)}\n`);
  core.setOutput('report', reportPath);
  core.setOutput('errors', report.summary.errors);
  core.setOutput('warnings', report.summary.warnings);

  const hidden = emitAnnotations(report.diagnostics);
  if (hidden > 0)
    core.info(
      `${hidden} more problems are in the job summary (GitHub shows 10 errors and 10 warnings per step).`,
    );
  const serverUrl = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
  const repository = env.GITHUB_REPOSITORY || new URL(REPOSITORY_URL).pathname.slice(1);
  const runUrl = `${serverUrl}/${repository}/actions/runs/${env.GITHUB_RUN_ID ?? ''}`;
  const links = { serverUrl, repository, headSha, runUrl, baseRef: event.baseRef };
  await writeSummary(renderSummaryBody(report, links, REPORT_ARTIFACT));
  const { errors, warnings: warningCount, introducedErrors } = report.summary;
  core.info(
    `Persona check: ${errors} errors (${introducedErrors} new), ${warningCount} warnings; report at ${reportPath}.`,
  );
  if (introducedErrors > 0)
    core.setFailed(
      `${introducedErrors} ${introducedErrors === 1 ? 'error' : 'errors'} introduced by this pull request; see the annotations and the job summary.`,
    );
}
