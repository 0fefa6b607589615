import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { mergeLibrary } from '../../scripts/pipeline/merge-library.ts';
import { runCli, scratchLibrary } from '../helpers/run-cli.ts';
import {
  checkInMemory,
  contribution,
  FIXTURE_LIBRARY,
  fixturePersonas,
  snapshot,
  writeFiles,
} from './contribution-helpers.ts';

const DIR = 'contributions/sentry-error-monitor';
const head = ['persona: sentry-error-monitor', 'field: goals', 'action: confirm', 'author: octocat'];

interface HostileCase {
  name: string;
  content: string | Uint8Array;
  rule: string;
  file?: string;
}

const HOSTILE: HostileCase[] = [
  {
    name: 'field: __proto__',
    content: contribution(
      'persona: sentry-error-monitor',
      'field: __proto__',
      'action: confirm',
      'author: octocat',
    ),
    rule: 'schema/not-allowed',
  },
  {
    name: 'field: constructor',
    content: contribution(
      'persona: sentry-error-monitor',
      'field: constructor',
      'action: confirm',
      'author: octocat',
    ),
    rule: 'schema/not-allowed',
  },
  {
    name: 'a __proto__ key',
    content: contribution(...head, '__proto__:', '  polluted: true'),
    rule: 'yaml/forbidden-key',
  },
  {
    name: 'path-like persona ../../x',
    content: contribution('persona: ../../x', 'field: goals', 'action: confirm', 'author: octocat'),
    rule: 'schema/invalid-format',
  },
  {
    name: 'path-like persona pointing at a real persona file',
    content: contribution(
      'persona: ../../personas/sentry/sentry-error-monitor',
      'field: goals',
      'action: confirm',
      'author: octocat',
    ),
    rule: 'schema/invalid-format',
  },
  {
    name: 'persona: toString',
    content: contribution('persona: tostring', 'field: goals', 'action: confirm', 'author: octocat'),
    rule: 'contribution/unknown-persona',
  },
  {
    name: 'huge value',
    content: contribution(
      'persona: sentry-error-monitor',
      'field: goals',
      'action: extend',
      `value: "${'x'.repeat(5000)}"`,
      'author: octocat',
    ),
    rule: 'schema/too-long',
  },
  {
    name: 'huge file',
    content: contribution(...head, `rationale: "${'y'.repeat(300_000)}"`),
    rule: 'file/too-large',
  },
  { name: 'item as text', content: contribution(...head, 'item: two'), rule: 'schema/wrong-type' },
  { name: 'item zero', content: contribution(...head, 'item: 0'), rule: 'schema/invalid' },
  { name: 'item as a fraction', content: contribution(...head, 'item: 1.5'), rule: 'schema/wrong-type' },
  {
    name: 'value as a list',
    content: contribution(
      'persona: sentry-error-monitor',
      'field: goals',
      'action: extend',
      'value:',
      '  - a',
      'author: octocat',
    ),
    rule: 'schema/wrong-type',
  },
  {
    name: 'action as a boolean',
    content: contribution('persona: sentry-error-monitor', 'field: goals', 'action: true', 'author: octocat'),
    rule: 'schema/wrong-type',
  },
  {
    name: 'persona as a mapping',
    content: contribution('persona:', '  slug: x', 'field: goals', 'action: confirm', 'author: octocat'),
    rule: 'schema/wrong-type',
  },
  {
    name: 'a list at the top',
    content: contribution('- persona: sentry-error-monitor'),
    rule: 'yaml/not-a-mapping',
  },
  {
    name: 'alias expansion',
    content: contribution(...head, 'rationale: &a "lol"', 'evidence: *a'),
    rule: 'yaml/alias',
  },
  { name: 'a binary file', content: new Uint8Array([0x70, 0x00, 0x01]), rule: 'file/binary' },
  {
    name: 'invalid UTF-8',
    content: new Uint8Array([0x70, 0x3a, 0x20, 0xff, 0x0a]),
    rule: 'file/invalid-utf8',
  },
  {
    name: 'a javascript: evidence link',
    content: contribution(...head, 'evidence: "javascript:alert(1)"'),
    rule: 'schema/invalid-format',
  },
  {
    name: 'an author that is not a login',
    content: contribution(
      'persona: sentry-error-monitor',
      'field: goals',
      'action: confirm',
      'author: __proto__',
    ),
    rule: 'schema/invalid-format',
  },
];

let cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups) cleanup();
  cleanups = [];
});

describe.each(HOSTILE)('hostile contribution: $name', ({ content, rule }) => {
  const file = `${DIR}/hostile.yaml`;

  it('is reported, not crashed on', () => {
    const diagnostics = checkInMemory({ ...fixturePersonas(), [file]: content });
    expect(diagnostics.map((d) => `${d.file} ${d.rule}`)).toContain(`${file} ${rule}`);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('is never applied and never lost by merge', async () => {
    const { root, cleanup } = scratchLibrary(FIXTURE_LIBRARY);
    cleanups.push(cleanup);
    writeFiles(root, { [file]: content });
    const before = snapshot(root);
    const { plan } = await mergeLibrary(root, { dryRun: false, date: null });
    expect(plan.applied).toEqual([]);
    expect(plan.conflicts.map((d) => d.rule)).toContain(rule);
    expect(snapshot(root)).toEqual(before);
    expect(existsSync(path.join(root, '..', 'x'))).toBe(false);
  });
});

describe('hostile contributions through the CLI', () => {
  it('merge finishes, exits 1 and names every file it left in place', async () => {
    const { root, cleanup } = scratchLibrary(FIXTURE_LIBRARY);
    cleanups.push(cleanup);
    writeFiles(
      root,
      Object.fromEntries(
        HOSTILE.map((c, i) => [`${DIR}/hostile-${String(i).padStart(2, '0')}.yaml`, c.content]),
      ),
    );
    const before = snapshot(root);
    const result = await runCli(['merge', '--format', 'json', '--root', root], { timeoutMs: 30_000 });
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.summary.applied).toBe(0);
    expect(new Set(report.conflicts.map((d: { file: string }) => d.file)).size).toBe(HOSTILE.length);
    expect(snapshot(root)).toEqual(before);
  });
});
