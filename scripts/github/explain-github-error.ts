/** What an Octokit RequestError carries that we read; duck-typed so fetch failures fit too. */
interface RequestErrorLike {
  status?: unknown;
  message?: unknown;
  request?: { method?: unknown; url?: unknown };
  response?: { data?: unknown };
}

/**
 * One line that says what went wrong talking to GitHub and what to do about it: no stack trace, no token
 * (Octokit redacts it from the request; we never print headers).
 */
export function explainGitHubError(error: unknown): string {
  const e = (typeof error === 'object' && error !== null ? error : {}) as RequestErrorLike;
  const status = typeof e.status === 'number' ? e.status : 0;
  const apiMessage = responseMessage(e) ?? (typeof e.message === 'string' ? e.message : String(error));
  const where =
    typeof e.request?.method === 'string' ? `${e.request.method} ${pathOf(e.request.url)}` : 'GitHub API';
  const said = `${where} answered ${status || 'no response'}: ${firstLine(apiMessage)}`;
  if (status === 403 && /not accessible by integration/i.test(apiMessage)) {
    return `${said}. The workflow token lacks a permission for this call: the comment job needs \`pull-requests: write\` (and \`actions: read\` to download the report). Fork pull requests get a read-only token, which is why the comment runs from comment.yml on workflow_run.`;
  }
  if (status === 403 || status === 429) {
    return /rate limit/i.test(apiMessage)
      ? `${said}. GitHub's rate limit held after retries; re-run the job later.`
      : `${said}. The token is not allowed to do this.`;
  }
  if (status === 401) return `${said}. GITHUB_TOKEN is missing, expired or not valid for this repository.`;
  if (status === 404)
    return `${said}. Check GITHUB_REPOSITORY and GITHUB_API_URL, and that the token can see the repository.`;
  if (status >= 500) return `${said}. GitHub kept failing after retries; re-run the job later.`;
  if (status === 0) return `could not reach GitHub (${firstLine(apiMessage)}); check GITHUB_API_URL.`;
  return `${said}.`;
}

function responseMessage(e: RequestErrorLike): string | undefined {
  const data = e.response?.data;
  if (
    typeof data === 'object' &&
    data !== null &&
    typeof (data as { message?: unknown }).message === 'string'
  ) {
    return (data as { message: string }).message;
  }
  return undefined;
}

function pathOf(url: unknown): string {
  if (typeof url !== 'string') return '';
  try {
    return new URL(url).pathname;
  } catch {
    return url.split('?')[0] ?? '';
  }
}

function firstLine(text: string): string {
  return (text.split('\n')[0] ?? '').slice(0, 300);
}
