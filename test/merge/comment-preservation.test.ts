import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { mergeLibrary } from '../../scripts/pipeline/merge-library.ts';
import { contribution, FIXTURE_LIBRARY, MONITOR, writeFiles } from '../contributions/contribution-helpers.ts';
import { scratchLibrary } from '../helpers/run-cli.ts';

const DIR = 'contributions/sentry-error-monitor';
let cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups) cleanup();
  cleanups = [];
});

/**
 * Splits a persona's lines into top-level blocks: a block starts at a line in column 1 (a key or a comment)
 * and runs until the next one. Blocks are compared byte for byte, so any change outside the changed
 * fields shows up.
 */
function blocks(text: string): Array<{ head: string; lines: string[] }> {
  const out: Array<{ head: string; lines: string[] }> = [];
  for (const line of text.replace(/\n$/, '').split('\n')) {
    if (out.length === 0 || /^\S/.test(line)) out.push({ head: line, lines: [line] });
    else out.at(-1)?.lines.push(line);
  }
  return out;
}

function keyOf(head: string): string | null {
  return /^([a-z_]+):/.exec(head)?.[1] ?? null;
}

/** Every block of `before` whose key is not in `changed` appears unchanged, in order, in `after`. */
function expectOnlyFieldsChanged(before: string, after: string, changed: string[]): void {
  const keep = (text: string) =>
    blocks(text)
      .filter((b) => !changed.includes(keyOf(b.head) ?? '') && keyOf(b.head) !== 'community')
      .map((b) => b.lines.join('\n'));
  expect(keep(after)).toEqual(keep(before));
}

async function merge(personaText: string, contributions: Record<string, string>): Promise<string> {
  const { root, cleanup } = scratchLibrary(FIXTURE_LIBRARY);
  cleanups.push(cleanup);
  writeFiles(root, { [MONITOR]: personaText, ...contributions });
  const { plan } = await mergeLibrary(root, { dryRun: false, date: null });
  expect(plan.conflicts).toEqual([]);
  return readFileSync(path.join(root, MONITOR), 'utf8');
}

const canonical = readFileSync(path.join(FIXTURE_LIBRARY, MONITOR), 'utf8');

/** The fixture persona with hand-written comments and formatting that the YAML printer would normalise. */
const handWritten = canonical
  .replace('id: APP-101\n', '# Reviewed with the Sentry team in October.\nid: APP-101\n')
  .replace('goals:\n', 'goals:\n  # Ordered by how often they come up in interviews.\n')
  .replace(
    '  - "Read stack traces in the original TypeScript thanks to source maps."\n',
    '  - "Read stack traces in the original TypeScript thanks to source maps."   # the big one\n',
  )
  .replace(
    /^outcome: .*$/m,
    'outcome: >-\n  Most regressions are caught within an hour\n  of the deploy that caused them.',
  )
  .replace('frustrations:\n', '# Frustrations come from the support queue.\nfrustrations:\n')
  .replace(/^worldview:\n {2}- "(.*)"$/m, "worldview:\n  - '$1'")
  .replace('composability:\n', 'composability:   # curated by maintainers\n');

const extendGoals = contribution(
  'persona: sentry-error-monitor',
  'field: goals',
  'action: extend',
  'value: "Know which release introduced an issue without opening the deploy log."',
  'author: octocat',
);
const correctScenario = contribution(
  'persona: sentry-error-monitor',
  'field: churn_trigger',
  'action: correct',
  'value: "Alerts that keep firing for resolved issues, until the channel is muted and a real outage slips through."',
  `original: ${JSON.stringify(/^churn_trigger: "(.*)"$/m.exec(canonical)?.[1])}`,
  'author: hubot',
  'rationale: "Pricing is a separate trigger; this one is about trust."',
);

describe('merge keeps comments and formatting', () => {
  it('in a canonical persona, only the changed fields and the community block differ', async () => {
    const after = await merge(canonical, {
      [`${DIR}/a.yaml`]: extendGoals,
      [`${DIR}/b.yaml`]: correctScenario,
    });
    expectOnlyFieldsChanged(canonical, after, ['goals', 'churn_trigger']);
    expect(after.startsWith(canonical.slice(0, canonical.indexOf('goals:')))).toBe(true);
  });

  it('in a hand-formatted persona, every untouched line is byte-identical and every comment survives', async () => {
    const after = await merge(handWritten, {
      [`${DIR}/a.yaml`]: extendGoals,
      [`${DIR}/b.yaml`]: correctScenario,
    });
    expectOnlyFieldsChanged(handWritten, after, ['goals', 'churn_trigger']);
    // Comments inside the changed field survive too, with the rest of that field.
    expect(after).toContain('goals:\n  # Ordered by how often they come up in interviews.\n');
    expect(after).toContain('# the big one\n');
    expect(after).toContain(
      '  - "Route issues to owners automatically through ownership rules on file paths."\n  - "Know which release introduced an issue without opening the deploy log."\n',
    );
    // Hand formatting outside the changed fields: the folded block and single quotes stay as written.
    expect(after).toContain(
      'outcome: >-\n  Most regressions are caught within an hour\n  of the deploy that caused them.\n',
    );
    expect(after).toContain("worldview:\n  - 'If a customer reports an error first");
    expect(after).toContain('composability:   # curated by maintainers\n');
  });

  it('a confirmation changes nothing but the community block', async () => {
    const after = await merge(handWritten, {
      [`${DIR}/a.yaml`]: contribution(
        'persona: sentry-error-monitor',
        'field: goals',
        'action: confirm',
        'author: octocat',
      ),
    });
    expect(after.startsWith(handWritten)).toBe(true);
    expect(after.slice(handWritten.length)).toMatch(/^community:\n {2}confirmations: 1\n/);
  });
});
