import { CONTRIBUTION_LABEL } from '../core/contribute-form.ts';

export interface IssueFacts {
  number: number;
  /** The issue author's login: credited as the contribution's author. */
  author: string;
  /** `created_at`: its UTC date names the file, so a re-run on an edit names the same file. */
  createdAt: string;
  body: string;
}

export interface IssueEvent {
  action: string;
  issue: IssueFacts;
  state: string;
  labels: string[];
  defaultBranch: string;
}

export type IssueEventRead =
  | { ok: true; event: IssueEvent }
  | { ok: false; problem: string }
  | { ok: 'skip'; reason: string };

const BRANCH = /^[A-Za-z0-9._/-]{1,200}$/;

/**
 * The `issues` event GitHub wrote for this run. GitHub fills every field; only the body (and title) are the
 * author's words. Anything but an open, `contribution`-labelled issue that was opened or edited is skipped,
 * whatever the workflow's own `if:` said.
 */
export function readIssueEvent(payload: unknown): IssueEventRead {
  const event = record(payload);
  const issue = record(event.issue);
  const repository = record(event.repository);
  const action = event.action;
  const number = issue.number;
  const login = record(issue.user).login;
  const createdAt = issue.created_at;
  const defaultBranch = repository.default_branch;
  if (typeof action !== 'string' || !Number.isInteger(number) || (number as number) < 1)
    return { ok: false, problem: 'the event is not an issues event (no action or issue number)' };
  if (typeof login !== 'string' || typeof createdAt !== 'string')
    return { ok: false, problem: `issue #${number} has no author or creation time in the event` };
  if (typeof defaultBranch !== 'string' || !BRANCH.test(defaultBranch))
    return { ok: false, problem: 'the event has no usable repository default branch' };
  const labels = (Array.isArray(issue.labels) ? issue.labels : [])
    .map((l) => record(l).name)
    .filter((name): name is string => typeof name === 'string');
  if (action !== 'opened' && action !== 'edited')
    return { ok: 'skip', reason: `the issue was ${action}; only opened and edited issues are read` };
  if (issue.pull_request !== undefined) return { ok: 'skip', reason: `#${number} is a pull request` };
  if (issue.state !== 'open') return { ok: 'skip', reason: `issue #${number} is closed` };
  if (!labels.includes(CONTRIBUTION_LABEL))
    return { ok: 'skip', reason: `issue #${number} has no \`${CONTRIBUTION_LABEL}\` label` };
  return {
    ok: true,
    event: {
      action,
      issue: {
        number: number as number,
        author: login,
        createdAt,
        body: typeof issue.body === 'string' ? issue.body : '',
      },
      state: issue.state,
      labels,
      defaultBranch,
    },
  };
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}
