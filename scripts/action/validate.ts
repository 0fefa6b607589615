import { mkdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as core from '@actions/core';
import { validateReport } from '../check/report/validate-report.ts';
import { type PersonaReport, REPORT_ARTIFACT, REPORT_FILE_NAME } from '../core/report.ts';
import { REPOSITORY_URL } from '../core/repository.ts';
import { mergeLibrary } from '../pipeline/merge-library.ts';
import { validateAgainstBase } from '../pipeline/validate-against-base.ts';
import { changedBetween } from '../read/compare-trees.ts';
import { listLibrary } from '../read/read-library.ts';
import { renderSummaryBody } from '../render/bot/summary-body.ts';
import { buildReport } from '../render/report/build-report.ts';
import { previewOf } from '../render/report/merge-preview.ts';
import { emitAnnotations } from './annotations.ts';
import { writeSummary } from './write-summary.ts';

/**
 * The validate workflow's step (dist/validate-action.mjs). Runs on the pull request's own files with a
 * read-only token: validates head and base, marks what the PR introduced, previews its contributions
 * (in-process, from the same files), then reports through annotations, the job summary and the JSON report
 * artifact. It fails only on errors the pull request introduces: what is already on main fails nobody.
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
  const event = await readEvent(env.GITHUB_EVENT_PATH);
  const headSha = event.headSha ?? env.GITHUB_SHA ?? '';
  if (!/^[0-9a-f]{40}$/.test(headSha))
    return core.setFailed('No head commit: expected a pull_request event (GITHUB_EVENT_PATH) or GITHUB_SHA.');

  const checked = await validateAgainstBase(root, baseRoot);
  if (checked.baseProblem)
    core.warning(
      `The base branch could not be validated (${checked.baseProblem}); every problem counts as new.`,
    );
  let report: PersonaReport = buildReport({
    headSha,
    baseSha: event.baseSha,
    personas: checked.head.personas.length,
    contributions: checked.head.contributionCount,
    diagnostics: checked.diagnostics,
    baseDiagnostics: checked.baseDiagnostics,
    previews: await previewContributions(root, baseRoot),
  });
  report = fitToSchema(report);
  await mkdir(path.dirname(reportPath), { recursive: true });
  await writeFile(reportPath, `${JSON.stringify(report)}\n`);
  core.setOutput('report', reportPath);
  core.setOutput('errors', report.summary.errors);
  core.setOutput('warnings', report.summary.warnings);

  const hidden = emitAnnotations(report.diagnostics);
  if (hidden > 0)
    core.info(`${hidden} more problems are in the job summary (GitHub shows at most 50 annotations).`);
  const serverUrl = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
  const repository = env.GITHUB_REPOSITORY || new URL(REPOSITORY_URL).pathname.slice(1);
  const runUrl = `${serverUrl}/${repository}/actions/runs/${env.GITHUB_RUN_ID ?? ''}`;
  await writeSummary(
    renderSummaryBody(
      report,
      { serverUrl, repository, headSha, runUrl, baseRef: event.baseRef },
      REPORT_ARTIFACT,
    ),
  );
  const { errors, warnings, introducedErrors } = report.summary;
  core.info(
    `Persona check: ${errors} errors (${introducedErrors} new), ${warnings} warnings; report at ${reportPath}.`,
  );
  if (introducedErrors > 0)
    core.setFailed(
      `${introducedErrors} ${introducedErrors === 1 ? 'error' : 'errors'} introduced by this pull request; see the annotations and the job summary.`,
    );
}

interface EventFacts {
  headSha: string | null;
  baseSha: string | null;
  baseRef: string | null;
}

async function readEvent(eventPath: string | undefined): Promise<EventFacts> {
  const none = { headSha: null, baseSha: null, baseRef: null };
  if (!eventPath) return none;
  try {
    const payload = JSON.parse(await readFile(eventPath, 'utf8')) as {
      pull_request?: { head?: { sha?: unknown }; base?: { sha?: unknown; ref?: unknown } };
    };
    const pr = payload.pull_request;
    const str = (v: unknown) => (typeof v === 'string' ? v : null);
    return { headSha: str(pr?.head?.sha), baseSha: str(pr?.base?.sha), baseRef: str(pr?.base?.ref) };
  } catch {
    return none;
  }
}

/** The merge dry run on the head, in this process, limited to the contribution files this PR adds or changes. */
async function previewContributions(root: string, baseRoot: string | null) {
  // Without a base, every contribution counts as the pull request's own.
  const files = baseRoot
    ? changedBetween(root, baseRoot, ['contributions/'])
        .filter((change) => change.status !== 'removed')
        .map((change) => change.file)
    : (await listLibrary(root)).contributionFiles;
  const mine = new Set(files.filter((file) => file.endsWith('.yaml')));
  if (mine.size === 0) return { applied: [], conflicts: [], personas: [] };
  try {
    const { plan } = await mergeLibrary(root, { dryRun: true, date: null });
    return previewOf(plan, mine);
  } catch (error) {
    core.warning(
      `No contribution preview: the merge dry run failed (${(error as Error).message.split('\n')[0]}).`,
    );
    return null;
  }
}

/**
 * The report as it fits schemas/report.schema.json, which the comment step holds it to: as built; else
 * without the fixes; else without the previews; else with the first diagnostics only (errors first); else with none (the summary's
 * counts stay). The bot always has something to post, whatever the pull request holds.
 */
function fitToSchema(built: PersonaReport): PersonaReport {
  const withoutFixes = built.diagnostics.map(({ fix: _fix, ...rest }) => rest);
  const attempts: Array<[string, PersonaReport]> = [
    ['', built],
    ['the fixes (no suggested changes)', { ...built, diagnostics: withoutFixes }],
    ['the contribution previews', { ...built, previews: null }],
    [
      'all but the first 1,000 problems',
      {
        ...built,
        previews: null,
        diagnostics: [
          ...built.diagnostics.filter((d) => d.severity === 'error'),
          ...built.diagnostics.filter((d) => d.severity !== 'error'),
        ].slice(0, 1000),
      },
    ],
    ['every problem (the counts remain)', { ...built, previews: null, diagnostics: [] }],
  ];
  for (const [dropped, report] of attempts) {
    const checked = validateReport(report);
    if (checked.ok) {
      if (dropped) core.warning(`The report did not fit its schema; ${dropped} left out.`);
      return report;
    }
  }
  throw new Error('the report fits its schema in no form; this is a bug');
}
