import packageJson from '../../package.json' with { type: 'json' };

/** `https://github.com/<owner>/<repo>`, from package.json's `repository`, so forks only change one place. */
export const REPOSITORY_URL = repositoryUrl(packageJson.repository);

export function repositoryUrl(repository: string | { url: string }): string {
  const raw = typeof repository === 'string' ? repository : repository.url;
  return raw
    .replace(/^git\+/, '')
    .replace(/\.git$/, '')
    .replace(/^github:/, 'https://github.com/');
}
