import { mkdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as core from '@actions/core';
import { buildReport } from '../bot/build-report.ts';
import { selectPreview } from '../bot/merge-preview.ts';
import { type MergePreview, type PersonaReport, REPORT_ARTIFACT, REPORT_FILE_NAME } from '../bot/report.ts';
import { renderSummaryBody } from '../bot/summary-body.ts';
import { validateReport } from '../bot/validate-report.ts';
import { REPOSITORY_URL } from '../core/repository.ts';
import { validateLibrary } from '../pipeline/validate-library.ts';
import { readLibrary, type SourceFile } from '../read/read-library.ts';
import { emitAnnotations } from './annotations.ts';
import { firstLine, runPersona } from './run-persona.ts';
import { writeSummary } from './write-summary.ts';

/**
 * The validate workflow's step (dist/validate-action.mjs). Runs on the pull request's own files with a
 * read-only token: validates head and base, marks what the PR introduced, previews its contributions,
 * then reports through annotations, the job summary and the JSON report artifact. Fails on errors.
 *
 * Environment: PERSONA_ROOT (default GITHUB_WORKSPACE), PERSONA_BASE_ROOT (a checkout of the base commit;
 * optional), PERSONA_REPORT_PATH (default $RUNNER_TEMP/persona-report/report.json).
 */
export async function run(): Promise<void> {
  const env = process.env;
  const root = path.resolve(env.PERSONA_ROOT || env.GITHUB_WORKSPACE || process.cwd());
  const baseRoot = env.PERSONA_BASE_ROOT ? path.resolve(env.PERSONA_BASE_ROOT) : null;
  const reportPath = path.resolve(
    env.PERSONA_REPORT_PATH || path.join(env.RUNNER_TEMP || os.tmpdir(), REPORT_ARTIFACT, REPORT_FILE_NAME),
  );
  const event = await readEvent(env.GITHUB_EVENT_PATH);
  const headSha = event.headSha ?? env.GITHUB_SHA ?? '';
  if (!/^[0-9a-f]{40}$/.test(headSha)) {
    core.setFailed('No head commit: expected a pull_request event (GITHUB_EVENT_PATH) or GITHUB_SHA.');
    return;
  }

  const head = await validateLibrary(root, { personaData: false });
  const base = baseRoot
    ? await validateLibrary(baseRoot, { personaData: false }).catch((error: unknown) => baseFailure(error))
    : null;
  const previews = await previewContributions(root, baseRoot);
  let report: PersonaReport = buildReport({
    headSha,
    baseSha: event.baseSha,
    personas: head.personas.length,
    contributions: head.contributionCount,
    diagnostics: head.diagnostics,
    baseDiagnostics: base?.diagnostics ?? null,
    previews,
  });
  const checked = validateReport(report);
  if (!checked.ok) {
    core.warning(
      `The contribution preview does not fit the report schema (${checked.problem}); it is left out.`,
    );
    report = { ...report, previews: null };
  }

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
  await writeSummary(
    renderSummaryBody(
      report,
      {
        serverUrl,
        repository,
        headSha,
        runUrl: `${serverUrl}/${repository}/actions/runs/${env.GITHUB_RUN_ID ?? ''}`,
        baseRef: event.baseRef,
      },
      REPORT_ARTIFACT,
    ),
  );

  const { errors, warnings } = report.summary;
  core.info(`Persona check: ${errors} errors, ${warnings} warnings; report written to ${reportPath}.`);
  if (errors > 0)
    core.setFailed(
      `${errors} ${errors === 1 ? 'error' : 'errors'} in the persona library; see the annotations and the job summary.`,
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

function baseFailure(error: unknown): null {
  core.warning(
    `The base branch could not be validated (${firstLine(String((error as Error)?.message ?? error))}); every problem counts as new.`,
  );
  return null;
}

/** `persona merge --dry-run --format json` on the head, limited to contribution files this PR adds or changes. */
async function previewContributions(root: string, baseRoot: string | null): Promise<MergePreview | null> {
  const empty: MergePreview = { applied: [], conflicts: [], personas: [] };
  const headFiles = (await readLibrary(root)).contributionFiles;
  const baseFiles = baseRoot
    ? ((await readLibrary(baseRoot).catch(() => null))?.contributionFiles ?? [])
    : [];
  const changed = changedFiles(headFiles, baseFiles);
  if (changed.size === 0) return empty;
  const merge = await runPersona(['merge', '--dry-run', '--format', 'json', '--root', root], root);
  if (merge.code === 2) {
    core.warning(`No contribution preview: persona merge --dry-run failed (${firstLine(merge.stderr)}).`);
    return null;
  }
  const preview = selectPreview(merge.stdout, changed);
  if (preview === null)
    core.warning('No contribution preview: persona merge --dry-run did not print its JSON report.');
  return preview;
}

function changedFiles(head: readonly SourceFile[], base: readonly SourceFile[]): Set<string> {
  const before = new Map(base.map((f) => [f.file, Buffer.from(f.bytes)]));
  return new Set(head.filter((f) => !before.get(f.file)?.equals(Buffer.from(f.bytes))).map((f) => f.file));
}
