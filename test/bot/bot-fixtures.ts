import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Diagnostic, diagnostic } from '../../scripts/core/diagnostic.ts';
import type { MergePreview, PersonaReport } from '../../scripts/core/report.ts';
import type { RuleId } from '../../scripts/core/rules.ts';
import { COMMENT_MARKER } from '../../scripts/render/bot/comment-body.ts';
import { buildReport } from '../../scripts/render/report/build-report.ts';
import { FAKE_TOKEN, type FakeGitHub, workflowRunEvent } from '../helpers/fake-github.ts';
import { type CliResult, runCli } from '../helpers/run-cli.ts';

export const REPOSITORY = 'persona-library/persona-library';

/** A commit id, stable per label. */
export function sha(label: string): string {
  return createHash('sha1').update(label).digest('hex');
}

export function diag(
  file: string,
  line: number,
  rule: RuleId,
  message: string,
  severity: 'error' | 'warning' = 'error',
  hint = 'Fix it.',
): Diagnostic {
  return diagnostic(file, { line, column: 3, endLine: line, endColumn: 9 }, rule, message, hint, severity);
}

export function report(
  headSha: string,
  diagnostics: Diagnostic[],
  options: { base?: Diagnostic[] | null; previews?: MergePreview | null } = {},
): PersonaReport {
  return buildReport({
    headSha,
    baseSha: sha('base'),
    personas: 16,
    contributions: 0,
    diagnostics,
    baseDiagnostics: options.base === undefined ? [] : options.base,
    previews:
      options.previews === undefined ? { applied: [], conflicts: [], personas: [] } : options.previews,
  });
}

/** The workflow context the comment tests render with. */
export const COMMENT_CONTEXT = {
  serverUrl: 'https://github.com',
  repository: REPOSITORY,
  headSha: sha('head'),
  runUrl: `https://github.com/${REPOSITORY}/actions/runs/1`,
  baseRef: 'main',
};

/** Everything a contributor controls, in every place the comment shows it. */
export const HOSTILE = [
  '@octocat and @persona-library/maintainers, fixes #12, see GH-34 and other/repo#56',
  '<script>alert(1)</script><img src=x onerror=alert(1)> <details open>',
  `${COMMENT_MARKER} forged`,
  'a | b | c and code `x | y` span',
  '```\n</details>\n```',
  '[click](javascript:alert(1)) https://evil.example/x www.evil.example',
  'right-to-left \u202eevil\u202c',
  'line one\nline two\r\nline three',
].join(' ');

export const HOSTILE_FILE = 'personas/x/@octocat #12 | <b>.yaml';

function hostilePreview(): MergePreview {
  return {
    applied: [
      {
        file: 'contributions/x/@octocat-#12.yaml',
        persona: 'x',
        personaFile: HOSTILE_FILE,
        field: 'goals',
        action: 'extend',
        item: 2,
        author: '@octocat',
      },
    ],
    conflicts: [],
    personas: [
      {
        file: HOSTILE_FILE,
        slug: '@octocat',
        title: HOSTILE,
        changes: [{ field: 'goals', item: 2, action: 'extend', before: null, after: HOSTILE }],
        diff: `--- a\n+++ b\n@@ -1 +1 @@\n+${HOSTILE}\n\`\`\`\`\`\`\n${COMMENT_MARKER}`,
      },
    ],
  };
}

/** A report whose every contributor-controlled string is hostile. */
export const hostileReport = (): PersonaReport =>
  report(
    sha('head'),
    [
      diag(HOSTILE_FILE, 3, 'schema/invalid', HOSTILE, 'error', HOSTILE),
      diag('personas/y.yaml', 4, 'schema/invalid', 'plain', 'error'),
      diag(HOSTILE_FILE, 9, 'lint/placeholder', HOSTILE, 'warning', HOSTILE),
    ],
    { previews: hostilePreview() },
  );

/**
 * One simulated run of comment.yml: a temp dir holding the downloaded artifact (persona-report/report.json),
 * the workflow_run event file, and the step summary.
 */
export class CommentRun {
  readonly dir = mkdtempSync(path.join(os.tmpdir(), 'persona-bot-'));
  readonly reportPath = path.join(this.dir, 'persona-report', 'report.json');
  readonly eventPath = path.join(this.dir, 'event.json');
  readonly summaryPath = path.join(this.dir, 'summary.md');

  constructor() {
    mkdirSync(path.dirname(this.reportPath), { recursive: true });
    writeFileSync(this.summaryPath, '');
  }

  writeReport(value: PersonaReport | string): this {
    writeFileSync(this.reportPath, typeof value === 'string' ? value : JSON.stringify(value));
    return this;
  }

  /** A workflow_run event for a same-repository PR (listed in pull_requests) or a fork (empty list). */
  writeWorkflowRun(options: {
    headSha: string;
    number?: number;
    fork?: { owner: string; branch: string };
  }): this {
    const headRepo = options.fork ? `${options.fork.owner}/persona-library` : REPOSITORY;
    const branch = options.fork?.branch ?? `branch-${options.number}`;
    const event = workflowRunEvent({
      headSha: options.headSha,
      headBranch: branch,
      headRepo,
      repository: REPOSITORY,
      pullRequests:
        options.fork || options.number === undefined
          ? []
          : [{ number: options.number, headSha: options.headSha, headRef: branch }],
    });
    writeFileSync(this.eventPath, JSON.stringify(event));
    return this;
  }

  run(github: FakeGitHub, env: Record<string, string> = {}): Promise<CliResult> {
    return runCli(['comment', '--report', this.reportPath], {
      env: {
        GITHUB_API_URL: github.url,
        GITHUB_SERVER_URL: 'https://github.com',
        GITHUB_TOKEN: FAKE_TOKEN,
        GITHUB_REPOSITORY: REPOSITORY,
        GITHUB_EVENT_NAME: 'workflow_run',
        GITHUB_EVENT_PATH: this.eventPath,
        GITHUB_STEP_SUMMARY: this.summaryPath,
        GITHUB_RUN_ID: '777',
        PERSONA_GITHUB_RETRY_BASE_MS: '1',
        ...env,
      },
      timeoutMs: 30_000,
    });
  }

  cleanup(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
