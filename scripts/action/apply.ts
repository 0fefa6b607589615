import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as core from '@actions/core';
import type { RootContent } from 'mdast';
import { buildCommitMessage } from '../bot/commit-message.ts';
import { diagnosticTable } from '../bot/diagnostic-table.ts';
import {
  bulletList,
  code,
  heading,
  paragraph,
  root,
  stringifyMarkdown,
  text,
  untrusted,
} from '../bot/markdown.ts';
import type { AppliedContribution, ReportDiagnostic } from '../bot/report.ts';
import { plural } from '../bot/report-sections.ts';
import { REPOSITORY_URL } from '../core/repository.ts';
import { firstLine, runPersona } from './run-persona.ts';
import { writeSummary } from './write-summary.ts';

/**
 * The apply workflow's step (dist/apply-action.mjs), on a push to the default branch: `persona merge`, then
 * `persona catalogue`, then a commit message for the next step, which commits and pushes as the Actions bot.
 * Outputs: `changed` (true when there is something to commit), `applied`, `conflicts`. Conflicts go to the
 * job summary and fail the job, after the applied part has been prepared for commit.
 *
 * Environment: PERSONA_ROOT (default GITHUB_WORKSPACE), PERSONA_COMMIT_MESSAGE_PATH (default
 * $RUNNER_TEMP/persona-commit-message.txt).
 */
export async function run(): Promise<void> {
  const env = process.env;
  const root = path.resolve(env.PERSONA_ROOT || env.GITHUB_WORKSPACE || process.cwd());
  const messagePath = path.resolve(
    env.PERSONA_COMMIT_MESSAGE_PATH ||
      path.join(env.RUNNER_TEMP || os.tmpdir(), 'persona-commit-message.txt'),
  );

  // The review date is the day the pushed merge commit was made (UTC): reproducible, and it is the approval.
  const date = await git(['log', '-1', '--format=%cd', '--date=format-local:%Y-%m-%d'], root, {
    TZ: 'UTC',
  }).catch(() => '');
  const dateArgs = /^\d{4}-\d{2}-\d{2}$/.test(date) ? ['--date', date] : [];
  const merge = await runPersona(['merge', '--format', 'json', ...dateArgs, '--root', root], root);
  if (merge.code !== 0 && merge.code !== 1) {
    core.setFailed(`persona merge failed: ${firstLine(merge.stderr) || `exit code ${merge.code}`}`);
    return;
  }
  const outcome = parseMergeOutput(merge.stdout);
  if (outcome === null) {
    core.setFailed('persona merge did not print its JSON report; nothing was committed.');
    return;
  }
  const catalogue = await runPersona(['catalogue', '--root', root], root);
  if (catalogue.code !== 0) {
    core.setFailed(
      `persona catalogue failed: ${firstLine(catalogue.stderr) || `exit code ${catalogue.code}`}`,
    );
    return;
  }

  const changed =
    (await git(['status', '--porcelain', '--', 'personas', 'contributions', 'catalogue'], root)) !== '';
  await mkdir(path.dirname(messagePath), { recursive: true });
  await writeFile(messagePath, buildCommitMessage(outcome.applied));
  core.setOutput('changed', changed ? 'true' : 'false');
  core.setOutput('applied', outcome.applied.length);
  core.setOutput('conflicts', outcome.conflicts.length);
  core.setOutput('message', messagePath);

  await writeSummary(applySummary(outcome, env));
  if (outcome.conflicts.length > 0) {
    core.setFailed(
      `${plural(outcome.conflicts.length, 'contribution')} could not be applied; they stay in contributions/ (see the job summary).`,
    );
  }
}

export interface MergeOutcome {
  applied: AppliedContribution[];
  conflicts: ReportDiagnostic[];
}

export function parseMergeOutput(stdout: string): MergeOutcome | null {
  try {
    const parsed = JSON.parse(stdout) as { applied?: unknown; conflicts?: unknown };
    if (!Array.isArray(parsed.applied) || !Array.isArray(parsed.conflicts)) return null;
    return {
      applied: parsed.applied as AppliedContribution[],
      conflicts: parsed.conflicts as ReportDiagnostic[],
    };
  } catch {
    return null;
  }
}

function applySummary(outcome: MergeOutcome, env: Record<string, string | undefined>): string {
  const serverUrl = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
  const ctx = {
    serverUrl,
    repository: env.GITHUB_REPOSITORY || new URL(REPOSITORY_URL).pathname.slice(1),
    headSha: env.GITHUB_SHA || 'HEAD',
  };
  const children: RootContent[] = [
    heading(2, [text(`Applied ${plural(outcome.applied.length, 'contribution')}`)]),
    ...(outcome.applied.length > 0
      ? [
          bulletList(
            outcome.applied.map((a) => [
              code(a.file),
              text(`: ${a.action} `),
              untrusted(a.field, 80),
              text(', by '),
              untrusted(a.author, 80),
            ]),
          ),
        ]
      : [paragraph([text('Nothing to apply.')])]),
  ];
  if (outcome.conflicts.length > 0) {
    children.push(heading(2, [text(`${plural(outcome.conflicts.length, 'conflict')}: left in place`)]));
    children.push(
      diagnosticTable(
        outcome.conflicts.map((c) => ({ ...c, introduced: false })),
        ctx,
        { cellLength: 1000 },
      ),
    );
  }
  return stringifyMarkdown(root(children));
}

function git(args: readonly string[], cwd: string, env: Record<string, string> = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      args,
      { cwd, maxBuffer: 16 * 1024 * 1024, env: { ...process.env, ...env } },
      (error, stdout) =>
        error
          ? reject(new Error(`git ${args[0]} failed: ${error.message.split('\n')[0]}`))
          : resolve(String(stdout).trim()),
    );
  });
}
