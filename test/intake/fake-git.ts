import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FAKE_TOKEN, type FakeGitHub, type FakeResponse, webhookExamples } from '../helpers/fake-github.ts';
import { type CliResult, runCli } from '../helpers/run-cli.ts';

export const REPOSITORY = 'persona-library/persona-library';
const [OWNER] = REPOSITORY.split('/') as [string, string];

interface StoredCommit {
  tree: string;
  parents: string[];
  message: string;
}

const notFound: FakeResponse = { status: 404, body: { message: 'Not Found' } };

/**
 * The parts of GitHub's Git data API, pulls and labels that the intake uses, as plain state on top of the
 * shared fake server (whose routes check every request against GitHub's OpenAPI description). Objects are
 * content-addressed like Git's, so the same tree or commit content gets the same sha.
 */
export class FakeRepository {
  readonly refs = new Map<string, string>();
  readonly commits = new Map<string, StoredCommit>();
  readonly trees = new Map<string, Record<string, string>>();
  readonly labels = new Map<number, string[]>();
  private nextPull = 100;

  constructor(readonly github: FakeGitHub) {
    const tree = this.storeTree({ 'personas/README.md': 'the default branch' });
    this.refs.set('heads/main', this.storeCommit({ tree, parents: [], message: 'main' }));
    this.install();
  }

  /** The files of a branch's head commit. */
  filesOf(branch: string): Record<string, string> {
    const sha = this.refs.get(`heads/${branch}`);
    const commit = sha ? this.commits.get(sha) : undefined;
    return commit ? (this.trees.get(commit.tree) ?? {}) : {};
  }

  /** A new commit on main, as when someone merges something else meanwhile. */
  advanceMain(file: string, text: string): string {
    const head = this.refs.get('heads/main') as string;
    const files = { ...this.trees.get(this.commits.get(head)?.tree as string), [file]: text };
    const sha = this.storeCommit({ tree: this.storeTree(files), parents: [head], message: 'advance' });
    this.refs.set('heads/main', sha);
    return sha;
  }

  pull(number: number): Record<string, unknown> | undefined {
    return this.github.pulls.find((p) => p.number === number);
  }

  private storeTree(files: Record<string, string>): string {
    const sorted = Object.fromEntries(Object.entries(files).sort(([a], [b]) => (a < b ? -1 : 1)));
    const sha = hash(['tree', sorted]);
    this.trees.set(sha, sorted);
    return sha;
  }

  private storeCommit(commit: StoredCommit): string {
    const sha = hash(['commit', commit]);
    this.commits.set(sha, commit);
    return sha;
  }

  private commitJson(sha: string, commit: StoredCommit): Record<string, unknown> {
    const api = `${this.github.url}/repos/${REPOSITORY}`;
    const person = { name: 'github-actions[bot]', email: 'bot@example.com', date: '2026-11-20T12:00:00Z' };
    return {
      sha,
      node_id: `C_${sha.slice(0, 10)}`,
      url: `${api}/git/commits/${sha}`,
      html_url: `https://github.com/${REPOSITORY}/commit/${sha}`,
      author: person,
      committer: person,
      message: commit.message,
      tree: { sha: commit.tree, url: `${api}/git/trees/${commit.tree}` },
      parents: commit.parents.map((p) => ({
        sha: p,
        url: `${api}/git/commits/${p}`,
        html_url: `https://github.com/${REPOSITORY}/commit/${p}`,
      })),
      verification: {
        verified: false,
        reason: 'unsigned',
        signature: null,
        payload: null,
        verified_at: null,
      },
    };
  }

  private refJson(ref: string, sha: string): Record<string, unknown> {
    const api = `${this.github.url}/repos/${REPOSITORY}`;
    return {
      ref: `refs/${ref}`,
      node_id: `REF_${ref}`,
      url: `${api}/git/refs/${ref}`,
      object: { type: 'commit', sha, url: `${api}/git/commits/${sha}` },
    };
  }

  private install(): void {
    const gh = this.github;
    gh.route('GET', '/repos/{owner}/{repo}/git/ref/{ref}', (req) => {
      const sha = this.refs.get(req.params.ref as string);
      return sha ? { status: 200, body: this.refJson(req.params.ref as string, sha) } : notFound;
    });
    gh.route('POST', '/repos/{owner}/{repo}/git/refs', (req) => {
      const { ref, sha } = req.body as { ref: string; sha: string };
      const name = ref.replace(/^refs\//, '');
      if (!ref.startsWith('refs/heads/')) return { status: 422, body: { message: 'Reference name invalid' } };
      if (this.refs.has(name)) return { status: 422, body: { message: 'Reference already exists' } };
      if (!this.commits.has(sha)) return { status: 422, body: { message: 'Object does not exist' } };
      this.refs.set(name, sha);
      return { status: 201, body: this.refJson(name, sha) };
    });
    gh.route('PATCH', '/repos/{owner}/{repo}/git/refs/{ref}', (req) => {
      const name = req.params.ref as string;
      const { sha, force } = req.body as { sha: string; force?: boolean };
      const current = this.refs.get(name);
      if (!current) return { status: 422, body: { message: 'Reference does not exist' } };
      if (!this.commits.has(sha)) return { status: 422, body: { message: 'Object does not exist' } };
      if (!force && !this.commits.get(sha)?.parents.includes(current))
        return { status: 422, body: { message: 'Update is not a fast forward' } };
      this.refs.set(name, sha);
      return { status: 200, body: this.refJson(name, sha) };
    });
    gh.route('GET', '/repos/{owner}/{repo}/git/commits/{commit_sha}', (req) => {
      const sha = req.params.commit_sha as string;
      const commit = this.commits.get(sha);
      return commit ? { status: 200, body: this.commitJson(sha, commit) } : notFound;
    });
    gh.route('POST', '/repos/{owner}/{repo}/git/trees', (req) => {
      const { base_tree, tree } = req.body as {
        base_tree?: string;
        tree: Array<{ path: string; content?: string; sha?: string | null }>;
      };
      const base = base_tree === undefined ? {} : this.trees.get(base_tree);
      if (!base) return { status: 422, body: { message: 'base_tree is not a valid tree' } };
      const files = { ...base };
      for (const entry of tree) {
        if (entry.content !== undefined) files[entry.path] = entry.content;
        else if (entry.sha === null) delete files[entry.path];
      }
      const sha = this.storeTree(files);
      return {
        status: 201,
        body: {
          sha,
          url: `${gh.url}/repos/${REPOSITORY}/git/trees/${sha}`,
          truncated: false,
          tree: Object.keys(files).map((p) => ({
            path: p,
            mode: '100644',
            type: 'blob',
            sha: hash(files[p]),
          })),
        },
      };
    });
    gh.route('POST', '/repos/{owner}/{repo}/git/commits', (req) => {
      const { message, tree, parents } = req.body as { message: string; tree: string; parents?: string[] };
      if (!this.trees.has(tree)) return { status: 422, body: { message: 'Tree SHA does not exist' } };
      const commit = { tree, parents: parents ?? [], message };
      const sha = this.storeCommit(commit);
      return { status: 201, body: this.commitJson(sha, commit) };
    });
    gh.route('POST', '/repos/{owner}/{repo}/pulls', (req) => {
      const { title, head, base, body } = req.body as {
        title: string;
        head: string;
        base: string;
        body?: string;
      };
      const headSha = this.refs.get(`heads/${head}`);
      if (!headSha || !this.refs.has(`heads/${base}`))
        return {
          status: 422,
          body: { message: 'Validation Failed', errors: [{ field: 'head', code: 'invalid' }] },
        };
      const open = gh.pulls.find(
        (p) => p.state === 'open' && (p.head as { label: string }).label === `${OWNER}:${head}`,
      );
      if (open)
        return {
          status: 422,
          body: { message: `A pull request already exists for ${OWNER}:${head}.` },
        };
      const pull = gh.addPull({ number: this.nextPull++, headSha, headRef: head, baseRef: base });
      Object.assign(pull, { title, body: body ?? null, merged_at: null });
      return { status: 201, body: pull };
    });
    gh.route('PATCH', '/repos/{owner}/{repo}/pulls/{pull_number}', (req) => {
      const pull = this.pull(Number(req.params.pull_number));
      if (!pull) return notFound;
      const { title, body, state } = req.body as { title?: string; body?: string; state?: string };
      if (title !== undefined) pull.title = title;
      if (body !== undefined) pull.body = body;
      if (state !== undefined) pull.state = state;
      return { status: 200, body: pull };
    });
    gh.route('POST', '/repos/{owner}/{repo}/issues/{issue_number}/labels', (req) => {
      const number = Number(req.params.issue_number);
      const added = (req.body as { labels: string[] }).labels;
      const labels = [...new Set([...(this.labels.get(number) ?? []), ...added])];
      this.labels.set(number, labels);
      return { status: 200, body: labels.map((name) => labelJson(gh, name)) };
    });
    gh.route('DELETE', '/repos/{owner}/{repo}/issues/{issue_number}/labels/{name}', (req) => {
      const number = Number(req.params.issue_number);
      const labels = this.labels.get(number) ?? [];
      if (!labels.includes(req.params.name as string))
        return { status: 404, body: { message: 'Label does not exist' } };
      const left = labels.filter((l) => l !== req.params.name);
      this.labels.set(number, left);
      return { status: 200, body: left.map((name) => labelJson(gh, name)) };
    });
  }
}

function labelJson(gh: FakeGitHub, name: string): Record<string, unknown> {
  return {
    id: 1,
    node_id: `LA_${name}`,
    url: `${gh.url}/repos/${REPOSITORY}/labels/${encodeURIComponent(name)}`,
    name,
    description: null,
    color: 'ededed',
    default: false,
  };
}

function hash(value: unknown): string {
  return createHash('sha1').update(JSON.stringify(value)).digest('hex');
}

export interface IssueSeed {
  number?: number;
  body: string;
  login?: string;
  createdAt?: string;
  labels?: string[];
  state?: 'open' | 'closed';
  action?: 'opened' | 'edited';
}

/** A real `issues` webhook payload (from @octokit/webhooks-examples) with the given issue. */
export function issuesEvent(seed: IssueSeed): Record<string, unknown> {
  const source = webhookExamples().find((e) => e.name === 'issues');
  const example = structuredClone(
    source?.examples.find((e) => e.action === (seed.action ?? 'opened')) as Record<string, unknown>,
  );
  const issue = example.issue as Record<string, unknown>;
  const number = seed.number ?? 12;
  const labels = seed.labels ?? ['contribution'];
  return {
    ...example,
    action: seed.action ?? 'opened',
    issue: {
      ...issue,
      number,
      html_url: `https://github.com/${REPOSITORY}/issues/${number}`,
      title: 'Contribution to a persona',
      body: seed.body,
      state: seed.state ?? 'open',
      created_at: seed.createdAt ?? '2026-11-20T09:30:00Z',
      user: { ...(issue.user as object), login: seed.login ?? 'octocat' },
      labels: labels.map((name, i) => ({
        id: 100 + i,
        node_id: `LA_${name}`,
        url: `https://api.github.com/repos/${REPOSITORY}/labels/${name}`,
        name,
        color: 'ededed',
        default: false,
        description: null,
      })),
    },
    repository: {
      ...(example.repository as object),
      full_name: REPOSITORY,
      name: 'persona-library',
      default_branch: 'main',
    },
  };
}

/** One simulated run of intake.yml: the event file in a temp dir, the library as the checkout. */
export class IntakeRun {
  readonly dir = mkdtempSync(path.join(os.tmpdir(), 'persona-intake-'));
  readonly eventPath = path.join(this.dir, 'event.json');

  constructor(readonly root: string) {}

  writeEvent(seed: IssueSeed): this {
    writeFileSync(this.eventPath, JSON.stringify(issuesEvent(seed)));
    return this;
  }

  run(
    github: FakeGitHub | null,
    extraArgs: string[] = [],
    env: Record<string, string> = {},
  ): Promise<CliResult> {
    return runCli(['intake', '--event', this.eventPath, '--root', this.root, ...extraArgs], {
      env: github
        ? {
            GITHUB_API_URL: github.url,
            GITHUB_SERVER_URL: 'https://github.com',
            GITHUB_TOKEN: FAKE_TOKEN,
            GITHUB_REPOSITORY: REPOSITORY,
            GITHUB_EVENT_NAME: 'issues',
            GITHUB_EVENT_PATH: this.eventPath,
            PERSONA_GITHUB_RETRY_BASE_MS: '1',
            ...env,
          }
        : env,
      timeoutMs: 30_000,
    });
  }

  cleanup(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
