import type { GitHubClient } from './github-client.ts';
import type { Repo } from './resolve-pull-request.ts';

/** GitHub lists at most 3,000 files of a pull request, 100 a page. */
const MAX_FILE_PAGES = 30;

export interface PullFile {
  filename: string;
  status: string;
  /** The unified-diff hunks; GitHub leaves it out for binary files and very large diffs. */
  patch: string | null;
}

/** The files a pull request changes, with their patches, as the pull request files API gives them. */
export async function listPullFiles(
  client: GitHubClient,
  repo: Repo,
  pullNumber: number,
): Promise<PullFile[]> {
  const out: PullFile[] = [];
  let pages = 0;
  for await (const page of client.paginate.iterator(client.rest.pulls.listFiles, {
    ...repo,
    pull_number: pullNumber,
    per_page: 100,
  })) {
    for (const file of page.data)
      out.push({
        filename: file.filename,
        status: file.status,
        patch: typeof file.patch === 'string' ? file.patch : null,
      });
    if (++pages >= MAX_FILE_PAGES) break;
  }
  return out;
}
