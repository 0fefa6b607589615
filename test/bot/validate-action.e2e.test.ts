import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { validateReport } from '../../scripts/check/report/validate-report.ts';
import type { PersonaReport } from '../../scripts/core/report.ts';
import { COMMENT_MARKER } from '../../scripts/render/bot/comment-body.ts';
import { FakeGitHub, webhookExamples } from '../helpers/fake-github.ts';
import { personaText } from '../helpers/persona-text.ts';
import { type CliResult, REPO_ROOT, runCli, testBundle } from '../helpers/run-cli.ts';
import { scenario } from '../helpers/scenario.ts';
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

  write(root: string, file: string, text: string): void {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
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
    expect(result.stdout).toMatch(/^::error::1 error introduced by this pull request/m);

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

describe('validate action: judged by what the pull request introduces', () => {
  it('passes a pull request while main already has an error: shown as already on main, failing nobody', async () => {
    const w = workspace();
    for (const root of [w.base, w.head])
      w.edit(root, OTHER, (t) => t.replace('category: technical', 'category: technicl'));
    w.edit(w.head, PERSONA, (t) => t.replace(/^(aha_moment: ")/m, '$1Truly: '));
    w.writeEvent(sha('head'), sha('base'));
    const result = await w.run();
    expect(result.code, result.stdout).toBe(0);
    const report = w.report();
    expect(report.summary).toMatchObject({ errors: 1, introducedErrors: 0 });
    expect(report.diagnostics.map((d) => [d.rule, d.introduced])).toEqual([['schema/not-allowed', false]]);
  });

  it('a new persona with an id another one already took is a warning: apply renumbers it on merge', async () => {
    const w = workspace();
    const taken = /^id: (\S+)$/m.exec(readFileSync(path.join(w.base, PERSONA), 'utf8'))?.[1] ?? '';
    w.write(w.head, 'personas/acme/acme-new.yaml', personaText('acme-new', { id: taken }));
    w.writeEvent(sha('head'), sha('base'));
    const result = await w.run();
    expect(result.code, result.stdout).toBe(0);
    expect(w.report().diagnostics.map((d) => [d.file, d.rule, d.severity])).toEqual([
      ['personas/acme/acme-new.yaml', 'id/taken', 'warning'],
    ]);
  });

  it('changing the id of a persona that is on main is an error', async () => {
    const w = workspace();
    w.edit(w.head, PERSONA, (t) => t.replace(/^id: \S+$/m, 'id: APP-999'));
    w.writeEvent(sha('head'), sha('base'));
    const result = await w.run();
    expect(result.code).toBe(1);
    expect(w.report().diagnostics.map((d) => [d.file, d.rule, d.line])).toEqual([[PERSONA, 'id/changed', 2]]);
  });

  it('a data pull request that edits a generated file is told to leave it out, with the command', async () => {
    const w = workspace();
    for (const root of [w.base, w.head])
      cpSync(path.join(REPO_ROOT, 'catalogue'), path.join(root, 'catalogue'), { recursive: true });
    w.edit(w.head, 'catalogue/README.md', (t) => `${t}\nEdited by hand.\n`);
    w.writeEvent(sha('head'), sha('base'));
    const result = await w.run();
    expect(result.code).toBe(1);
    const [edited] = w.report().diagnostics;
    expect(edited).toMatchObject({ file: 'catalogue/README.md', rule: 'catalogue/edited', introduced: true });
    expect(edited?.hint).toContain('git checkout origin/main -- catalogue/README.md');
  });

  it('a pull request that changes the tools may regenerate the catalogue', async () => {
    const w = workspace();
    for (const root of [w.base, w.head])
      cpSync(path.join(REPO_ROOT, 'catalogue'), path.join(root, 'catalogue'), { recursive: true });
    w.edit(w.head, 'catalogue/README.md', (t) => `${t}\nRegenerated.\n`);
    w.write(w.head, 'scripts/render/new-page.ts', 'export {};\n');
    w.writeEvent(sha('head'), sha('base'));
    expect((await w.run()).code).toBe(0);
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

  it('reports hostile file names in a report the comment step accepts, and the comment is posted', async () => {
    github.addPull({ number: 22, headSha: sha('hostile-names') });
    const w = workspace();
    const deep = `personas/${Array.from({ length: 40 }, (_, i) => `folder-${i}`).join('/')}/x.yaml`;
    for (const name of [
      'personas/acme/acme-\nbeta.yaml',
      'contributions/x/\u001b[31mred.yaml',
      'personas/acme/acme\\beta.yaml',
      'personas/acme/\u202egnp.yaml',
      'contributions/.merge-journal.json',
      deep,
    ])
      w.write(w.head, name, 'x: 1\n');
    symlinkSync('../../schemas', path.join(w.head, 'personas', '.x'));
    w.writeEvent(sha('hostile-names'), sha('base'));
    expect((await w.run()).code).toBe(1);
    const report = w.report();
    expect(validateReport(report).ok).toBe(true);
    expect(report.diagnostics.map((d) => d.rule)).toEqual(
      expect.arrayContaining(['file/bad-name', 'file/hidden', 'file/symlink', 'file/misplaced']),
    );
    const comment = new CommentRun();
    try {
      cpSync(w.reportPath, comment.reportPath);
      const posted = await comment
        .writeWorkflowRun({ headSha: sha('hostile-names'), number: 22 })
        .run(github);
      expect(posted.code, posted.stderr).toBe(0);
      const body = github.commentsOn(22)[0]?.body ?? '';
      expect(body).toContain('file/bad-name');
      expect(body).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u202e]/);
      expect(github.violations).toEqual([]);
    } finally {
      comment.cleanup();
    }
  });

  scenario('turns the artifact of a failing run into the comment, then into ✅ after the fix', async () => {
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
