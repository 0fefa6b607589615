import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';

export interface GitHubClientOptions {
  token: string;
  /** GITHUB_API_URL: api.github.com, a GitHub Enterprise `/api/v3`, or a test server. */
  baseUrl: string;
  /**
   * Scales every wait, in milliseconds per unit: the retry plugin's back-off after a 5xx (1, 4, 9 units)
   * and the seconds GitHub asks for after a rate limit. 1000 in production; tests pass 1, which also drops
   * the throttling plugin's 1 s (writes) and 3 s (notifying writes) spacing.
   */
  retryBaseMs?: number;
  /** Retries after a 5xx; rate limits are retried twice. */
  retries?: number;
  /** One request's time limit, in milliseconds. */
  requestTimeoutMs?: number;
  /** Where the client reports retries and waits (one line each). */
  log?: (line: string) => void;
}

const BotOctokit = Octokit.plugin(retry, throttling);
export type GitHubClient = InstanceType<typeof BotOctokit>;

const RATE_LIMIT_RETRIES = 2;
/** Never sleep longer than this for a rate limit inside a workflow step; fail with the reason instead. */
const MAX_RATE_LIMIT_WAIT_SECONDS = 120;

/**
 * The one way the bot talks to GitHub: @octokit/rest with retries for 5xx answers and the throttling
 * plugin for primary and secondary rate limits. A 403 that is not a rate limit (such as "Resource not
 * accessible by integration") is not retried: waiting does not grant a permission.
 */
export function createGitHubClient(options: GitHubClientOptions): GitHubClient {
  const base = options.retryBaseMs ?? 1000;
  const log = options.log ?? (() => {});
  const timeout = options.requestTimeoutMs ?? 30_000;
  return new BotOctokit({
    auth: options.token,
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    userAgent: 'persona-library-bot',
    request: {
      fetch: (url: string | URL, init?: RequestInit) =>
        fetch(url, { ...init, signal: AbortSignal.timeout(timeout) }),
    },
    retry: { retries: options.retries ?? 3, retryAfterBaseValue: base },
    throttle: {
      retryAfterBaseValue: base,
      ...(base < 1000 ? { write: UNSPACED as never, notifications: UNSPACED as never } : {}),
      onRateLimit: (retryAfter: number, request: RequestOptions, _octokit: unknown, retryCount: number) => {
        const retrying = retryCount < RATE_LIMIT_RETRIES && retryAfter <= MAX_RATE_LIMIT_WAIT_SECONDS;
        log(
          `GitHub rate limit on ${describe(request)}; ${retrying ? `retrying in ${retryAfter}s` : 'giving up'}.`,
        );
        return retrying;
      },
      onSecondaryRateLimit: (
        retryAfter: number,
        request: RequestOptions,
        _octokit: unknown,
        retryCount: number,
      ) => {
        const retrying = retryCount < RATE_LIMIT_RETRIES && retryAfter <= MAX_RATE_LIMIT_WAIT_SECONDS;
        log(
          `GitHub secondary rate limit on ${describe(request)}; ${retrying ? `retrying in ${retryAfter}s` : 'giving up'}.`,
        );
        return retrying;
      },
    },
    // Octokit logs every failed request at error level; the caller explains the final failure in one line.
    log: { debug: () => {}, info: () => {}, warn: log, error: () => {} },
  });
}

/** A stand-in for the plugin's Bottleneck groups that runs each job at once (test timing only). */
const UNSPACED = {
  key: () => ({
    schedule: <T>(_options: unknown, job: (...args: unknown[]) => T, ...args: unknown[]) =>
      Promise.resolve(job(...args)),
  }),
};

interface RequestOptions {
  method?: string;
  url?: string;
}

function describe(request: RequestOptions): string {
  return `${request.method ?? 'GET'} ${request.url ?? ''}`;
}
