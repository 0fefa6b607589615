import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { FakePullReviews } from './fake-github-reviews.ts';
import { REPO_ROOT } from './run-cli.ts';

/**
 * A local stand-in for the GitHub REST API on 127.0.0.1 and a random port, for subprocess tests that set
 * GITHUB_API_URL to `fake.url`. Every route is an operation of GitHub's OpenAPI description: request
 * bodies, path and query parameters are validated against it, and a mismatch is answered 422 and recorded
 * in `violations` (tests assert it stays empty). Unknown routes are 404s and violations too.
 *
 * State is plain data (`comments`, `pulls`, and `reviews` for pull-request files, reviews and review comments)
 * so tests can seed and inspect it. Other issues extend the server
 * with `route()` (refs, contents, labels…) without touching this file's built-in routes.
 */

export interface FakeRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: unknown;
  /** Path parameters named as in the OpenAPI template (`owner`, `repo`, `issue_number`…). */
  params: Record<string, string>;
}

export interface FakeResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: string;
  body: unknown;
  status: number;
}

export type RouteHandler = (request: FakeRequest, github: FakeGitHub) => FakeResponse;

export interface StoredComment {
  id: number;
  issueNumber: number;
  body: string;
  login: string;
  userType: 'User' | 'Bot';
}

export interface PullSeed {
  number: number;
  headSha: string;
  headRef?: string;
  /** `owner/repo` of the head; a fork when it differs from the base repository. */
  headRepo?: string;
  baseRef?: string;
  baseSha?: string;
  state?: 'open' | 'closed';
}

interface Route {
  method: string;
  template: string;
  pattern: RegExp;
  names: string[];
  handler: RouteHandler;
  validateBody: ValidateFunction | null;
  parameters: OpenApiParameter[];
}

interface OpenApiParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  validate: ValidateFunction;
}

interface Failure {
  method: string;
  pattern: RegExp;
  remaining: number;
  response: FakeResponse;
}

export const FAKE_TOKEN = 'ghs_fake-installation-token';
export const BOT_LOGIN = 'github-actions[bot]';

/** Canned answers GitHub really gives. */
export const GITHUB_ERRORS = {
  badGateway: { status: 502, body: { message: 'Server Error' } },
  notAccessible: {
    status: 403,
    body: {
      message: 'Resource not accessible by integration',
      documentation_url: 'https://docs.github.com/rest/issues/comments#create-an-issue-comment',
      status: '403',
    },
  },
  secondaryRateLimit: {
    status: 403,
    headers: { 'retry-after': '1' },
    body: {
      message:
        'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID.',
      documentation_url:
        'https://docs.github.com/free-pro-team@latest/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
      status: '403',
    },
  },
} satisfies Record<string, FakeResponse>;

const MAX_BODY_BYTES = 4 * 1024 * 1024;
const COMMENT_LIMIT = 65_536;

let openApiCache: OpenApiDocument | undefined;
interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: Record<string, Record<string, unknown>>;
}
interface OpenApiOperation {
  parameters?: unknown[];
  requestBody?: { content?: Record<string, { schema?: unknown }> };
}

function openApi(): OpenApiDocument {
  openApiCache ??= JSON.parse(
    readFileSync(path.join(REPO_ROOT, 'node_modules/@octokit/openapi/generated/api.github.com.json'), 'utf8'),
  ) as OpenApiDocument;
  return openApiCache;
}

/** Inlines `#/components/...` references (the few schemas a route needs; cycles are cut at a depth). */
function resolveRefs(node: unknown, doc: OpenApiDocument, depth = 0): unknown {
  if (depth > 40) return {};
  if (Array.isArray(node)) return node.map((n) => resolveRefs(n, doc, depth + 1));
  if (typeof node !== 'object' || node === null) return node;
  const ref = (node as { $ref?: unknown }).$ref;
  if (typeof ref === 'string') {
    const target = ref
      .replace(/^#\//, '')
      .split('/')
      .reduce<unknown>((at, key) => (at as Record<string, unknown>)?.[key], doc);
    return resolveRefs(target, doc, depth + 1);
  }
  return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, resolveRefs(v, doc, depth + 1)]));
}

const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false, coerceTypes: false });

export class FakeGitHub {
  readonly repository: string;
  readonly requests: RecordedRequest[] = [];
  readonly violations: string[] = [];
  readonly comments: StoredComment[] = [];
  readonly pulls: Record<string, unknown>[] = [];
  /** Pull-request files, reviews and review comments (fake-github-reviews.ts). */
  readonly reviews: FakePullReviews;
  private readonly routes: Route[] = [];
  private readonly failures: Failure[] = [];
  private lastId = 1_000_000;
  private server: Server | null = null;
  url = '';

  private constructor(repository: string) {
    this.repository = repository;
    this.registerDefaultRoutes();
    this.reviews = new FakePullReviews(this);
  }

  /** Starts a server for `owner/repo`; `close()` it in afterEach/afterAll. */
  static async start(repository = 'persona-library/persona-library'): Promise<FakeGitHub> {
    const github = new FakeGitHub(repository);
    await github.listen();
    return github;
  }

  private listen(): Promise<void> {
    const server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        this.violations.push(`fake server crashed on ${req.method} ${req.url}: ${String(error)}`);
        send(res, { status: 500, body: { message: 'fake server error' } });
      });
    });
    this.server = server;
    return new Promise((resolve) => {
      server.listen(0, '127.0.0.1', () => {
        const { port } = server.address() as AddressInfo;
        this.url = `http://127.0.0.1:${port}`;
        resolve();
      });
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      if (!this.server) return resolve();
      this.server.closeAllConnections();
      this.server.close(() => resolve());
    });
  }

  /**
   * Adds (or replaces) an operation. `template` must be an OpenAPI path such as
   * `/repos/{owner}/{repo}/git/refs`; its request body and parameters are checked against the description.
   */
  route(method: string, template: string, handler: RouteHandler): void {
    const operation = openApi().paths[template]?.[method.toLowerCase()];
    if (!operation)
      throw new Error(`${method} ${template} is not an operation in GitHub's OpenAPI description`);
    const names: string[] = [];
    const pattern = new RegExp(
      `^${template.replace(/\{([^}]+)\}/g, (_, name: string) => {
        names.push(name);
        return '([^/]+)';
      })}$`,
    );
    const bodySchema = operation.requestBody?.content?.['application/json']?.schema;
    const parameters = (
      (resolveRefs(operation.parameters ?? [], openApi()) as Record<string, unknown>[]) ?? []
    ).map((p) => ({
      name: p.name as string,
      in: p.in as OpenApiParameter['in'],
      required: p.required === true,
      validate: ajv.compile((p.schema as object) ?? {}),
    }));
    const entry: Route = {
      method,
      template,
      pattern,
      names,
      handler,
      validateBody: bodySchema ? ajv.compile(resolveRefs(bodySchema, openApi()) as object) : null,
      parameters,
    };
    const existing = this.routes.findIndex((r) => r.method === method && r.template === template);
    if (existing >= 0) this.routes[existing] = entry;
    else this.routes.push(entry);
  }

  /** The next `times` requests matching method and path answer `response` instead of the route. */
  failNext(method: string, pathPattern: RegExp, response: FakeResponse, times = 1): void {
    this.failures.push({ method, pattern: pathPattern, remaining: times, response });
  }

  /** A fresh id for anything the server stores (comments here; refs, labels… in routes added later). */
  newId(): number {
    this.lastId += 1;
    return this.lastId;
  }

  count(method: string, pathPattern: RegExp): number {
    return this.requests.filter((r) => r.method === method && pathPattern.test(r.path)).length;
  }

  addComment(
    issueNumber: number,
    body: string,
    login: string,
    userType: 'User' | 'Bot' = 'User',
  ): StoredComment {
    const comment = { id: this.newId(), issueNumber, body, login, userType };
    this.comments.push(comment);
    return comment;
  }

  commentsOn(issueNumber: number): StoredComment[] {
    return this.comments.filter((c) => c.issueNumber === issueNumber);
  }

  /** A pull request shaped like GitHub's (from @octokit/webhooks-examples), with the given identity. */
  addPull(seed: PullSeed): Record<string, unknown> {
    const [baseOwner] = this.repository.split('/');
    const headRepo = seed.headRepo ?? this.repository;
    const [headOwner, headName] = headRepo.split('/');
    const template = structuredClone(examplePull());
    const repoShape = (fullName: string, owner: string, name: string) => ({
      ...(template.base as { repo: Record<string, unknown> }).repo,
      full_name: fullName,
      name,
      owner: { ...((template.base as { repo: { owner: object } }).repo.owner as object), login: owner },
      fork: fullName !== this.repository,
    });
    const headRef = seed.headRef ?? `branch-${seed.number}`;
    const pull = {
      ...template,
      number: seed.number,
      id: 1000 + seed.number,
      state: seed.state ?? 'open',
      url: `${this.url}/repos/${this.repository}/pulls/${seed.number}`,
      html_url: `https://github.com/${this.repository}/pull/${seed.number}`,
      head: {
        ...(template.head as object),
        label: `${headOwner}:${headRef}`,
        ref: headRef,
        sha: seed.headSha,
        repo: repoShape(headRepo, headOwner as string, headName as string),
        user: { ...((template.head as { user: object }).user as object), login: headOwner },
      },
      base: {
        ...(template.base as object),
        ref: seed.baseRef ?? 'main',
        sha: seed.baseSha ?? 'f95f852bd8fca8fcc58a9a2d6c842781e32a215e',
        repo: repoShape(this.repository, baseOwner as string, this.repository.split('/')[1] as string),
      },
    };
    this.pulls.push(pull);
    return pull;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    const method = req.method ?? 'GET';
    const raw = await readBody(req);
    let body: unknown = null;
    if (raw.length > 0) {
      try {
        body = JSON.parse(raw.toString('utf8'));
      } catch {
        body = raw.toString('utf8');
      }
    }
    const record = (response: FakeResponse) => {
      this.requests.push({ method, path: url.pathname, query: url.search, body, status: response.status });
      send(res, response);
    };

    const auth = req.headers.authorization ?? '';
    if (
      auth !== `token ${FAKE_TOKEN}` &&
      auth !== `bearer ${FAKE_TOKEN}` &&
      auth !== `Bearer ${FAKE_TOKEN}`
    ) {
      return record({ status: 401, body: { message: 'Bad credentials' } });
    }
    const failure = this.failures.find(
      (f) => f.remaining > 0 && f.method === method && f.pattern.test(url.pathname),
    );
    if (failure) {
      failure.remaining--;
      return record(failure.response);
    }
    for (const route of this.routes) {
      if (route.method !== method) continue;
      const match = route.pattern.exec(url.pathname);
      if (!match) continue;
      const params = Object.fromEntries(
        route.names.map((name, i) => [name, decodeURIComponent(match[i + 1] ?? '')]),
      );
      const problems = this.checkAgainstOpenApi(route, params, url.searchParams, body);
      if (problems.length > 0) {
        this.violations.push(...problems.map((p) => `${method} ${route.template}: ${p}`));
        return record({ status: 422, body: { message: 'Validation Failed', errors: problems } });
      }
      if (`${params.owner}/${params.repo}` !== this.repository && 'owner' in params) {
        return record({ status: 404, body: { message: 'Not Found' } });
      }
      return record(
        route.handler(
          { method, path: url.pathname, query: url.searchParams, headers: req.headers, body, params },
          this,
        ),
      );
    }
    this.violations.push(`no route for ${method} ${url.pathname}`);
    return record({ status: 404, body: { message: 'Not Found' } });
  }

  private checkAgainstOpenApi(
    route: Route,
    params: Record<string, string>,
    query: URLSearchParams,
    body: unknown,
  ): string[] {
    const problems: string[] = [];
    for (const parameter of route.parameters) {
      const raw =
        parameter.in === 'path'
          ? params[parameter.name]
          : parameter.in === 'query'
            ? query.get(parameter.name)
            : undefined;
      if (raw === undefined || raw === null) {
        if (parameter.required && parameter.in !== 'header')
          problems.push(`missing ${parameter.in} parameter ${parameter.name}`);
        continue;
      }
      if (!parameter.validate(coerce(raw)))
        problems.push(`${parameter.in} parameter ${parameter.name}=${raw} is invalid`);
    }
    const known = new Set(route.parameters.filter((p) => p.in === 'query').map((p) => p.name));
    for (const name of query.keys()) if (!known.has(name)) problems.push(`unknown query parameter ${name}`);
    if (route.validateBody) {
      if (!route.validateBody(body))
        problems.push(`request body: ${ajv.errorsText(route.validateBody.errors)}`);
    } else if (body !== null && route.method !== 'GET') {
      problems.push('this operation takes no request body');
    }
    return problems;
  }

  private registerDefaultRoutes(): void {
    this.route('GET', '/repos/{owner}/{repo}/issues/{issue_number}/comments', (req, gh) =>
      gh.paginate(
        req,
        gh.commentsOn(Number(req.params.issue_number)).map((c) => gh.commentJson(c)),
      ),
    );
    this.route('POST', '/repos/{owner}/{repo}/issues/{issue_number}/comments', (req, gh) => {
      const body = (req.body as { body: string }).body;
      if (body.length > COMMENT_LIMIT) return commentTooLong();
      const comment = gh.addComment(Number(req.params.issue_number), body, BOT_LOGIN, 'Bot');
      return { status: 201, body: gh.commentJson(comment) };
    });
    this.route('PATCH', '/repos/{owner}/{repo}/issues/comments/{comment_id}', (req, gh) => {
      const comment = gh.comments.find((c) => c.id === Number(req.params.comment_id));
      if (!comment) return { status: 404, body: { message: 'Not Found' } };
      const body = (req.body as { body: string }).body;
      if (body.length > COMMENT_LIMIT) return commentTooLong();
      comment.body = body;
      return { status: 200, body: gh.commentJson(comment) };
    });
    this.route('GET', '/repos/{owner}/{repo}/pulls', (req, gh) => {
      const state = req.query.get('state') ?? 'open';
      const head = req.query.get('head');
      const pulls = gh.pulls.filter((p) => {
        const h = p.head as { label: string };
        return (state === 'all' || p.state === state) && (head === null || h.label === head);
      });
      return gh.paginate(req, pulls);
    });
    this.route('GET', '/repos/{owner}/{repo}/pulls/{pull_number}', (req, gh) => {
      const pull = gh.pulls.find((p) => p.number === Number(req.params.pull_number));
      return pull ? { status: 200, body: pull } : { status: 404, body: { message: 'Not Found' } };
    });
  }

  /** GitHub's list pagination: `per_page` (default 30, at most 100), `page`, and a Link header. */
  paginate(req: FakeRequest, items: readonly unknown[]): FakeResponse {
    const perPage = Math.min(Math.max(Number(req.query.get('per_page') ?? 30) || 30, 1), 100);
    const page = Math.max(Number(req.query.get('page') ?? 1) || 1, 1);
    const last = Math.max(Math.ceil(items.length / perPage), 1);
    const linkTo = (n: number) => {
      const query = new URLSearchParams(req.query);
      query.set('page', String(n));
      query.set('per_page', String(perPage));
      return `<${this.url}${req.path}?${query.toString()}>`;
    };
    const links: string[] = [];
    if (page < last) links.push(`${linkTo(page + 1)}; rel="next"`, `${linkTo(last)}; rel="last"`);
    if (page > 1) links.push(`${linkTo(1)}; rel="first"`, `${linkTo(page - 1)}; rel="prev"`);
    return {
      status: 200,
      body: items.slice((page - 1) * perPage, page * perPage),
      headers: links.length > 0 ? { link: links.join(', ') } : {},
    };
  }

  commentJson(c: StoredComment): Record<string, unknown> {
    const template = exampleComment();
    return {
      ...template,
      id: c.id,
      node_id: `IC_${c.id}`,
      url: `${this.url}/repos/${this.repository}/issues/comments/${c.id}`,
      html_url: `https://github.com/${this.repository}/pull/${c.issueNumber}#issuecomment-${c.id}`,
      issue_url: `${this.url}/repos/${this.repository}/issues/${c.issueNumber}`,
      body: c.body,
      user: {
        ...(template.user as object),
        login: c.login,
        type: c.userType,
        id: c.userType === 'Bot' ? 41898282 : 1,
      },
      author_association: c.userType === 'Bot' ? 'NONE' : 'CONTRIBUTOR',
    };
  }
}

function commentTooLong(): FakeResponse {
  return {
    status: 422,
    body: {
      message: 'Validation Failed',
      errors: [
        {
          resource: 'IssueComment',
          code: 'custom',
          field: 'body',
          message: 'body is too long (maximum is 65536 characters)',
        },
      ],
    },
  };
}

function coerce(raw: string): unknown {
  return /^-?\d+$/.test(raw) ? Number(raw) : raw === 'true' ? true : raw === 'false' ? false : raw;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, response: FakeResponse): void {
  const text = response.body === undefined ? '' : JSON.stringify(response.body);
  res.writeHead(response.status, {
    'content-type': 'application/json; charset=utf-8',
    'x-github-media-type': 'github.v3; format=json',
    'x-ratelimit-limit': '5000',
    'x-ratelimit-remaining': '4999',
    ...response.headers,
  });
  res.end(text);
}

interface WebhookExample {
  name: string;
  examples: Record<string, unknown>[];
}

let examplesCache: WebhookExample[] | undefined;
/** Real webhook payloads recorded from GitHub (@octokit/webhooks-examples). */
export function webhookExamples(): WebhookExample[] {
  examplesCache ??= JSON.parse(
    readFileSync(
      path.join(REPO_ROOT, 'node_modules/@octokit/webhooks-examples/api.github.com/index.json'),
      'utf8',
    ),
  ) as WebhookExample[];
  return examplesCache;
}

/** A real `pull_request` object from GitHub's webhook examples. */
function examplePull(): Record<string, unknown> {
  const event = webhookExamples().find((e) => e.name === 'pull_request');
  return event?.examples[0]?.pull_request as Record<string, unknown>;
}

function exampleComment(): Record<string, unknown> {
  const event = webhookExamples().find((e) => e.name === 'issue_comment');
  return event?.examples[0]?.comment as Record<string, unknown>;
}

/** A real `workflow_run` event payload with the given run facts, for GITHUB_EVENT_PATH. */
export function workflowRunEvent(run: {
  id?: number;
  headSha: string;
  headBranch: string;
  headRepo: string;
  repository: string;
  pullRequests: Array<{ number: number; headSha: string; headRef: string }>;
  event?: string;
}): Record<string, unknown> {
  const source = webhookExamples().find((e) => e.name === 'workflow_run');
  const example = structuredClone(
    source?.examples.find((e) => e.action === 'completed') as Record<string, unknown>,
  );
  const workflowRun = example.workflow_run as Record<string, unknown>;
  const [owner, name] = run.headRepo.split('/');
  const template = workflowRun.head_repository as Record<string, unknown>;
  return {
    ...example,
    repository: {
      ...(example.repository as object),
      full_name: run.repository,
      name: run.repository.split('/')[1],
    },
    workflow_run: {
      ...workflowRun,
      id: run.id ?? 4242,
      event: run.event ?? 'pull_request',
      conclusion: 'failure',
      head_sha: run.headSha,
      head_branch: run.headBranch,
      head_repository: {
        ...template,
        full_name: run.headRepo,
        name,
        owner: { ...(template.owner as object), login: owner },
      },
      pull_requests: run.pullRequests.map((p) => ({
        url: `https://api.github.com/repos/${run.repository}/pulls/${p.number}`,
        id: 1000 + p.number,
        number: p.number,
        head: {
          ref: p.headRef,
          sha: p.headSha,
          repo: { id: 1, url: `https://api.github.com/repos/${run.repository}`, name },
        },
        base: {
          ref: 'main',
          sha: 'f95f852bd8fca8fcc58a9a2d6c842781e32a215e',
          repo: { id: 1, url: '', name },
        },
      })),
    },
  };
}
