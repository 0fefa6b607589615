import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { mergeLibrary } from '../../scripts/pipeline/merge-library.ts';
import {
  contribution,
  FIXTURE_LIBRARY,
  MONITOR,
  replaceField,
  snapshot,
  writeFiles,
} from '../contributions/contribution-helpers.ts';
import { scratchLibrary } from '../helpers/run-cli.ts';

const DIR = 'contributions/sentry-error-monitor';
let cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups) cleanup();
  cleanups = [];
});

function library(files: Record<string, string>): string {
  const { root, cleanup } = scratchLibrary(FIXTURE_LIBRARY);
  cleanups.push(cleanup);
  writeFiles(root, files);
  return root;
}

function persona(root: string, file = MONITOR): Record<string, unknown> {
  return parse(readFileSync(path.join(root, file), 'utf8')) as Record<string, unknown>;
}

const original = parse(readFileSync(path.join(FIXTURE_LIBRARY, MONITOR), 'utf8')) as Record<string, string[]>;

interface ActionCase {
  name: string;
  lines: string[];
  field: string;
  expected: unknown;
  counts: { confirmed: number; corrected: number; extended: number };
  item: number | null;
}

const ACTION_CASES: ActionCase[] = [
  {
    name: 'confirm a text field',
    lines: ['field: aha_moment', 'action: confirm'],
    field: 'aha_moment',
    expected: original.aha_moment,
    counts: { confirmed: 1, corrected: 0, extended: 0 },
    item: null,
  },
  {
    name: 'confirm a whole list field',
    lines: ['field: goals', 'action: confirm'],
    field: 'goals',
    expected: original.goals,
    counts: { confirmed: 1, corrected: 0, extended: 0 },
    item: null,
  },
  {
    name: 'confirm one list item',
    lines: ['field: worldview', 'action: confirm', 'item: 2'],
    field: 'worldview',
    expected: original.worldview,
    counts: { confirmed: 1, corrected: 0, extended: 0 },
    item: 2,
  },
  {
    name: 'correct a text field',
    lines: [
      'field: outcome',
      'action: correct',
      'value: "Most regressions are caught within an hour of the deploy that caused them."',
      `original: ${JSON.stringify(original.outcome)}`,
      'rationale: "The second sentence describes a habit, not an outcome."',
      'evidence: https://example.com/postmortems/2026-10',
    ],
    field: 'outcome',
    expected: 'Most regressions are caught within an hour of the deploy that caused them.',
    counts: { confirmed: 0, corrected: 1, extended: 0 },
    item: null,
  },
  {
    name: 'correct one list item',
    lines: [
      'field: frustrations',
      'action: correct',
      'item: 1',
      'value: "Source maps that fail to upload for one build, leaving a day of minified frames."',
      `original: ${JSON.stringify(original.frustrations?.[0])}`,
      'rationale: "It is usually one build, noticed within a day."',
    ],
    field: 'frustrations',
    expected: [
      'Source maps that fail to upload for one build, leaving a day of minified frames.',
      ...(original.frustrations ?? []).slice(1),
    ],
    counts: { confirmed: 0, corrected: 1, extended: 0 },
    item: 1,
  },
  {
    name: 'extend a list field',
    lines: [
      'field: impact',
      'action: extend',
      'value: "Quota alerts per project would stop one noisy app starving the rest."',
    ],
    field: 'impact',
    expected: [
      ...(original.impact ?? []),
      'Quota alerts per project would stop one noisy app starving the rest.',
    ],
    counts: { confirmed: 0, corrected: 0, extended: 1 },
    item: 4,
  },
];

/** The history entry a case's contribution leaves, from its lines. */
function historyEntryOf(testCase: ActionCase, date: string): Record<string, unknown> {
  const value = (key: string) => {
    const line = testCase.lines.find((l) => l.startsWith(`${key}: `));
    if (!line) return undefined;
    const raw = line.slice(key.length + 2);
    return raw.startsWith('"') ? JSON.parse(raw) : raw;
  };
  const entry: Record<string, unknown> = {
    date,
    author: 'octocat',
    action: value('action'),
    field: testCase.field,
  };
  if (testCase.item !== null) entry.item = testCase.item;
  if (value('rationale') !== undefined) entry.rationale = value('rationale');
  if (value('evidence') !== undefined) entry.evidence = value('evidence');
  return entry;
}

describe.each(ACTION_CASES)('merge: $name', (testCase) => {
  it('changes the field, records provenance and removes the contribution', async () => {
    const file = `${DIR}/2026-11-10-octocat-x.yaml`;
    const root = library({
      [file]: contribution('persona: sentry-error-monitor', ...testCase.lines, 'author: octocat'),
    });
    const { plan } = await mergeLibrary(root, { dryRun: false, date: null });
    expect(plan.conflicts).toEqual([]);
    expect(plan.applied.map((a) => [a.file, a.field, a.action, a.item])).toEqual([
      [file, testCase.field, testCase.lines[1]?.replace('action: ', ''), testCase.item],
    ]);
    const after = persona(root);
    expect(after[testCase.field]).toEqual(testCase.expected);
    expect(after.community).toEqual({
      confirmations: testCase.counts.confirmed,
      contributors: ['octocat'],
      last_reviewed: '2026-11-10',
      fields: {
        [testCase.field]: {
          ...testCase.counts,
          contributors: ['octocat'],
          ...(testCase.counts.confirmed > 0 ? { confirmed_by: ['octocat'] } : {}),
          last_reviewed: '2026-11-10',
        },
      },
      // The history keeps who, what, which item, why and the evidence, word for word, in canonical key order.
      history: [historyEntryOf(testCase, '2026-11-10')],
    });
    const text = readFileSync(path.join(root, MONITOR), 'utf8');
    const entry = text.slice(text.indexOf('  history:'));
    const keys = [...entry.matchAll(/^ {4}[- ] {1}([a-z_]+):/gm)].map((m) => m[1]);
    expect(keys).toEqual(Object.keys(historyEntryOf(testCase, '2026-11-10')));
    // Every other key is untouched.
    for (const key of Object.keys(original))
      if (key !== testCase.field) expect(after[key]).toEqual(original[key]);
    expect(
      Object.keys(snapshot(root)).filter((f) => f.startsWith('contributions/') && f.endsWith('.yaml')),
    ).toEqual([]);
  });
});

describe('provenance across several contributions', () => {
  it('sums confirmations, sorts logins by code point and keeps the latest date', async () => {
    const root = library({
      [`${DIR}/2026-11-03-zed-goals.yaml`]: contribution(
        'persona: sentry-error-monitor',
        'field: goals',
        'action: confirm',
        'author: zed',
      ),
      [`${DIR}/2026-11-21-Alice-goals.yaml`]: contribution(
        'persona: APP-101',
        'field: goals',
        'action: confirm',
        'item: 1',
        'author: Alice',
      ),
      [`${DIR}/2026-11-09-bob-context.yaml`]: contribution(
        'persona: sentry-error-monitor',
        'field: context',
        'action: confirm',
        'author: bob',
      ),
      [`${DIR}/undated-carol-goals.yaml`]: contribution(
        'persona: sentry-error-monitor',
        'field: goals',
        'action: extend',
        'value: "See which customers an issue affects before replying to support."',
        'author: carol',
      ),
    });
    const { plan } = await mergeLibrary(root, { dryRun: false, date: null });
    expect(plan.conflicts).toEqual([]);
    expect(plan.applied.map((a) => a.file)).toEqual([
      `${DIR}/2026-11-03-zed-goals.yaml`,
      `${DIR}/2026-11-09-bob-context.yaml`,
      `${DIR}/2026-11-21-Alice-goals.yaml`,
      `${DIR}/undated-carol-goals.yaml`,
    ]);
    expect(persona(root).community).toEqual({
      confirmations: 3,
      contributors: ['Alice', 'bob', 'carol', 'zed'],
      last_reviewed: '2026-11-21',
      fields: {
        goals: {
          confirmed: 2,
          corrected: 0,
          extended: 1,
          contributors: ['Alice', 'carol', 'zed'],
          confirmed_by: ['Alice', 'zed'],
          last_reviewed: '2026-11-21',
        },
        context: {
          confirmed: 1,
          corrected: 0,
          extended: 0,
          contributors: ['bob'],
          confirmed_by: ['bob'],
          last_reviewed: '2026-11-09',
        },
      },
      // Appended in the order applied (file-path order); an undated contribution has no date.
      history: [
        { date: '2026-11-03', author: 'zed', action: 'confirm', field: 'goals' },
        { date: '2026-11-09', author: 'bob', action: 'confirm', field: 'context' },
        { date: '2026-11-21', author: 'Alice', action: 'confirm', field: 'goals', item: 1 },
        { author: 'carol', action: 'extend', field: 'goals', item: 4 },
      ],
    });
  });

  it('appends to the history a persona already has, never rewriting it', async () => {
    const root = library({
      [`${DIR}/2026-11-03-zed-goals.yaml`]: contribution(
        'persona: sentry-error-monitor',
        'field: goals',
        'action: confirm',
        'author: zed',
        'rationale: "Matches my week."',
      ),
    });
    await mergeLibrary(root, { dryRun: false, date: null });
    writeFiles(root, {
      [`${DIR}/2026-11-04-amy-goals.yaml`]: contribution(
        'persona: sentry-error-monitor',
        'field: goals',
        'action: confirm',
        'author: amy',
      ),
    });
    await mergeLibrary(root, { dryRun: false, date: null });
    expect((persona(root).community as { history: unknown }).history).toEqual([
      { date: '2026-11-03', author: 'zed', action: 'confirm', field: 'goals', rationale: 'Matches my week.' },
      { date: '2026-11-04', author: 'amy', action: 'confirm', field: 'goals' },
    ]);
  });

  it('--date replaces every file-name date; with no date at all, last_reviewed is left out', async () => {
    const dated = library({
      [`${DIR}/2026-11-03-zed-goals.yaml`]: contribution(
        'persona: sentry-error-monitor',
        'field: goals',
        'action: confirm',
        'author: zed',
      ),
    });
    await mergeLibrary(dated, { dryRun: false, date: '2026-12-01' });
    expect((persona(dated).community as { last_reviewed: string }).last_reviewed).toBe('2026-12-01');

    const undated = library({
      [`${DIR}/zed-goals.yaml`]: contribution(
        'persona: sentry-error-monitor',
        'field: goals',
        'action: confirm',
        'author: zed',
      ),
    });
    await mergeLibrary(undated, { dryRun: false, date: null });
    const community = persona(undated).community as Record<string, unknown>;
    expect(community).not.toHaveProperty('last_reviewed');
    expect(community.fields).toEqual({
      goals: { confirmed: 1, corrected: 0, extended: 0, contributors: ['zed'], confirmed_by: ['zed'] },
    });
  });

  it('adds to an existing community block instead of starting over', async () => {
    const root = library({
      [`${DIR}/2026-11-01-zed-goals.yaml`]: contribution(
        'persona: sentry-error-monitor',
        'field: goals',
        'action: confirm',
        'author: zed',
      ),
    });
    await mergeLibrary(root, { dryRun: false, date: null });
    writeFiles(root, {
      [`${DIR}/2026-11-02-amy-goals.yaml`]: contribution(
        'persona: sentry-error-monitor',
        'field: goals',
        'action: confirm',
        'author: amy',
      ),
    });
    await mergeLibrary(root, { dryRun: false, date: null });
    const community = persona(root).community as {
      confirmations: number;
      fields: { goals: { confirmed_by: string[] } };
    };
    expect(community.confirmations).toBe(2);
    expect(community.fields.goals.confirmed_by).toEqual(['amy', 'zed']);
  });
});

describe('contributions are applied one by one, each checked against the result so far', () => {
  it('of two corrections of the same item, the first applies and the second is stale and stays', async () => {
    const correction = (author: string, value: string) =>
      contribution(
        'persona: sentry-error-monitor',
        'field: frustrations',
        'action: correct',
        'item: 3',
        `value: "${value}"`,
        `original: ${JSON.stringify(original.frustrations?.[2])}`,
        `author: ${author}`,
        'rationale: "Because."',
      );
    const root = library({
      [`${DIR}/2026-11-01-amy.yaml`]: correction('amy', 'Bot noise eats the quota by mid-month.'),
      [`${DIR}/2026-11-02-zed.yaml`]: correction('zed', 'Crawler noise burns the quota.'),
    });
    const { plan } = await mergeLibrary(root, { dryRun: false, date: null });
    expect(plan.applied.map((a) => a.author)).toEqual(['amy']);
    expect(plan.conflicts.map((d) => [d.file, d.rule, d.line])).toEqual([
      [`${DIR}/2026-11-02-zed.yaml`, 'contribution/stale-original', 7],
    ]);
    expect((persona(root).frustrations as string[])[2]).toBe('Bot noise eats the quota by mid-month.');
    expect(Object.keys(snapshot(root))).toContain(`${DIR}/2026-11-02-zed.yaml`);
  });

  it('an extension that would pass the item limit after an earlier one is refused', async () => {
    const eleven = Array.from({ length: 11 }, (_, i) => `  - "Goal number ${i + 1} of many."`).join('\n');
    const root = library({
      [MONITOR]: replaceField(
        readFileSync(path.join(FIXTURE_LIBRARY, MONITOR), 'utf8'),
        'goals',
        `goals:\n${eleven}`,
      ),
      [`${DIR}/a.yaml`]: contribution(
        'persona: sentry-error-monitor',
        'field: goals',
        'action: extend',
        'value: "Twelfth."',
        'author: amy',
      ),
      [`${DIR}/b.yaml`]: contribution(
        'persona: sentry-error-monitor',
        'field: goals',
        'action: extend',
        'value: "Thirteenth."',
        'author: zed',
      ),
    });
    const { plan } = await mergeLibrary(root, { dryRun: false, date: null });
    expect(plan.applied.map((a) => [a.file, a.item])).toEqual([[`${DIR}/a.yaml`, 12]]);
    expect(plan.conflicts.map((d) => [d.file, d.rule])).toEqual([
      [`${DIR}/b.yaml`, 'contribution/breaks-persona'],
    ]);
    expect((persona(root).goals as string[]).length).toBe(12);
  });

  it('a contribution to a persona with errors stays, and other personas still merge', async () => {
    const guardian = 'personas/sentry/sentry-release-guardian.yaml';
    const root = library({
      [guardian]: readFileSync(path.join(FIXTURE_LIBRARY, guardian), 'utf8').replace(
        'category: technical',
        'category: wizardry',
      ),
      'contributions/sentry-release-guardian/a.yaml': contribution(
        'persona: sentry-release-guardian',
        'field: goals',
        'action: confirm',
        'author: amy',
      ),
      [`${DIR}/b.yaml`]: contribution(
        'persona: sentry-error-monitor',
        'field: goals',
        'action: confirm',
        'author: amy',
      ),
    });
    const { plan } = await mergeLibrary(root, { dryRun: false, date: null });
    expect(plan.applied.map((a) => a.file)).toEqual([`${DIR}/b.yaml`]);
    expect(plan.conflicts.map((d) => d.rule)).toEqual(['contribution/persona-has-errors']);
  });
});
