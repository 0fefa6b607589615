import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';

/**
 * A small workflow linter for the security properties this repository relies on, in the spirit of
 * actionlint's `expression` (script injection), `permissions` and `pinned actions` checks:
 *
 * - `trigger/pull-request-target`: the trigger that runs base code with a write token on fork input.
 * - `permissions/missing`, `permissions/blanket`: every workflow states its token's permissions, never
 *   `write-all`/`read-all`.
 * - `uses/not-pinned`, `uses/no-version-comment`: actions are pinned to a full commit SHA with a `# vX.Y.Z`
 *   comment that Dependabot keeps current.
 * - `run/expression`: no `${{ }}` inside `run:` (or github-script `script:`): a value such as a PR title or
 *   branch name is pasted into the shell before it runs. Values go through `env:` instead.
 * - `checkout/persist-credentials`: actions/checkout must not leave the token in .git/config.
 * - `job/timeout`: every job has `timeout-minutes`, so nothing hangs for six hours.
 */
export interface WorkflowFinding {
  rule: string;
  line: number;
  message: string;
}

export interface ParsedWorkflow {
  /** The plain data of the workflow. */
  data: Record<string, unknown>;
  findings: WorkflowFinding[];
}

const SHA_PIN = /^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/;
const VERSION_COMMENT = /#\s*v\d+(\.\d+){0,2}\s*$/;
const EXPRESSION = /\$\{\{/;

export function lintWorkflow(source: string): ParsedWorkflow {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, uniqueKeys: true });
  const findings: WorkflowFinding[] = [];
  const lines = source.split('\n');
  const lineOf = (node: unknown) => {
    const range = (node as YamlNode | undefined)?.range;
    return range ? lineCounter.linePos(range[0]).line : 1;
  };
  const add = (rule: string, node: unknown, message: string) =>
    findings.push({ rule, line: lineOf(node), message });
  for (const error of doc.errors) findings.push({ rule: 'yaml/syntax', line: 1, message: error.message });
  const data = (doc.toJS() ?? {}) as Record<string, unknown>;
  const rootNode = doc.contents;
  if (!isMap(rootNode))
    return {
      data,
      findings: [...findings, { rule: 'yaml/not-a-mapping', line: 1, message: 'not a workflow' }],
    };

  // `on` may be a string, a list or a mapping; any form naming pull_request_target is refused.
  const triggers = data.on ?? data.true;
  const triggerNames =
    typeof triggers === 'string'
      ? [triggers]
      : Array.isArray(triggers)
        ? triggers
        : Object.keys((triggers as object) ?? {});
  if (triggerNames.includes('pull_request_target')) {
    add(
      'trigger/pull-request-target',
      rootNode.get('on', true),
      'pull_request_target runs with a write token on fork input',
    );
  }

  const permissionsNode = rootNode.get('permissions', true);
  if (permissionsNode === undefined)
    add('permissions/missing', rootNode, 'the workflow does not state `permissions`');
  checkPermissions(permissionsNode, add);

  const jobs = rootNode.get('jobs', true);
  if (!isMap(jobs)) return { data, findings };
  for (const pair of jobs.items) {
    const job = pair.value;
    if (!isMap(job)) continue;
    const jobName = String((pair.key as { value?: unknown })?.value);
    if (job.get('timeout-minutes', true) === undefined)
      add('job/timeout', pair.key, `job ${jobName} has no timeout-minutes`);
    checkPermissions(job.get('permissions', true), add);
    if (job.get('uses', true) !== undefined) checkUses(job.get('uses', true), lines, lineOf, add);
    const steps = job.get('steps', true);
    if (!isSeq(steps)) continue;
    for (const step of steps.items) {
      if (!isMap(step)) continue;
      const uses = step.get('uses', true);
      if (uses !== undefined) checkUses(uses, lines, lineOf, add);
      const run = step.get('run', true);
      if (isScalar(run) && EXPRESSION.test(String(run.value))) {
        add(
          'run/expression',
          run,
          'an expression inside run: is pasted into the shell; pass the value through env:',
        );
      }
      const usesName = isScalar(uses) ? String(uses.value) : '';
      const withNode = step.get('with', true);
      if (usesName.startsWith('actions/github-script@') && isMap(withNode)) {
        const script = withNode.get('script', true);
        if (isScalar(script) && EXPRESSION.test(String(script.value))) {
          add(
            'run/expression',
            script,
            'an expression inside a github-script script is pasted into the code',
          );
        }
      }
      if (usesName.startsWith('actions/checkout@')) {
        const persist = isMap(withNode) ? withNode.get('persist-credentials', true) : undefined;
        if (!isScalar(persist) || persist.value !== false) {
          add('checkout/persist-credentials', uses, 'actions/checkout must set persist-credentials: false');
        }
      }
    }
  }
  return { data, findings };
}

function checkPermissions(node: unknown, add: (rule: string, node: unknown, message: string) => void): void {
  if (isScalar(node) && (node.value === 'write-all' || node.value === 'read-all')) {
    add(
      'permissions/blanket',
      node,
      `permissions: ${String(node.value)} grants every scope; name the ones needed`,
    );
  }
}

function checkUses(
  node: unknown,
  lines: readonly string[],
  lineOf: (node: unknown) => number,
  add: (rule: string, node: unknown, message: string) => void,
): void {
  if (!isScalar(node)) return;
  const value = String(node.value);
  if (value.startsWith('./') || value.startsWith('docker://')) return;
  if (!SHA_PIN.test(value)) {
    add('uses/not-pinned', node, `${value} is not pinned to a full commit SHA`);
    return;
  }
  const line = lines[lineOf(node) - 1] ?? '';
  if (!VERSION_COMMENT.test(line)) add('uses/no-version-comment', node, `${value} has no "# vX.Y.Z" comment`);
}

/** The permission scopes a job ends up with: its own block, or the workflow's. */
export function effectivePermissions(
  workflow: Record<string, unknown>,
  job: string,
): Record<string, string> | string {
  const jobs = workflow.jobs as Record<string, Record<string, unknown>>;
  const own = jobs[job]?.permissions;
  const value = own ?? workflow.permissions;
  return (value ?? 'default') as Record<string, string> | string;
}
