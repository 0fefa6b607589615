import { describe, expect, it } from 'vitest';
import { lintWorkflow } from './workflow-lint.ts';

const CHECKOUT = 'actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1';

/** A clean workflow; each case swaps in one bad line. */
function workflow(parts: { on?: string; permissions?: string; job?: string; steps?: string } = {}): string {
  return [
    `on: ${parts.on ?? '{ pull_request: {} }'}`,
    parts.permissions ?? 'permissions:\n  contents: read',
    'jobs:',
    '  check:',
    '    runs-on: ubuntu-latest',
    parts.job ?? '    timeout-minutes: 5',
    '    steps:',
    parts.steps ??
      [
        `      - uses: ${CHECKOUT}`,
        '        with:',
        '          persist-credentials: false',
        '      - run: echo ok',
      ].join('\n'),
    '',
  ].join('\n');
}

/** `${{ inner }}` without writing a JS template placeholder in a string literal. */
const expr = (inner: string) => `$${'{{'} ${inner} }}`;

const rulesOf = (source: string) => lintWorkflow(source).findings.map((f) => f.rule);

describe('lintWorkflow', () => {
  it('accepts a clean workflow', () => {
    expect(lintWorkflow(workflow()).findings).toEqual([]);
  });

  it.each([
    ['trigger/pull-request-target', workflow({ on: '{ pull_request_target: {} }' })],
    ['trigger/pull-request-target', workflow({ on: '[push, pull_request_target]' })],
    ['trigger/pull-request-target', workflow({ on: 'pull_request_target' })],
    ['permissions/missing', workflow({ permissions: '' })],
    ['permissions/blanket', workflow({ permissions: 'permissions: write-all' })],
    ['permissions/blanket', workflow({ job: '    timeout-minutes: 5\n    permissions: read-all' })],
    ['job/timeout', workflow({ job: '' })],
    [
      'uses/not-pinned',
      workflow({
        steps: '      - uses: actions/checkout@v4\n        with:\n          persist-credentials: false',
      }),
    ],
    [
      'uses/not-pinned',
      workflow({
        steps: '      - uses: actions/checkout@3d3c42e\n        with:\n          persist-credentials: false',
      }),
    ],
    [
      'uses/no-version-comment',
      workflow({
        steps:
          '      - uses: actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1\n        with:\n          persist-credentials: false',
      }),
    ],
    ['checkout/persist-credentials', workflow({ steps: `      - uses: ${CHECKOUT}` })],
    [
      'checkout/persist-credentials',
      workflow({ steps: `      - uses: ${CHECKOUT}\n        with:\n          persist-credentials: true` }),
    ],
    ['run/expression', workflow({ steps: `      - run: echo "${expr('github.event.pull_request.title')}"` })],
    [
      'run/expression',
      workflow({ steps: `      - run: |\n          git checkout ${expr('github.head_ref')}` }),
    ],
    ['run/expression', workflow({ steps: `      - run: echo ${expr('github.event.issue.body')}` })],
    [
      'run/expression',
      workflow({
        steps: `      - uses: actions/github-script@60a0d83039c74a4aee543508d2ffcb1c3799cdea # v7.0.1\n        with:\n          script: console.log("${expr('github.event.comment.body')}")`,
      }),
    ],
  ])('reports %s', (rule, source) => {
    expect(rulesOf(source)).toContain(rule);
  });

  it('reports the line of the offending node', () => {
    const source = workflow({ steps: `      - run: echo "${expr('github.event.pull_request.title')}"` });
    const finding = lintWorkflow(source).findings.find((f) => f.rule === 'run/expression');
    expect(finding?.line).toBe(source.split('\n').findIndex((l) => l.includes('github.event')) + 1);
  });

  it('accepts values passed through env: and local actions', () => {
    const source = workflow({
      steps: [
        '      - run: echo "$TITLE"',
        '        env:',
        `          TITLE: ${expr('github.event.pull_request.title')}`,
        '      - uses: ./.github/actions/local',
      ].join('\n'),
    });
    expect(lintWorkflow(source).findings).toEqual([]);
  });
});
