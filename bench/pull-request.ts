/**
 * What the pull-request rows need to run the validate action as the validate workflow does: a `pull_request`
 * event, the GitHub Actions environment around it, a fresh state folder per run, and a reading of the report
 * it wrote.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** A 40-hex commit id made up from a name, the same on every run. */
export function fakeSha(name: string): string {
  return createHash('sha1').update(`persona-bench ${name}`).digest('hex');
}

/**
 * A `pull_request` event as GitHub writes it to `GITHUB_EVENT_PATH`: a recorded `synchronize` payload from
 * @octokit/webhooks-examples when `template` is one, else the few fields the action reads
 * (scripts/parse/workflow-event.ts), pointed at the given head and base.
 */
export function pullRequestEvent(
  template: Record<string, unknown> | null,
  commits: { headSha: string; baseSha: string; baseRef: string },
): Record<string, unknown> {
  const event = template
    ? structuredClone(template)
    : { action: 'synchronize', number: 1, pull_request: { number: 1, head: {}, base: {} } };
  const pr = (event.pull_request ?? {}) as {
    head?: Record<string, unknown>;
    base?: Record<string, unknown>;
  };
  event.pull_request = pr;
  pr.head = { ...(pr.head ?? {}), sha: commits.headSha };
  pr.base = { ...(pr.base ?? {}), sha: commits.baseSha, ref: commits.baseRef };
  return event;
}

/** The recorded `pull_request` `synchronize` payload in @octokit/webhooks-examples' index, or null. */
export function webhookTemplate(indexFile: string | null): Record<string, unknown> | null {
  if (!indexFile) return null;
  try {
    const events = JSON.parse(readFileSync(indexFile, 'utf8')) as Array<{
      name: string;
      examples: Array<Record<string, unknown>>;
    }>;
    const examples = events.find((e) => e.name === 'pull_request')?.examples ?? [];
    return examples.find((e) => e.action === 'synchronize') ?? examples[0] ?? null;
  } catch {
    return null;
  }
}

/**
 * Variables of the bench's own environment that would tell the action about another run (the bench may itself
 * run in a GitHub Actions job): removed from the action rows' processes before their own are set.
 */
export function withoutActionsEnv(
  set: Record<string, string>,
  inherited: NodeJS.ProcessEnv = process.env,
): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = {};
  for (const key of Object.keys(inherited)) {
    if (/^(GITHUB_|RUNNER_|ACTIONS_)/.test(key)) env[key] = undefined;
  }
  for (const key of ['PERSONA_ROOT', 'PERSONA_BASE_ROOT', 'PERSONA_REPORT_PATH', 'PERSONA_STATE_DIR'])
    env[key] = undefined;
  return { ...env, ...set };
}

/** The files of one pull-request row: its event, summary, outputs, report, runner temp and state folders. */
export interface PullRequestRun {
  dir: string;
  eventPath: string;
  summaryPath: string;
  outputPath: string;
  reportPath: string;
  runnerTemp: string;
  headSha: string;
  baseSha: string;
  /** The current run's state folder (PERSONA_STATE_DIR), new and empty for every run. */
  stateDir: string;
  runs: number;
}

export function preparePullRequestRun(
  dir: string,
  name: string,
  template: Record<string, unknown> | null,
): PullRequestRun {
  rmSync(dir, { recursive: true, force: true });
  const run: PullRequestRun = {
    dir,
    eventPath: path.join(dir, 'event.json'),
    summaryPath: path.join(dir, 'step-summary.md'),
    outputPath: path.join(dir, 'github-output'),
    reportPath: path.join(dir, 'persona-report', 'report.json'),
    runnerTemp: path.join(dir, 'runner-temp'),
    headSha: fakeSha(`${name} head`),
    baseSha: fakeSha(`${name} base`),
    stateDir: path.join(dir, 'state-0'),
    runs: 0,
  };
  mkdirSync(run.runnerTemp, { recursive: true });
  const event = pullRequestEvent(template, { headSha: run.headSha, baseSha: run.baseSha, baseRef: 'main' });
  writeFileSync(run.eventPath, JSON.stringify(event));
  return run;
}

/** Before each run: an empty state folder (a fresh runner has no cache), summary, outputs and no report. */
export function resetPullRequestRun(run: PullRequestRun): void {
  rmSync(run.stateDir, { recursive: true, force: true });
  run.runs++;
  run.stateDir = path.join(run.dir, `state-${run.runs}`);
  mkdirSync(run.stateDir, { recursive: true });
  writeFileSync(run.summaryPath, '');
  writeFileSync(run.outputPath, '');
  rmSync(path.dirname(run.reportPath), { recursive: true, force: true });
}

/** The validate workflow's environment (.github/workflows/validate.yml) for a head and base checkout. */
export function pullRequestEnv(
  run: PullRequestRun,
  head: string,
  base: string,
): Record<string, string | undefined> {
  return withoutActionsEnv({
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: run.eventPath,
    GITHUB_WORKSPACE: head,
    // On a pull_request event, GITHUB_SHA is the test merge commit, not the head: the action reads the event.
    GITHUB_SHA: fakeSha('merge commit'),
    GITHUB_REPOSITORY: 'persona-library/persona-library',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '4242',
    GITHUB_STEP_SUMMARY: run.summaryPath,
    GITHUB_OUTPUT: run.outputPath,
    RUNNER_TEMP: run.runnerTemp,
    PERSONA_ROOT: head,
    PERSONA_BASE_ROOT: base,
    PERSONA_REPORT_PATH: run.reportPath,
    PERSONA_STATE_DIR: run.stateDir,
  });
}

interface ReportShape {
  headSha?: unknown;
  summary?: { introducedErrors?: unknown; errors?: unknown };
  previews?: { applied?: Array<{ file?: unknown }> } | null;
}

/**
 * Problems with what a pull-request run wrote: its report must be for this head, introduce no error, and (for
 * a pull request adding a contribution) list that contribution as applied in its merge preview; the job
 * summary must have been written.
 */
export function pullRequestProblems(run: PullRequestRun, addedContribution: string | null): string[] {
  let report: ReportShape;
  try {
    report = JSON.parse(readFileSync(run.reportPath, 'utf8')) as ReportShape;
  } catch {
    return [`the action wrote no report at ${run.reportPath}`];
  }
  const problems: string[] = [];
  if (report.headSha !== run.headSha)
    problems.push(`the report is for head ${String(report.headSha)}, expected ${run.headSha}`);
  if (report.summary?.introducedErrors !== 0)
    problems.push(`the report has ${String(report.summary?.introducedErrors)} introduced errors, expected 0`);
  if (addedContribution !== null) {
    const applied = (report.previews?.applied ?? []).map((a) => String(a.file));
    if (!applied.includes(addedContribution))
      problems.push(
        `the merge preview does not apply ${addedContribution} (applied: ${applied.join(', ') || 'none'}${report.previews === null ? '; no preview' : ''})`,
      );
  }
  let summary = '';
  try {
    summary = readFileSync(run.summaryPath, 'utf8');
  } catch {}
  if (summary.trim() === '') problems.push('the action wrote no job summary');
  return problems;
}
