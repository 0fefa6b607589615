import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { COMMENT_MARKER } from '../../scripts/bot/comment-body.ts';
import type { PersonaReport } from '../../scripts/bot/report.ts';
import { validateReport } from '../../scripts/bot/validate-report.ts';
import { FakeGitHub, webhookExamples } from '../helpers/fake-github.ts';
import { type CliResult, REPO_ROOT, runCli, testBundle } from '../helpers/run-cli.ts';
import { CommentRun, REPOSITORY, sha } from './bot-fixtures.ts';

const PERSONA = 'personas/sentry/sentry-error-monitor.yaml';
const OTHER = 'personas/stripe/stripe-billing-engineer.yaml';

/** A workspace as validate.yml lays it out: the head checkout, and the base under .persona-base. */
class Workspace {
  readonly dir = mkdtempSync(path.join(os.tmpdir(), 'persona-validate-'));
  readonly head = path.join(this.dir, 'head');
  readonly base = path.join(this.dir, 'head', '.persona-base');
  readonly temp = path.join(this.dir, 'runner-temp');
  readonly reportPath = path.join(this.temp, 'persona-report', 'report.json');
  readonly summaryPath = path.join(this.dir, 'summary.md');
  readonly outputPath = path.join(this.dir, 'output.txt');
  readonly eventPath = path.join(this.dir, 'event.json');

  constructor() {
    for (const root of [this.head, this.base]) {
      for (const folder of ['personas', 'schemas'])
        cpSync(path.join(REPO_ROOT, folder), path.join(root, folder), { recursive: true });
    }
    writeFileSync(this.summaryPath, '');
    writeFileSync(this.outputPath, '');
  }

  edit(root: string, file: string, change: (text: string) => string): void {
    const full = path.join(root, file);
    writeFileSync(full, change(readFileSync(full, 'utf8')));
  }

  /** A real pull_request event, pointed at this head and base. */
  writeEvent(headSha: string, baseSha: string): void {
    const source = webhookExamples().find((e) => e.name === 'pull_request');
    const event = structuredClone(
      source?.examples.find((e) => e.action === 'synchronize') as Record<string, unknown>,
    );
    const pr = event.pull_request as { head: Record<string, unknown>; base: Record<string, unknown> };
    pr.head.sha = headSha;
    pr.base.sha = baseSha;
    pr.base.ref = 'main';
    writeFileSync(this.eventPath, JSON.stringify(event));
  }

  run(): Promise<CliResult> {
    return runCli([], {
      entry: testBundle('validate-action.mjs'),
      cwd: this.head,
      env: {
        GITHUB_WORKSPACE: this.head,
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_EVENT_PATH: this.eventPath,
        GITHUB_STEP_SUMMARY: this.summaryPath,
        GITHUB_OUTPUT: this.outputPath,
        GITHUB_REPOSITORY: REPOSITORY,
        GITHUB_SERVER_URL: 'https://github.com',
        GITHUB_RUN_ID: '4242',
        RUNNER_TEMP: this.temp,
        PERSONA_BASE_ROOT: '.persona-base',
        PERSONA_REPORT_PATH: this.reportPath,
      },
      timeoutMs: 60_000,
    });
  }

  report(): PersonaReport {
    return JSON.parse(readFileSync(this.reportPath, 'utf8')) as PersonaReport;
  }

  cleanup(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

let spaces: Workspace[] = [];
const workspace = () => {
  const w = new Workspace();
  spaces.push(w);
  return w;
};
afterEach(() => {
  for (const w of spaces) w.cleanup();
  spaces = [];
});

describe('validate action (dist/validate-action.mjs)', () => {
  it('passes a clean pull request: exit 0, empty report, green summary', async () => {
    const w = workspace();
    w.writeEvent(sha('head'), sha('base'));
    const result = await w.run();
    expect(result.code, result.stdout + result.stderr).toBe(0);
    const report = w.report();
    expect(validateReport(report).ok).toBe(true);
    expect(report).toMatchObject({ headSha: sha('head'), baseSha: sha('base'), diagnostics: [] });
    expect(report.summary.personas).toBeGreaterThanOrEqual(12);
    expect(readFileSync(w.summaryPath, 'utf8')).toContain('✅ Persona check passed');
    expect(readFileSync(w.outputPath, 'utf8')).toMatch(/errors<<.*\n0\n/);
  });

  it('fails on errors, annotates most severe first, and tells new problems from old ones', async () => {
    const w = workspace();
    // Already on the base branch (and still in the head): a warning.
    for (const root of [w.base, w.head]) {
      w.edit(root, OTHER, (t) => t.replace(/^(goals:\n {2}- ")/m, '$1TODO '));
    }
    // New in the pull request: an unknown key (an error).
    w.edit(w.head, PERSONA, (t) => `${t}goalz: oops\n`);
    w.writeEvent(sha('head'), sha('base'));
    const result = await w.run();
    expect(result.code).toBe(1);

    const report = w.report();
    expect(validateReport(report).ok).toBe(true);
    const unknown = report.diagnostics.find((d) => d.rule === 'schema/unknown-key');
    expect(unknown).toMatchObject({ file: PERSONA, severity: 'error', introduced: true });
    const placeholder = report.diagnostics.find((d) => d.rule === 'lint/placeholder');
    expect(placeholder).toMatchObject({ file: OTHER, severity: 'warning', introduced: false });
    expect(report.summary).toMatchObject({
      errors: 1,
      warnings: 1,
      introducedErrors: 1,
      introducedWarnings: 0,
    });

    const annotations = result.stdout.split('\n').filter((l) => /^::(error|warning) /.test(l));
    expect(annotations.map((l) => l.slice(2, l.indexOf(' ')))).toEqual(['error', 'warning']);
    expect(annotations[0]).toContain(`file=${PERSONA},line=${unknown?.line}`);
    expect(result.stdout).toMatch(/^::error::1 error in the persona library/m);

    const summary = readFileSync(w.summaryPath, 'utf8');
    expect(summary).toContain('❌ Persona check: 1 error to fix');
    expect(summary).toContain(
      `https://github.com/${REPOSITORY}/blob/${sha('head')}/${PERSONA}#L${unknown?.line}`,
    );
  });

  it('previews the contributions the pull request adds', async () => {
    const w = workspace();
    const made = await runCli(
      [
        'contribute',
        'sentry-error-monitor',
        'goals',
        '--extend',
        'Spot a regression before users do.',
        '--author',
        'octocat',
        '--date',
        '2026-11-20',
        '--root',
        w.head,
      ],
      { cwd: w.head },
    );
    expect(made.code, made.stderr).toBe(0);
    w.writeEvent(sha('head'), sha('base'));
    const result = await w.run();
    expect(result.code, result.stdout).toBe(0);
    const previews = w.report().previews;
    expect(previews?.applied).toEqual([
      expect.objectContaining({
        persona: 'sentry-error-monitor',
        field: 'goals',
        action: 'extend',
        author: 'octocat',
      }),
    ]);
    expect(previews?.personas[0]?.changes[0]).toMatchObject({
      field: 'goals',
      before: null,
      after: 'Spot a regression before users do.',
    });
    expect(readFileSync(w.summaryPath, 'utf8')).toContain('Contribution previews');
  });
});

describe('validate action → comment command, end to end', () => {
  let github: FakeGitHub;
  beforeAll(async () => {
    github = await FakeGitHub.start(REPOSITORY);
  });
  afterAll(async () => {
    await github.close();
  });

  it('turns the artifact of a failing run into the comment, then into ✅ after the fix', async () => {
    const pull = github.addPull({ number: 21, headSha: sha('broken') });
    const w = workspace();
    w.edit(w.head, PERSONA, (t) => `${t}goalz: oops\n`);
    w.writeEvent(sha('broken'), sha('base'));
    expect((await w.run()).code).toBe(1);

    const comment = new CommentRun();
    try {
      cpSync(w.reportPath, comment.reportPath);
      const first = await comment.writeWorkflowRun({ headSha: sha('broken'), number: 21 }).run(github);
      expect(first.code, first.stderr).toBe(0);
      expect(github.commentsOn(21)).toHaveLength(1);
      expect(github.commentsOn(21)[0]?.body).toMatch(
        new RegExp(`^${COMMENT_MARKER}[\\s\\S]*schema/unknown-key`),
      );

      w.edit(w.head, PERSONA, (t) => t.replace('goalz: oops\n', ''));
      w.writeEvent(sha('fixed'), sha('base'));
      expect((await w.run()).code).toBe(0);
      (pull.head as { sha: string }).sha = sha('fixed');
      cpSync(w.reportPath, comment.reportPath);
      const second = await comment.writeWorkflowRun({ headSha: sha('fixed'), number: 21 }).run(github);
      expect(second.code, second.stderr).toBe(0);
      expect(github.commentsOn(21)).toHaveLength(1);
      expect(github.commentsOn(21)[0]?.body).toContain('✅');
      expect(github.violations).toEqual([]);
    } finally {
      comment.cleanup();
    }
  });
});
