import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REPO_ROOT } from '../helpers/run-cli.ts';
import { effectivePermissions, lintWorkflow } from './workflow-lint.ts';

const WORKFLOWS_DIR = path.join(REPO_ROOT, '.github/workflows');
const workflowFiles = readdirSync(WORKFLOWS_DIR)
  .filter((f) => /\.ya?ml$/.test(f))
  .sort();
/** `${{ inner }}` without writing a JS template placeholder in a string literal. */
const expr = (inner: string) => `$${'{{'} ${inner} }}`;
const read = (file: string) => readFileSync(path.join(WORKFLOWS_DIR, file), 'utf8');
const load = (file: string) => lintWorkflow(read(file)).data;

/** The official actions' release commits (shared/actions-pins.md); Dependabot moves SHA and comment together. */
const KNOWN_PINS: Record<string, string> = {
  'actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1': 'v7.0.1',
  'actions/setup-node@249970729cb0ef3589644e2896645e5dc5ba9c38': 'v6.5.0',
  'actions/setup-node@820762786026740c76f36085b0efc47a31fe5020': 'v7.0.0',
  'actions/upload-artifact@bbbca2ddaa5d8feaa63e36b76fdaad77386f024f': 'v7.0.0',
  'actions/download-artifact@3e5f45b2cfb9172054b4087a40e8e0b5a5461e7c': 'v8.0.1',
};

type Step = Record<string, unknown> & {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
};
const stepsOf = (workflow: Record<string, unknown>): Step[] =>
  Object.values(workflow.jobs as Record<string, { steps?: Step[] }>).flatMap((job) => job.steps ?? []);

describe('every workflow', () => {
  it('includes the five workflows of the bot, the intake and CI', () => {
    expect(workflowFiles).toEqual(['apply.yml', 'ci.yml', 'comment.yml', 'intake.yml', 'validate.yml']);
  });

  it.each(workflowFiles)('%s passes the workflow linter', (file) => {
    expect(lintWorkflow(read(file)).findings).toEqual([]);
  });

  it.each(workflowFiles)('%s never uses pull_request_target, not even in a comment', (file) => {
    expect(read(file)).not.toMatch(/pull_request_target/);
  });

  it.each(workflowFiles)('%s has no github.event expression (or any expression) inside run:', (file) => {
    for (const step of stepsOf(load(file))) {
      if (step.run) expect(step.run, step.run).not.toMatch(/\$\{\{/);
    }
  });

  it.each(workflowFiles)(
    '%s pins every action to a known release commit with its version comment',
    (file) => {
      const lines = read(file).split('\n');
      const uses = lines.filter((l) => /^\s*-?\s*uses:/.test(l));
      expect(uses.length).toBeGreaterThan(0);
      for (const line of uses) {
        const match = /uses:\s*(\S+)\s*#\s*(v\S+)\s*$/.exec(line);
        expect(match, line).not.toBeNull();
        expect(KNOWN_PINS[match?.[1] ?? ''], line).toBe(match?.[2]);
      }
    },
  );

  it.each(workflowFiles)('%s checks out without persisting credentials', (file) => {
    const checkouts = stepsOf(load(file)).filter((s) => s.uses?.startsWith('actions/checkout@'));
    expect(checkouts.length).toBeGreaterThan(0);
    for (const step of checkouts) expect(step.with?.['persist-credentials']).toBe(false);
  });
});

describe('validate.yml (pull request code, read-only token)', () => {
  const workflow = load('validate.yml');

  it('runs on pull_request with contents: read and nothing else', () => {
    expect(Object.keys(workflow.on as object)).toEqual(['pull_request']);
    expect(workflow.permissions).toEqual({ contents: 'read' });
    for (const job of Object.keys(workflow.jobs as object)) {
      expect(effectivePermissions(workflow, job)).toEqual({ contents: 'read' });
    }
  });

  it('installs nothing and runs the committed bundle', () => {
    const runs = stepsOf(workflow).flatMap((s) => (s.run ? [s.run] : []));
    expect(runs.join('\n')).not.toMatch(/\bnpm\b|\byarn\b|\bpnpm\b|\bnpx\b/);
    expect(runs).toContain('node dist/validate-action.mjs');
  });

  it('uploads only the JSON report as the artifact', () => {
    const uploads = stepsOf(workflow).filter((s) => s.uses?.startsWith('actions/upload-artifact@'));
    expect(uploads).toHaveLength(1);
    expect(uploads[0]?.with?.path).toMatch(/persona-report\/report\.json$/);
    expect(uploads[0]?.with?.name).toBe('persona-report');
  });
});

describe('comment.yml (default-branch code, write token)', () => {
  const workflow = load('comment.yml');

  it('runs on completed validate runs', () => {
    expect(workflow.on).toEqual({ workflow_run: { workflows: ['validate'], types: ['completed'] } });
  });

  it('grants nothing at the top and exactly pull-requests: write and actions: read to the job', () => {
    expect(workflow.permissions).toEqual({});
    const jobs = Object.keys(workflow.jobs as object);
    expect(jobs).toHaveLength(1);
    expect(effectivePermissions(workflow, jobs[0] as string)).toEqual({
      actions: 'read',
      'pull-requests': 'write',
    });
  });

  it('never checks out or runs pull request code', () => {
    const steps = stepsOf(workflow);
    for (const step of steps.filter((s) => s.uses?.startsWith('actions/checkout@'))) {
      expect(step.with?.ref).toBeUndefined();
      expect(step.with?.repository).toBeUndefined();
    }
    const runs = steps.flatMap((s) => (s.run ? [s.run] : []));
    expect(runs).toEqual([
      'node dist/persona.mjs comment --report "$RUNNER_TEMP/persona-report/report.json"',
    ]);
  });

  it('downloads the artifact from the triggering run into the runner temp directory', () => {
    const download = stepsOf(workflow).find((s) => s.uses?.startsWith('actions/download-artifact@'));
    expect(download?.with).toMatchObject({
      name: 'persona-report',
      path: `${expr('runner.temp')}/persona-report`,
      'run-id': expr('github.event.workflow_run.id'),
    });
  });
});

describe('apply.yml (default branch, contents: write)', () => {
  const workflow = load('apply.yml');

  it('runs on pushes to main that touch contributions or personas', () => {
    expect(workflow.on).toEqual({ push: { branches: ['main'], paths: ['contributions/**', 'personas/**'] } });
  });

  it('grants contents and pull-requests: write to the job only', () => {
    expect(workflow.permissions).toEqual({});
    expect(effectivePermissions(workflow, 'apply')).toEqual({ contents: 'write', 'pull-requests': 'write' });
  });

  it('queues runs without cancelling and skips its own commits', () => {
    expect((workflow.concurrency as { 'cancel-in-progress': boolean })['cancel-in-progress']).toBe(false);
    const job = (workflow.jobs as Record<string, { if?: string }>).apply;
    expect(job?.if).toContain("github.actor != 'github-actions[bot]'");
  });

  it('checks out the latest head of the branch with its history, not only the pushed commit', () => {
    const checkout = stepsOf(workflow).find((s) => s.uses?.startsWith('actions/checkout@'));
    expect(checkout?.with?.ref).toBe(expr('github.ref_name'));
    expect(checkout?.with?.['fetch-depth']).toBe(0);
  });

  it('runs only a copy of the bundle made before anything else, and no other repository code', () => {
    const runs = stepsOf(workflow).flatMap((s) => (s.run ? [s.run] : []));
    expect(runs).toEqual([
      'cp -RL -- dist "$RUNNER_TEMP/persona-dist"',
      'node "$RUNNER_TEMP/persona-dist/apply-action.mjs"',
    ]);
    // No shell git at all: the action commits and pushes itself, with hooks off (test/bot/apply-action.e2e.test.ts).
    expect(runs.join('\n')).not.toMatch(/\bgit\b|\bnpm\b|\bnpx\b/);
  });
});

describe('intake.yml (issue forms, default-branch code, write token)', () => {
  const workflow = load('intake.yml');
  const job = (workflow.jobs as Record<string, { if?: string; steps: Step[] }>).intake;

  it('runs on opened and edited issues, only when labelled contribution and open', () => {
    expect(workflow.on).toEqual({ issues: { types: ['opened', 'edited'] } });
    expect(Object.keys(workflow.jobs as object)).toEqual(['intake']);
    expect(job?.if).toBe(
      expr(
        "github.event.issue.state == 'open' && contains(github.event.issue.labels.*.name, 'contribution')",
      ),
    );
  });

  it('grants nothing at the top and exactly contents, issues and pull-requests: write to the job', () => {
    expect(workflow.permissions).toEqual({});
    expect(effectivePermissions(workflow, 'intake')).toEqual({
      contents: 'write',
      issues: 'write',
      'pull-requests': 'write',
    });
  });

  it('serializes runs per issue without cancelling one half-way', () => {
    expect(workflow.concurrency).toEqual({
      group: `intake-${expr('github.event.issue.number')}`,
      'cancel-in-progress': false,
    });
  });

  it('checks out only the default branch, installs nothing, and runs the committed bundle', () => {
    const checkouts = job?.steps.filter((s) => s.uses?.startsWith('actions/checkout@')) ?? [];
    expect(checkouts).toHaveLength(1);
    expect(checkouts[0]?.with?.ref).toBeUndefined();
    expect(checkouts[0]?.with?.repository).toBeUndefined();
    const runs = stepsOf(workflow).flatMap((s) => (s.run ? [s.run] : []));
    expect(runs).toEqual(['node dist/persona.mjs intake --event "$GITHUB_EVENT_PATH"']);
  });

  it('passes only the token through env:, never the issue', () => {
    const envs = stepsOf(workflow).flatMap((s) => (s.env ? [s.env] : []));
    expect(envs).toEqual([{ GITHUB_TOKEN: expr('github.token') }]);
    expect(read('intake.yml')).not.toMatch(/github\.event\.issue\.(body|title)/);
  });
});

describe('repository settings', () => {
  it('dependabot keeps the pinned actions current', () => {
    const config = parse(readFileSync(path.join(REPO_ROOT, '.github/dependabot.yml'), 'utf8'));
    expect(config.updates.map((u: { 'package-ecosystem': string }) => u['package-ecosystem'])).toContain(
      'github-actions',
    );
  });

  it('the issue chooser offers the contribution form and sends blank issues to the contributing guide', () => {
    const config = parse(readFileSync(path.join(REPO_ROOT, '.github/ISSUE_TEMPLATE/config.yml'), 'utf8'));
    expect(config.blank_issues_enabled).toBe(false);
    expect(config.contact_links.map((l: { url: string }) => l.url)).toEqual([
      'https://github.com/persona-library/persona-library/blob/main/CONTRIBUTING.md',
    ]);
    const form = parse(readFileSync(path.join(REPO_ROOT, '.github/ISSUE_TEMPLATE/contribute.yml'), 'utf8'));
    expect(form.labels).toEqual(['contribution']);
  });

  it('CODEOWNERS covers .github/, scripts/ and schemas/', () => {
    const owners = readFileSync(path.join(REPO_ROOT, '.github/CODEOWNERS'), 'utf8')
      .split('\n')
      .filter((l) => l.trim() && !l.startsWith('#'))
      .map((l) => l.split(/\s+/)[0]);
    expect(owners).toEqual(expect.arrayContaining(['/.github/', '/scripts/', '/schemas/']));
  });
});
