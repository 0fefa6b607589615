import { describe, expect, it } from 'vitest';
import { problemText } from '../../scripts/core/form-problem.ts';
import { MAX_BODY_LENGTH, parseIssueForm } from '../../scripts/parse/parse-issue-form.ts';
import { body } from './intake-helpers.ts';

describe('parseIssueForm', () => {
  it('reads each `### Label` section GitHub renders, with _No response_ as empty', () => {
    expect(parseIssueForm(body('valid-extend'))).toEqual({
      answers: {
        persona: 'The PagerDuty On-Call Engineer (APP-107)',
        field: 'Frustrations',
        action: 'Extend',
        item: '',
        text: 'Pages for a flapping check that resolves itself before anyone can open the laptop.',
        rationale: 'Half our night pages last year were like this.',
        evidence: '',
      },
      problems: [],
    });
  });

  it('keeps a heading that is not a form label inside the answer', () => {
    const { answers, problems } = parseIssueForm(
      body('valid-extend').replace('Half our night', '### Context\n\nMore detail.\n\nHalf our night'),
    );
    expect(problems).toEqual([]);
    expect(answers.rationale).toBe(
      '### Context\n\nMore detail.\n\nHalf our night pages last year were like this.',
    );
  });

  it('refuses a form label repeated as a heading inside an answer, and trusts neither copy', () => {
    const { answers, problems } = parseIssueForm(body('hostile-injected-heading'));
    expect(problems.map((p) => p.field)).toEqual(['persona']);
    expect(answers.persona).toBeUndefined();
  });

  it('drops bidi and control characters, and reads CRLF and a BOM', () => {
    const { answers } = parseIssueForm(
      `\uFEFF### Persona\r\n\r\nThe Sentry\u202e Error Monitor\u0007 (APP-101)\r\n\r\n### Field\r\n\r\nGoals`,
    );
    expect(answers).toEqual({ persona: 'The Sentry Error Monitor (APP-101)', field: 'Goals' });
  });

  it('says when the issue was not written with the form', () => {
    const { problems } = parseIssueForm(body('not-a-form'));
    expect(problems.map(problemText)).toEqual([
      'This issue was not written with the contribution form, so there is nothing to read. Open a new issue with the **Contribute to a persona** form.',
    ]);
    expect(parseIssueForm(null).problems).toHaveLength(1);
  });

  it('does not read a body longer than GitHub allows', () => {
    const { answers, problems } = parseIssueForm(`### Persona\n\n${'x'.repeat(MAX_BODY_LENGTH)}`);
    expect(answers).toEqual({});
    expect(problems).toHaveLength(1);
  });

  it('reads a 60,000-line body of headings in linear time (finishes)', () => {
    const lines = Array.from({ length: 60_000 }, (_, i) => (i % 2 ? '### Not a label' : '#'.repeat(3))).join(
      '\n',
    );
    expect(parseIssueForm(lines.slice(0, MAX_BODY_LENGTH)).problems).toHaveLength(1);
  });
});
