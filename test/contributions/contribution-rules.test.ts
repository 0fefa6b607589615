import { describe, expect, it } from 'vitest';
import { RULE_IDS } from '../../scripts/core/rules.ts';
import { marked } from '../helpers/check-in-memory.ts';
import { checkInMemory, contribution, fixturePersonas } from './contribution-helpers.ts';
import { CONTRIBUTION_RULE_CASES } from './contribution-rule-cases.ts';

const DIR = 'contributions/sentry-error-monitor';

describe('valid contributions', () => {
  it('pass every rule: a confirm, a correct and an extend, by slug and by id', () => {
    const diagnostics = checkInMemory({
      ...fixturePersonas(),
      [`${DIR}/2026-11-05-hubot-aha-moment.yaml`]: contribution(
        'persona: sentry-error-monitor',
        'field: aha_moment',
        'action: confirm',
        'author: hubot',
      ),
      [`${DIR}/2026-11-06-monalisa-goals.yaml`]: contribution(
        'persona: APP-101',
        'field: goals',
        'action: correct',
        'item: 2',
        'value: "Read stack traces in the original TypeScript, with source maps uploaded on every build."',
        'original: "Read stack traces in the original TypeScript thanks to source maps."',
        'author: monalisa',
        'rationale: "The upload step is what they actually care about."',
        'evidence: https://docs.sentry.io/platforms/javascript/sourcemaps/',
      ),
      [`${DIR}/2026-11-07-octocat-frustrations.yaml`]: contribution(
        'persona: sentry-error-monitor',
        'field: frustrations',
        'action: extend',
        'value: "Alert rules that cannot tell a new issue from a regression."',
        'author: octocat',
      ),
    });
    expect(diagnostics).toEqual([]);
  });
});

describe.each(CONTRIBUTION_RULE_CASES)('$rule: $name', (testCase) => {
  it('is reported at the offending node', () => {
    const files: Record<string, string | Uint8Array> = { ...fixturePersonas() };
    let expected = testCase.at;
    for (const [file, content] of Object.entries(testCase.files)) {
      if (typeof content === 'string' && content.includes('«')) {
        const m = marked(content);
        files[file] = m.text;
        expected = { line: m.line, column: m.column };
      } else files[file] = content;
    }
    const diagnostics = checkInMemory(files);
    const match = diagnostics.find((d) => d.rule === testCase.rule && d.file === testCase.file);
    expect(match, JSON.stringify(diagnostics, null, 1)).toBeDefined();
    expect({ line: match?.line, column: match?.column }).toEqual(expected);
    expect(match?.severity).toBe(testCase.severity ?? 'error');
    expect(match?.message.length).toBeGreaterThan(10);
    expect(match?.hint.length).toBeGreaterThan(5);
    expect(match?.url).toMatch(/README\.md#contribution|README\.md#/);
    if (testCase.suggests) expect(match?.hint).toContain(`\`${testCase.suggests}\``);
    for (const d of diagnostics)
      expect(`${d.message} ${d.hint}`).not.toMatch(
        /must NOT|must match "then"|instancePath|\^\[|additionalProperties/,
      );
  });
});

describe('specific messages', () => {
  it('a stale correction shows the current text in its hint', () => {
    const diagnostics = checkInMemory({
      ...fixturePersonas(),
      [`${DIR}/a.yaml`]: contribution(
        'persona: sentry-error-monitor',
        'field: frustrations',
        'action: correct',
        'item: 3',
        'value: "New."',
        'original: "Old."',
        'author: octocat',
        'rationale: "Because."',
      ),
    });
    const stale = diagnostics.find((d) => d.rule === 'contribution/stale-original');
    expect(stale?.hint).toContain('Crawler and browser-extension noise eating the monthly error quota.');
  });

  it('a protected field replaces the schema’s list of allowed fields', () => {
    const diagnostics = checkInMemory({
      ...fixturePersonas(),
      [`${DIR}/a.yaml`]: contribution(
        'persona: sentry-error-monitor',
        'field: slug',
        'action: confirm',
        'author: octocat',
      ),
    });
    expect(diagnostics.map((d) => d.rule)).toEqual(['contribution/protected-field']);
  });

  it('a correction missing its keys names each one, without the if/then noise', () => {
    const diagnostics = checkInMemory({
      ...fixturePersonas(),
      [`${DIR}/a.yaml`]: contribution(
        'persona: sentry-error-monitor',
        'field: aha_moment',
        'action: correct',
        'author: octocat',
      ),
    });
    expect(diagnostics.map((d) => [d.rule, /`(\w+)`/.exec(d.message)?.[1]])).toEqual([
      ['schema/missing-key', 'original'],
      ['schema/missing-key', 'rationale'],
      ['schema/missing-key', 'value'],
    ]);
  });

  it('a misplaced contribution and a missing modeline do not hide the content checks', () => {
    const diagnostics = checkInMemory({
      ...fixturePersonas(),
      [`${DIR}/a.yaml`]:
        'persona: sentry-error-monitor\nfield: goals\naction: confirm\nitem: 7\nauthor: octocat\n',
    });
    expect(diagnostics.map((d) => d.rule).sort()).toEqual([
      'contribution/item-out-of-range',
      'file/missing-modeline',
    ]);
  });
});

describe('rule coverage', () => {
  it('has a failing case for every contribution rule', () => {
    const covered = new Set(CONTRIBUTION_RULE_CASES.map((c) => c.rule));
    expect(RULE_IDS.filter((r) => r.startsWith('contribution/') && !covered.has(r))).toEqual([]);
  });
});
