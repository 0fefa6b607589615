import { appendFile } from 'node:fs/promises';
import { explainGitHubError } from '../github/explain-github-error.ts';
import { createGitHubClient } from '../github/github-client.ts';
import { readIssueEvent } from '../parse/issue-event.ts';
import { planIssueIntake } from '../pipeline/plan-issue-intake.ts';
import { INTAKE_COMMENT_MARKER } from '../render/intake/intake-markdown.ts';
import {
  intakeOutcomeLine,
  renderIntakePlanText,
  withIntakeSettingsHint,
} from '../render/intake/intake-text.ts';
import { readActionsEnv, readEventPayload } from './actions-env.ts';
import { carryOutIntake } from './carry-out-intake.ts';

export interface IntakeIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
  /** The library root: the default branch's checkout. */
  root: string;
}

/** Exit codes: 0 handled (a pull request, a comment with fixes, or nothing to do); 1 event refused; 2 failure. */
export const INTAKE_EXIT = { ok: 0, refused: 1, failed: 2 } as const;

/**
 * `persona intake --event <file>`: the intake workflow's step. Reads the `issues` event, turns the form into
 * a contribution checked against the default branch's library, and then either comments with what to fix
 * (and labels the issue `needs-fix`) or writes the branch, opens or updates the one pull request, and
 * comments with its link. `dryRun` stops after the decision and prints it, with no token and no API call.
 */
export async function runIntake(
  eventPath: string,
  io: IntakeIo,
  options: { dryRun: boolean },
): Promise<number> {
  const fail = (code: number, line: string) => {
    io.stderr(`persona intake: ${line}\n`);
    return code;
  };
  const payload = await readEventPayload(eventPath);
  if (!payload.ok) return fail(INTAKE_EXIT.failed, payload.problem);
  const read = readIssueEvent(payload.payload);
  if (read.ok === 'skip') {
    io.stdout(`persona intake: nothing to do: ${read.reason}.\n`);
    return INTAKE_EXIT.ok;
  }
  if (!read.ok) return fail(INTAKE_EXIT.refused, `refusing the event: ${read.problem}`);
  const event = read.event;

  const plan = await planIssueIntake(io.root, event.issue);
  if (options.dryRun) {
    io.stdout(renderIntakePlanText(plan, event.issue.number));
    return plan.kind === 'invalid' ? INTAKE_EXIT.refused : INTAKE_EXIT.ok;
  }

  const envRead = readActionsEnv({
    ...io.env,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_EVENT_NAME: io.env.GITHUB_EVENT_NAME || 'issues',
  });
  if (!envRead.ok) return fail(INTAKE_EXIT.failed, envRead.problem);
  const env = envRead.env;
  const client = createGitHubClient({
    token: env.token,
    baseUrl: env.apiUrl,
    retryBaseMs: env.retryBaseMs,
    log: (line) => io.stderr(`persona intake: ${line}\n`),
  });
  const repo = { owner: env.owner, repo: env.repo };
  const sticky = {
    ...repo,
    issueNumber: event.issue.number,
    botLogin: env.botLogin,
    marker: INTAKE_COMMENT_MARKER,
  };
  try {
    const done = intakeOutcomeLine(await carryOutIntake(client, repo, sticky, event, plan));
    io.stdout(`persona intake: ${done}\n`);
    if (env.stepSummary) await appendFile(env.stepSummary, `Persona intake: ${done}\n`);
    return INTAKE_EXIT.ok;
  } catch (error) {
    return fail(INTAKE_EXIT.failed, withIntakeSettingsHint(explainGitHubError(error)));
  }
}
