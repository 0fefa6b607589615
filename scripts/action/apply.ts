import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as core from '@actions/core';
import { createGitHubClient } from '../github/github-client.ts';
import { applyProblems } from '../pipeline/apply-library.ts';
import { renderApplySummary } from '../render/bot/apply-summary.ts';
import { plural } from '../render/bot/report-sections.ts';
import { applyAndPush } from './apply-and-push.ts';
import { notify } from './apply-notify.ts';
import { gitIn } from './git.ts';
import { writeSummary } from './write-summary.ts';

/**
 * The apply workflow's step (a copy of dist/apply-action.mjs made before anything runs, so nothing a merge
 * writes can ever be executed): on the latest head of the branch, give colliding ids a free one, merge every
 * pending contribution (parking stale ones), regenerate the catalogue, commit and push, retrying when the
 * branch moved. Then it reports in the job summary and on the pull requests concerned.
 *
 * Environment: GITHUB_WORKSPACE (or PERSONA_ROOT), GITHUB_REF_NAME (or PERSONA_BRANCH), GITHUB_TOKEN,
 * GITHUB_REPOSITORY, GITHUB_API_URL, GITHUB_SHA, GITHUB_EVENT_PATH; PERSONA_APPLY_ATTEMPTS (default 5) and
 * PERSONA_APPLY_RETRY_MS (default 2000) bound the retries; PERSONA_COMMIT_MESSAGE_PATH keeps the message.
 */
export async function run(): Promise<void> {
  const env = process.env;
  const root = path.resolve(env.PERSONA_ROOT || env.GITHUB_WORKSPACE || process.cwd());
  const branch = env.PERSONA_BRANCH || env.GITHUB_REF_NAME || 'main';
  if (!/^(?!-)[A-Za-z0-9._/-]{1,200}$/.test(branch) || branch.includes('..'))
    return core.setFailed(`The branch name "${branch.slice(0, 100)}" is not one this action pushes to.`);
  const token = env.GITHUB_TOKEN || null;
  if (token) core.setSecret(token);
  const git = gitIn(root, token);
  const attempts = bounded(env.PERSONA_APPLY_ATTEMPTS, 5, 1, 10);
  const retryBaseMs = bounded(env.PERSONA_APPLY_RETRY_MS, 2000, 0, 60_000);
  const result = await applyAndPush(git, { root, branch, attempts, retryBaseMs, env }, core.info);
  const messagePath = path.resolve(
    env.PERSONA_COMMIT_MESSAGE_PATH ||
      path.join(env.RUNNER_TEMP || os.tmpdir(), 'persona-commit-message.txt'),
  );
  await mkdir(path.dirname(messagePath), { recursive: true });
  await writeFile(messagePath, result.message);
  const problems = applyProblems(result.outcome);
  core.setOutput('changed', result.pushed ? 'true' : 'false');
  core.setOutput('pushed', result.pushed ?? '');
  core.setOutput('applied', result.outcome.merge.applied.length);
  core.setOutput('parked', result.outcome.merge.parked.length);
  core.setOutput('renumbered', result.outcome.renumbered.length);
  core.setOutput('conflicts', problems.length);
  const serverUrl = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
  const repository = env.GITHUB_REPOSITORY || '';
  const runUrl = env.GITHUB_RUN_ID ? `${serverUrl}/${repository}/actions/runs/${env.GITHUB_RUN_ID}` : null;
  const links = { serverUrl, repository, runUrl };
  await writeSummary(renderApplySummary({ ...result.outcome, problems }, result, links));
  const [owner, repo] = repository.split('/');
  if (token && owner && repo) {
    const client = createGitHubClient({
      token,
      baseUrl: env.GITHUB_API_URL || 'https://api.github.com',
      retryBaseMs: bounded(env.PERSONA_GITHUB_RETRY_BASE_MS, 1000, 0, 60_000),
      log: core.info,
    });
    const botLogin = env.PERSONA_BOT_LOGIN || 'github-actions[bot]';
    await notify(client, { owner, repo }, git, result, { ...links, botLogin }, core.info);
  }
  if (problems.length > 0)
    core.setFailed(
      `${plural(problems.length, 'problem')} left for a follow-up pull request (see the job summary).`,
    );
}

function bounded(raw: string | undefined, fallback: number, min: number, max: number): number {
  const value = Number(raw ?? fallback);
  return Number.isInteger(value) && value >= min && value <= max ? value : fallback;
}
