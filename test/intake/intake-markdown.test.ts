import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type IntakeLibrary, planIntake } from '../../scripts/plan/intake/plan-intake.ts';
import {
  renderClosedPullComment,
  renderDoneComment,
  renderProblemsComment,
  renderPullBody,
} from '../../scripts/render/intake/intake-markdown.ts';
import { expectGoldenText } from '../helpers/golden.ts';
import { REPO_ROOT } from '../helpers/run-cli.ts';
import { body, issue, loadLibrary } from './intake-helpers.ts';

const EXPECTED = path.join(REPO_ROOT, 'test/fixtures/intake/expected');
const PULL = { number: 100, url: 'https://github.com/persona-library/persona-library/pull/100' };

let library: IntakeLibrary;
beforeAll(async () => {
  library = await loadLibrary();
});

function valid(fixture: string) {
  const plan = planIntake(issue(body(fixture)), library);
  if (plan.kind !== 'valid') throw new Error(`${fixture} should be valid`);
  return plan;
}

describe('the bot’s Markdown (golden files; UPDATE=1 regenerates)', () => {
  it('pull request body of a correction', () => {
    expectGoldenText(path.join(EXPECTED, 'pull-body-correct.md'), renderPullBody(valid('valid-correct'), 12));
  });

  it('pull request body of hostile text', () => {
    expectGoldenText(path.join(EXPECTED, 'pull-body-hostile.md'), renderPullBody(valid('hostile-text'), 12));
  });

  it('comment with the pull request link', () => {
    expectGoldenText(path.join(EXPECTED, 'comment-done.md'), renderDoneComment(valid('valid-extend'), PULL));
  });

  it('comment with what to fix', () => {
    const plan = planIntake(issue(body('missing-fields')), library);
    expect(plan.kind).toBe('invalid');
    if (plan.kind !== 'invalid') return;
    expectGoldenText(path.join(EXPECTED, 'comment-problems.md'), renderProblemsComment(plan.problems, PULL));
  });

  it('comment for a closed pull request', () => {
    expectGoldenText(
      path.join(EXPECTED, 'comment-closed.md'),
      renderClosedPullComment({ ...PULL, merged: false }),
    );
  });
});
