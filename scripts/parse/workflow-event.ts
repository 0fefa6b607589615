/**
 * The few facts the bot's steps read from the event payload GitHub wrote for their run (`GITHUB_EVENT_PATH`).
 * The payload is data from GitHub, but read defensively: a field of the wrong type reads as absent.
 */

const stringOrNull = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** The commits of a `pull_request` event: the head checked, and the base it is compared with. */
export interface PullRequestCommits {
  headSha: string | null;
  baseSha: string | null;
  /** The base branch's name, for "already on `main`". */
  baseRef: string | null;
}

export function pullRequestCommits(payload: unknown): PullRequestCommits {
  const pr = (
    payload as { pull_request?: { head?: { sha?: unknown }; base?: { sha?: unknown; ref?: unknown } } }
  )?.pull_request;
  return {
    headSha: stringOrNull(pr?.head?.sha),
    baseSha: stringOrNull(pr?.base?.sha),
    baseRef: stringOrNull(pr?.base?.ref),
  };
}

/** The commit a comment run is about: a `workflow_run`'s head, or a `pull_request`'s head. */
export function eventHeadSha(eventName: string, payload: unknown): string | null {
  const event = payload as {
    workflow_run?: { head_sha?: unknown };
    pull_request?: { head?: { sha?: unknown } };
  };
  return stringOrNull(
    eventName === 'workflow_run' ? event?.workflow_run?.head_sha : event?.pull_request?.head?.sha,
  );
}

/** The id of the run a `workflow_run` event is about (the validate run with the job summary), else null. */
export function workflowRunId(eventName: string, payload: unknown): string | null {
  const id = (payload as { workflow_run?: { id?: unknown } })?.workflow_run?.id;
  return eventName === 'workflow_run' && typeof id === 'number' && Number.isInteger(id) ? String(id) : null;
}
