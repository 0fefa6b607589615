import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_TOKEN, FakeGitHub, webhookExamples } from '../helpers/fake-github.ts';
import { type CliResult, runCli, testBundle } from '../helpers/run-cli.ts';
import { git, outputsOf, runApplyAction, ScratchRemote } from '../helpers/scratch-repo.ts';

/**
 * Issue 14's scenario, end to end: six pull requests opened from the same main by six contributors following
 * CONTRIBUTING.md, each checked by the real validate action, merged one after the other with plain
 * `git merge --no-ff` (as GitHub's merge button does), with the real apply action run after each merge against
 * a bare origin, and a fake GitHub (checked against GitHub's OpenAPI description) for its comments.
 */
const MONITOR = 'personas/sentry/sentry-error-monitor.yaml';
const COMMANDER = 'personas/pagerduty/pagerduty-incident-commander.yaml';
const idOf = (text: string | null) => /^id: (\S+)$/m.exec(text ?? '')?.[1];

let r: ScratchRemote;
let github: FakeGitHub;
/** Which pull request number each merge commit belongs to, as GitHub's commits/{sha}/pulls answers. */
const pullOfCommit = new Map<string, number>();
const numbers = new Map<string, number>();

beforeAll(async () => {
  r = new ScratchRemote();
  github = await FakeGitHub.start('persona-library/persona-library');
  github.route('GET', '/repos/{owner}/{repo}/commits/{commit_sha}/pulls', (req, gh) => {
    const number = pullOfCommit.get(req.params.commit_sha as string);
    const pull = gh.pulls.find((p) => p.number === number) as { user: object } | undefined;
    // Each pull request is opened by the contributor it is named after.
    const login = [...numbers].find(([, n]) => n === number)?.[0] ?? 'someone';
    return {
      status: 200,
      body: pull ? [{ ...pull, user: { ...pull.user, login }, merged_at: '2026-12-01T10:00:00Z' }] : [],
    };
  });
});
afterAll(async () => {
  r.cleanup();
  await github.close();
});

/** The validate workflow on a pull request: the head checkout, and the base commit checked out beside it. */
async function check(name: string): Promise<{
  result: CliResult;
  report: { summary: Record<string, number>; diagnostics: Array<{ rule: string; introduced: boolean }> };
}> {
  const head = r.clone(`check-${name}-${Date.now()}`);
  git(head, ['fetch', '--quiet', 'origin', `pr/${name}`]);
  git(head, ['checkout', '--quiet', 'FETCH_HEAD']);
  const base = git(head, ['merge-base', 'FETCH_HEAD', 'origin/main']).trim();
  git(head, ['worktree', 'add', '--quiet', '--detach', '.persona-base', base]);
  const temp = path.join(r.dir, `validate-${name}`);
  mkdirSync(temp, { recursive: true });
  const event = structuredClone(
    webhookExamples()
      .find((e) => e.name === 'pull_request')
      ?.examples.find((e) => e.action === 'opened') as Record<string, unknown>,
  );
  const pr = event.pull_request as { head: { sha: string }; base: { sha: string; ref: string } };
  pr.head.sha = git(head, ['rev-parse', 'HEAD']).trim();
  pr.base.sha = base;
  pr.base.ref = 'main';
  writeFileSync(path.join(temp, 'event.json'), JSON.stringify(event));
  for (const file of ['summary.md', 'output.txt']) writeFileSync(path.join(temp, file), '');
  const result = await runCli([], {
    entry: testBundle('validate-action.mjs'),
    cwd: head,
    env: {
      GITHUB_WORKSPACE: head,
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: path.join(temp, 'event.json'),
      GITHUB_STEP_SUMMARY: path.join(temp, 'summary.md'),
      GITHUB_OUTPUT: path.join(temp, 'output.txt'),
      GITHUB_REPOSITORY: 'persona-library/persona-library',
      RUNNER_TEMP: temp,
      PERSONA_BASE_ROOT: '.persona-base',
      PERSONA_REPORT_PATH: path.join(temp, 'report.json'),
    },
    timeoutMs: 120_000,
  });
  return { result, report: JSON.parse(readFileSync(path.join(temp, 'report.json'), 'utf8')) };
}

/** Merge a pull request as GitHub does, register it with the fake GitHub, and run the apply action after it. */
async function mergeAndApply(name: string): Promise<CliResult> {
  const number = numbers.get(name) as number;
  const merge = r.mergePullRequest(name);
  pullOfCommit.set(merge, number);
  return apply(`after-${name}`, merge);
}

function apply(label: string, sha: string): Promise<CliResult> {
  return runApplyAction(r.clone(`runner-${label}`), path.join(r.dir, `temp-${label}`), {
    GITHUB_TOKEN: FAKE_TOKEN,
    GITHUB_API_URL: github.url,
    GITHUB_SHA: sha,
    PERSONA_GITHUB_RETRY_BASE_MS: '1',
  });
}

/** A persona scaffolded with `persona new`, then written in full as CONTRIBUTING.md asks. */
async function newPersona(
  dir: string,
  title: string,
  slug: string,
  voice: { words: string; jobStory: string },
): Promise<void> {
  const made = await runCli([
    'new',
    '--product',
    'acme',
    '--title',
    title,
    '--category',
    'business',
    '--root',
    dir,
  ]);
  expect(made.code, made.stderr).toBe(0);
  const file = path.join(dir, `personas/acme/${slug}.yaml`);
  // Each persona in its own words: two personas of one product that read alike are flagged as duplicates.
  const { words } = voice;
  const written = readFileSync(file, 'utf8')
    .replace(/"TODO: (a|an) ([^"]*)"/g, () => `"${words}, and acts on them the same morning."`)
    .replace(/TODO: [^"\n]*/g, `${words}.`)
    .replace(/When TODO situation, I want TODO motivation, so TODO expected outcome\./, voice.jobStory);
  writeFileSync(file, written);
}

const contribute =
  (...args: string[]) =>
  async (dir: string) => {
    const made = await runCli(['contribute', ...args, '--root', dir]);
    expect(made.code, made.stdout + made.stderr).toBe(0);
  };

describe('six pull requests from the same main, merged in turn, with the apply step after each', () => {
  const timeline: string[] = [];
  const item = ['sentry-error-monitor', 'goals', '--item', '2'];

  it('1. six contributors open their pull requests from the same main, and each check passes on its own', async () => {
    const opened: Array<[string, (dir: string) => Promise<void> | void]> = [
      [
        'alpha',
        (dir) =>
          newPersona(dir, 'The Acme Planner', 'acme-planner', {
            words: 'Roadmap quarters get checked against shipped work, slipped items first',
            jobStory:
              "When the quarter's roadmap is due, I want last quarter's slipped items listed, so I can plan with real capacity.",
          }),
      ],
      [
        'beta',
        (dir) =>
          newPersona(dir, 'The Acme Buyer', 'acme-buyer', {
            words: 'Every invoice line is compared with the seats people really use',
            jobStory:
              'When a renewal quote arrives, I want the seats actually used, so I can negotiate from facts.',
          }),
      ],
      [
        'amy',
        contribute(
          ...item,
          '--correct',
          'Read stack traces in TypeScript, not minified code.',
          '--author',
          'amy',
          '--rationale',
          'Shorter.',
        ),
      ],
      [
        'bob',
        contribute(
          ...item,
          '--correct',
          'See the original source in every stack trace.',
          '--author',
          'bob',
          '--rationale',
          'Clearer.',
        ),
      ],
      [
        'edit',
        (dir) => {
          const file = path.join(dir, COMMANDER);
          writeFileSync(
            file,
            readFileSync(file, 'utf8').replace(/^(success_signal: ")/m, '$1Calm handoffs, and '),
          );
        },
      ],
      ['confirm', contribute('pagerduty-on-call-engineer', 'aha_moment', '--confirm', '--author', 'zed')],
    ];
    for (const [index, [name, work]] of opened.entries()) {
      await r.openPullRequest(name, work);
      numbers.set(name, 101 + index);
      github.addPull({
        number: 101 + index,
        headSha: git(r.origin, ['rev-parse', `pr/${name}`]).trim(),
        headRef: `pr/${name}`,
        state: 'closed',
      });
    }
    for (const name of numbers.keys()) {
      const { result, report } = await check(name);
      expect(result.code, `${name}: ${result.stdout}`).toBe(0);
      expect(report.summary.introducedErrors, name).toBe(0);
      timeline.push(
        `PR ${name} (#${numbers.get(name)}) opened from main: check passed (${report.summary.warnings} warnings)`,
      );
    }
    // Both new personas were given the same id: nobody can know another pull request is taking it.
    expect(idOf(r.show('personas/acme/acme-planner.yaml', 'pr/alpha'))).toBe(
      idOf(r.show('personas/acme/acme-buyer.yaml', 'pr/beta')),
    );
  });

  it('2. each is merged with plain git merge, without a conflict, and the apply step succeeds after every merge', async () => {
    for (const name of numbers.keys()) {
      const result = await mergeAndApply(name);
      expect(result.code, `${name}: ${result.stdout}`).toBe(0);
      const outputs = outputsOf(path.join(r.dir, `temp-after-${name}`));
      timeline.push(
        `merged ${name}; apply: applied ${outputs.applied}, parked ${outputs.parked}, renumbered ${outputs.renumbered}, pushed ${outputs.pushed ? outputs.pushed.slice(0, 7) : 'nothing'}`,
      );
    }
  });

  it('3. main ends with unique ids, a current catalogue, and every pull request’s content', async () => {
    const files = r.files();
    const ids = files
      .filter((f) => f.startsWith('personas/') && f.endsWith('.yaml'))
      .map((f) => idOf(r.show(f)));
    expect(new Set(ids).size).toBe(ids.length);
    expect(idOf(r.show('personas/acme/acme-planner.yaml'))).not.toBe(
      idOf(r.show('personas/acme/acme-buyer.yaml')),
    );
    for (const page of ['catalogue/acme/acme-planner.md', 'catalogue/acme/acme-buyer.md'])
      expect(files).toContain(page);
    expect(r.show(MONITOR)).toContain('Read stack traces in TypeScript, not minified code.');
    expect(r.show(COMMANDER)).toContain('Calm handoffs, and ');
    expect(r.show('personas/pagerduty/pagerduty-on-call-engineer.yaml')).toMatch(/- zed\n/);
    // The catalogue on main is exactly what the tools generate, and main validates with no error.
    const fresh = r.clone('final');
    const current = await runCli(['catalogue', '--check', '--root', fresh]);
    expect(current.code, current.stdout).toBe(0);
    const validate = await runCli(['validate', '--format', 'json', '--root', fresh]);
    expect(validate.code, validate.stdout).toBe(0);
    expect(JSON.parse(validate.stdout).diagnostics.map((d: { rule: string }) => d.rule)).toEqual([
      'contribution/parked',
    ]);
  });

  it('4. the stale correction is kept, parked, and its author told on their pull request with the command to redo it', () => {
    const parked = r.files().filter((f) => f.includes('/stale/'));
    expect(parked).toEqual([
      expect.stringMatching(/^contributions\/sentry-error-monitor\/stale\/.*-bob-goals-item-2\.yaml$/),
    ]);
    expect(r.show(parked[0] as string)).toContain('See the original source in every stack trace.');
    const comments = github.commentsOn(numbers.get('bob') as number);
    expect(comments).toHaveLength(1);
    expect(comments[0]?.body).toContain('@bob');
    expect(comments[0]?.body).toContain(`git rm '${parked[0]}'`);
    timeline.push(`bob's correction parked as ${parked[0]}; @bob told on #${numbers.get('bob')}`);
  });

  it('5. a later, unrelated pull request passes its check: what is on main fails nobody', async () => {
    await r.openPullRequest(
      'later',
      contribute('datadog-sre', 'goals', '--confirm', '--item', '1', '--author', 'yuki'),
    );
    const { result, report } = await check('later');
    expect(result.code, result.stdout).toBe(0);
    expect(report.diagnostics.map((d) => [d.rule, d.introduced])).toEqual([['contribution/parked', false]]);
    timeline.push(
      'a later, unrelated PR opened: check passed (the parked correction shows as already on main)',
    );
  });

  it('6. two apply runs racing on the same remote both land', async () => {
    for (const name of ['later']) {
      numbers.set(name, 120);
      pullOfCommit.set(r.mergePullRequest(name), 120);
    }
    await r.openPullRequest(
      'late2',
      contribute('figma-handoff-developer', 'goals', '--confirm', '--item', '1', '--author', 'ines'),
    );
    const merge = r.mergePullRequest('late2');
    const [a, b] = await Promise.all([apply('race-a', merge), apply('race-b', merge)]);
    expect([a.code, b.code], a.stdout + b.stdout).toEqual([0, 0]);
    expect(r.show('personas/datadog/datadog-sre.yaml')).toMatch(/- yuki\n/);
    expect(r.show('personas/figma/figma-handoff-developer.yaml')).toMatch(/- ines\n/);
    expect(
      r
        .files()
        .filter((f) => f.startsWith('contributions/') && f.endsWith('.yaml') && !f.includes('/stale/')),
    ).toEqual([]);
    timeline.push('two apply runs raced on the same remote: both exited 0, both contributions on main');
    expect(github.violations).toEqual([]);
    // The timeline, for the record (printed with PERSONA_TIMELINE=1).
    if (process.env.PERSONA_TIMELINE) console.log(timeline.join('\n'));
  });
});
