import GithubSlugger from 'github-slugger';

/** Where links in the comment and the job summary point: the repository at the commit being described. */
export interface LinkContext {
  /** `https://github.com`, or a GitHub Enterprise host (GITHUB_SERVER_URL). */
  serverUrl: string;
  /** `owner/repo` (GITHUB_REPOSITORY). */
  repository: string;
  headSha: string;
}

export function repositoryLink(ctx: LinkContext): string {
  return `${ctx.serverUrl.replace(/\/+$/, '')}/${ctx.repository}`;
}

/** `…/blob/<sha>/<file>#L<line>`; each path segment is percent-encoded, so a hostile name stays one URL. */
export function lineLink(ctx: LinkContext, file: string, line: number, endLine = line): string {
  const encoded = file.split('/').map(encodeURIComponent).join('/');
  const anchor = endLine > line ? `#L${line}-L${endLine}` : `#L${line}`;
  return `${repositoryLink(ctx)}/blob/${ctx.headSha}/${encoded}${anchor}`;
}

/** The rule's README heading at the described commit, so rules added by the pull request resolve too. */
export function ruleLink(ctx: LinkContext, rule: string): string {
  return `${repositoryLink(ctx)}/blob/${ctx.headSha}/README.md#${new GithubSlugger().slug(rule)}`;
}

export function commitLink(ctx: LinkContext): string {
  return `${repositoryLink(ctx)}/commit/${ctx.headSha}`;
}
