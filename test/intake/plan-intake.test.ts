import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problemText } from '../../scripts/core/form-problem.ts';
import { type IntakeLibrary, planIntake, utcDate } from '../../scripts/plan/intake/plan-intake.ts';
import { scratchLibrary } from '../helpers/run-cli.ts';
import { body, FIXTURE_LIBRARY, issue, loadLibrary } from './intake-helpers.ts';

let library: IntakeLibrary;
/** The fixture library with a pending correction of the same goal on the default branch. */
const PENDING_LIBRARY = scratchLibrary(FIXTURE_LIBRARY);
beforeAll(async () => {
  library = await loadLibrary();
  mkdirSync(path.join(PENDING_LIBRARY.root, 'contributions/sentry-error-monitor'), { recursive: true });
  writeFileSync(
    path.join(PENDING_LIBRARY.root, 'contributions/sentry-error-monitor/2026-11-01-hubot-goals-item-2.yaml'),
    [
      '# yaml-language-server: $schema=../../schemas/contribution.schema.json',
      'persona: sentry-error-monitor',
      'field: goals',
      'action: correct',
      'item: 2',
      'value: "Read stack traces in the original TypeScript."',
      'original: "Read stack traces in the original TypeScript thanks to source maps."',
      'author: hubot',
      'rationale: "Shorter."',
      '',
    ].join('\n'),
  );
});
afterAll(() => PENDING_LIBRARY.cleanup());

/** Each fixture body: the file it becomes, or the form fields (and rules) its problems point at. */
const CASES: Array<{
  fixture: string;
  file?: string;
  problems?: Array<[field: string | null, rule?: string]>;
}> = [
  {
    fixture: 'valid-confirm',
    file: 'contributions/sentry-error-monitor/2026-11-20-octocat-aha-moment-issue-12.yaml',
  },
  {
    fixture: 'valid-correct',
    file: 'contributions/sentry-error-monitor/2026-11-20-octocat-goals-item-2-issue-12.yaml',
  },
  {
    fixture: 'valid-extend',
    file: 'contributions/pagerduty-on-call-engineer/2026-11-20-octocat-frustrations-issue-12.yaml',
  },
  {
    fixture: 'edited-extend',
    file: 'contributions/pagerduty-on-call-engineer/2026-11-20-octocat-frustrations-issue-12.yaml',
  },
  { fixture: 'missing-fields', problems: [['item'], ['text'], ['rationale']] },
  { fixture: 'unknown-persona', problems: [['persona']] },
  { fixture: 'stale-correction', problems: [['text', 'contribution/no-change']] },
  {
    fixture: 'hostile-text',
    file: 'contributions/sentry-error-monitor/2026-11-20-octocat-frustrations-issue-12.yaml',
  },
  { fixture: 'hostile-injected-heading', problems: [['persona']] },
  { fixture: 'hostile-path', problems: [['persona'], ['field']] },
  { fixture: 'not-a-form', problems: [[null]] },
];

describe('planIntake on real-shaped issue-form bodies', () => {
  it.each(CASES)('$fixture', ({ fixture, file, problems }) => {
    const plan = planIntake(issue(body(fixture)), library);
    if (file) {
      expect(plan.kind, plan.kind === 'invalid' ? plan.problems.map(problemText).join('\n') : '').toBe(
        'valid',
      );
      if (plan.kind !== 'valid') return;
      expect(plan.file).toBe(file);
      expect(plan.branch).toBe('contribution/issue-12');
      expect(plan.contribution.author).toBe('octocat');
      expect(
        plan.text.startsWith('# yaml-language-server: $schema=../../schemas/contribution.schema.json\n'),
      ).toBe(true);
    } else {
      expect(plan.kind).toBe('invalid');
      if (plan.kind !== 'invalid') return;
      expect(plan.problems.map((p) => (p.rule ? [p.field, p.rule] : [p.field]))).toEqual(problems);
    }
  });

  it('fills in original for a correction from the current text, whatever the issue says', () => {
    const plan = planIntake(issue(body('valid-correct')), library);
    expect(plan.kind).toBe('valid');
    if (plan.kind !== 'valid') return;
    expect(plan.contribution).toEqual({
      persona: 'sentry-error-monitor',
      field: 'goals',
      action: 'correct',
      item: 2,
      value: 'Read stack traces in the original TypeScript, with source maps uploaded by CI on every build.',
      original: 'Read stack traces in the original TypeScript thanks to source maps.',
      author: 'octocat',
      rationale: 'Uploading source maps by hand is how they go missing; every team I know does it in CI now.',
      evidence: 'https://docs.sentry.io/platforms/javascript/sourcemaps/',
    });
  });

  it('folds the line breaks typed into Text, so an edited issue gives one-paragraph text', () => {
    const plan = planIntake(issue(body('edited-extend')), library);
    expect(plan.kind === 'valid' && plan.contribution.value).toBe(
      'Pages for a flapping check that resolves itself before anyone can even open the laptop, several times a night.',
    );
  });

  it('reads CRLF bodies the same as LF bodies', () => {
    const lf = planIntake(issue(body('valid-correct')), library);
    const crlf = planIntake(issue(body('valid-correct').replace(/\n/g, '\r\n')), library);
    expect(crlf).toEqual(lf);
  });

  it('names the file after the UTC date of created_at, never the clock', () => {
    const late = planIntake(issue(body('valid-extend'), { createdAt: '2026-11-20T23:59:59Z' }), library);
    const next = planIntake(issue(body('valid-extend'), { createdAt: '2026-11-21T00:00:00Z' }), library);
    expect(late.kind === 'valid' && late.file).toMatch(/\/2026-11-20-octocat-frustrations-issue-12\.yaml$/);
    expect(next.kind === 'valid' && next.file).toMatch(/\/2026-11-21-octocat-frustrations-issue-12\.yaml$/);
    expect(utcDate('2026-11-20T22:30:00-05:00')).toBe('2026-11-21');
    expect(utcDate('yesterday')).toBeNull();
  });

  it('lowercases the login in the file name and keeps it as written in the file', () => {
    const plan = planIntake(issue(body('valid-extend'), { author: 'Mona-Lisa' }), library);
    expect(plan.kind === 'valid' && plan.file).toMatch(/-mona-lisa-frustrations-issue-12\.yaml$/);
    expect(plan.kind === 'valid' && plan.contribution.author).toBe('Mona-Lisa');
  });

  it('refuses an author that is not a user login (a bot)', () => {
    const plan = planIntake(issue(body('valid-extend'), { author: 'dependabot[bot]' }), library);
    expect(plan.kind === 'invalid' && plan.problems.map((p) => p.field)).toEqual(['author']);
  });

  it('takes a free name when the default branch already has one', async () => {
    const taken = {
      ...library,
      contributions: [
        {
          file: 'contributions/pagerduty-on-call-engineer/2026-11-20-octocat-frustrations-issue-12.yaml',
          folder: 'pagerduty-on-call-engineer',
          fileDate: '2026-11-20',
          contribution: null,
          places: {},
          diagnostics: [],
        },
      ],
    };
    const plan = planIntake(issue(body('valid-extend')), taken);
    expect(plan.kind === 'valid' && plan.file).toBe(
      'contributions/pagerduty-on-call-engineer/2026-11-20-octocat-frustrations-issue-12-2.yaml',
    );
  });

  it('names the file after the issue, so two issues by one person for one field on one day never collide', () => {
    const first = planIntake(issue(body('valid-extend'), { number: 31 }), library);
    const second = planIntake(issue(body('valid-extend'), { number: 32 }), library);
    expect(first.kind === 'valid' && first.file).toMatch(/-frustrations-issue-31\.yaml$/);
    expect(second.kind === 'valid' && second.file).toMatch(/-frustrations-issue-32\.yaml$/);
  });

  it.each([
    ['its slug', 'pagerduty-on-call-engineer'],
    ['its slug, in capitals', 'PagerDuty-On-Call-Engineer'],
    ['its id, in lower case', 'app-107'],
    ['its title, with odd spacing and case', '  the pagerduty   on-call ENGINEER '],
    ['a catalogue link’s label', 'The PagerDuty On-Call Engineer (APP-107)'],
    ['an old label whose id is unknown, by its title', 'The PagerDuty On-Call Engineer (APP-999)'],
  ])('finds the persona by %s', (_, typed) => {
    const plan = planIntake(
      issue(body('valid-extend').replace(/### Persona\n\n[^\n]*/, `### Persona\n\n${typed}`)),
      library,
    );
    expect(plan.kind === 'valid' && plan.target.slug).toBe('pagerduty-on-call-engineer');
  });

  it.each([
    ['a misspelt slug', 'pagerduty-on-cal-engineer', 'Did you mean `pagerduty-on-call-engineer`?'],
    ['a misspelt title', 'The PagerDuty OnCall Engineer', 'Did you mean `The PagerDuty On-Call Engineer`?'],
  ])('suggests the persona for %s', (_, typed, suggestion) => {
    const plan = planIntake(
      issue(body('valid-extend').replace(/### Persona\n\n[^\n]*/, `### Persona\n\n${typed}`)),
      library,
    );
    expect(plan.kind === 'invalid' && plan.problems.map((p) => p.field)).toEqual(['persona']);
    expect(plan.kind === 'invalid' && problemText(plan.problems[0] as never)).toContain(suggestion);
  });

  it('says what to fix in the form’s words, not the file’s keys', () => {
    const plan = planIntake(issue(body('missing-fields')), library);
    expect(plan.kind).toBe('invalid');
    if (plan.kind !== 'invalid') return;
    const text = plan.problems.map(problemText);
    expect(text).toContain('The **Text** field is empty: **Correct** needs the text as it should read.');
    expect(text.join('\n')).toMatch(/The \*\*Rationale\*\* field is empty/);
    expect(text.join('\n')).not.toMatch(/`value`|`original`|`item`/);
  });

  it('suggests the closest persona for an unknown one', () => {
    const plan = planIntake(issue(body('unknown-persona')), library);
    expect(plan.kind === 'invalid' && problemText(plan.problems[0] as never)).toContain(
      'Did you mean `The Sentry Error Monitor (APP-101)`?',
    );
  });

  it('translates a contribution rule that the form cannot check itself (an item already there)', () => {
    const duplicate = body('valid-extend').replace(
      /### Text\n\n[^\n]+/,
      '### Text\n\nflapping monitors that resolve and retrigger, opening five incidents in twenty minutes!',
    );
    const plan = planIntake(issue(duplicate), library);
    expect(plan.kind).toBe('invalid');
    if (plan.kind !== 'invalid') return;
    expect(plan.problems.map((p) => [p.field, p.rule])).toEqual([['text', 'contribution/duplicate-item']]);
    expect(problemText(plan.problems[0] as never)).toBe(
      '**Frustrations** of `pagerduty-on-call-engineer` already has this text as item 2. To support that item, choose **Confirm** with its **Item number** instead.',
    );
  });

  it('keeps a warning about a pending contribution as a note, and still plans the pull request', async () => {
    const pending = await loadLibrary(PENDING_LIBRARY.root);
    const plan = planIntake(issue(body('valid-correct')), pending);
    expect(plan.kind).toBe('valid');
    if (plan.kind !== 'valid') return;
    expect(plan.warnings.map((w) => [w.field, w.rule])).toEqual([
      ['field', 'contribution/conflicting-corrections'],
    ]);
  });
});

describe('combinations of action, field and item, in the form’s words', () => {
  const form = (fields: Record<string, string>) =>
    Object.entries({
      Persona: 'The Sentry Error Monitor (APP-101)',
      Field: 'Goals',
      Action: 'Confirm',
      'Item number': '_No response_',
      Text: '_No response_',
      Rationale: '_No response_',
      'Evidence link': '_No response_',
      ...fields,
    })
      .map(([label, value]) => `### ${label}\n\n${value}`)
      .join('\n\n');

  it.each<[Record<string, string>, string[]]>([
    [{ Field: 'Aha moment', Action: 'Extend', Text: 'More.' }, ['action']],
    [{ Field: 'Aha moment', 'Item number': '2' }, ['item']],
    [{ Action: 'Extend', 'Item number': '2', Text: 'A new goal for the list.' }, ['item']],
    [{ Action: 'Correct', Text: 'New words.', Rationale: 'Why.' }, ['item']],
    [{ 'Item number': '9' }, ['item']],
    [{ 'Item number': 'two' }, ['item']],
    [{ Text: 'I agree.' }, ['text']],
    [{ Action: 'Extend' }, ['text']],
    [{ Field: 'Goalz' }, ['field']],
    [{ Action: 'Remove' }, ['action']],
    [{ Persona: '' }, ['persona']],
    [{ 'Evidence link': 'not a link' }, ['evidence']],
    [{ Action: 'Extend', Text: 'x'.repeat(401) }, ['text']],
  ])('%o → problems at %o', (fields, expected) => {
    const plan = planIntake(issue(form(fields)), library);
    expect(plan.kind === 'invalid' && plan.problems.map((p) => p.field)).toEqual(expected);
  });

  it.each<Record<string, string>>([
    { 'Item number': '2' },
    { 'Item number': '#2' },
    { Field: 'goals', Action: 'confirm' },
    { Persona: 'sentry-error-monitor' },
    { Persona: 'APP-101' },
    { Field: 'aha_moment' },
  ])('%o is read', (fields) => {
    expect(planIntake(issue(form(fields)), library).kind).toBe('valid');
  });
});
