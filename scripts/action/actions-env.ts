import { readFile } from 'node:fs/promises';

/** The standard GitHub Actions environment that the bot reads, checked. */
export interface ActionsEnv {
  apiUrl: string;
  serverUrl: string;
  token: string;
  owner: string;
  repo: string;
  eventName: string;
  eventPath: string;
  stepSummary: string | null;
  runId: string | null;
  /** The login the bot's comments are posted as. */
  botLogin: string;
  /** Milliseconds per unit of retry back-off; see createGitHubClient. */
  retryBaseMs: number;
}

export const DEFAULT_BOT_LOGIN = 'github-actions[bot]';
const MAX_EVENT_BYTES = 25 * 1024 * 1024;

export type EnvRead = { ok: true; env: ActionsEnv } | { ok: false; problem: string };

export function readActionsEnv(env: Record<string, string | undefined>): EnvRead {
  const missing = ['GITHUB_TOKEN', 'GITHUB_REPOSITORY', 'GITHUB_EVENT_NAME', 'GITHUB_EVENT_PATH'].filter(
    (k) => !env[k],
  );
  if (missing.length > 0) {
    return {
      ok: false,
      problem: `${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not set; run this from a GitHub Actions workflow step (and pass GITHUB_TOKEN through env:)`,
    };
  }
  const repository = env.GITHUB_REPOSITORY as string;
  const match = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(repository);
  if (!match)
    return { ok: false, problem: `GITHUB_REPOSITORY must be owner/repo; got "${repository.slice(0, 100)}"` };
  const apiUrl = env.GITHUB_API_URL || 'https://api.github.com';
  const serverUrl = env.GITHUB_SERVER_URL || 'https://github.com';
  for (const [name, value] of [
    ['GITHUB_API_URL', apiUrl],
    ['GITHUB_SERVER_URL', serverUrl],
  ] as const) {
    if (!/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/.test(value)) {
      return { ok: false, problem: `${name} must be an http(s) URL; got "${value.slice(0, 100)}"` };
    }
  }
  const retryBase = Number(env.PERSONA_GITHUB_RETRY_BASE_MS ?? '1000');
  return {
    ok: true,
    env: {
      apiUrl,
      serverUrl: serverUrl.replace(/\/+$/, ''),
      token: env.GITHUB_TOKEN as string,
      owner: match[1] as string,
      repo: match[2] as string,
      eventName: env.GITHUB_EVENT_NAME as string,
      eventPath: env.GITHUB_EVENT_PATH as string,
      stepSummary: env.GITHUB_STEP_SUMMARY || null,
      runId: env.GITHUB_RUN_ID && /^\d+$/.test(env.GITHUB_RUN_ID) ? env.GITHUB_RUN_ID : null,
      botLogin: env.PERSONA_BOT_LOGIN || DEFAULT_BOT_LOGIN,
      retryBaseMs: Number.isFinite(retryBase) && retryBase >= 0 && retryBase <= 60_000 ? retryBase : 1000,
    },
  };
}

/** The event payload GitHub wrote for this run. */
export async function readEventPayload(
  eventPath: string,
): Promise<{ ok: true; payload: unknown } | { ok: false; problem: string }> {
  try {
    const text = await readFile(eventPath, 'utf8');
    if (text.length > MAX_EVENT_BYTES)
      return { ok: false, problem: `GITHUB_EVENT_PATH ${eventPath} is too large` };
    return { ok: true, payload: JSON.parse(text) };
  } catch (error) {
    return {
      ok: false,
      problem: `GITHUB_EVENT_PATH ${eventPath} could not be read as JSON (${(error as Error).message.split('\n')[0]})`,
    };
  }
}
