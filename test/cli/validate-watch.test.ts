import { cpSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { setAccelerated } from '../../scripts/accel/switch.ts';
import { main } from '../../scripts/cli/main.ts';
import { REPO_ROOT, scratchLibrary, testStateDir } from '../helpers/run-cli.ts';

/**
 * `persona validate --watch` in this process, on a real library with real file changes: each step waits (for
 * at most a few seconds, never in a sleep loop without a limit) until the watch has printed its check.
 */
let cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups) cleanup();
  cleanups = [];
  setAccelerated(undefined);
});

const PERSONA = 'personas/sentry/sentry-error-monitor.yaml';

function startWatch(argv: string[] = []) {
  const lib = scratchLibrary();
  cleanups.push(lib.cleanup);
  for (const entry of ['personas', 'schemas', 'persona.config.yaml', 'tags.yaml'])
    cpSync(path.join(REPO_ROOT, entry), path.join(lib.root, entry), { recursive: true });
  const controller = new AbortController();
  let stdout = '';
  let stderr = '';
  const done = main(['validate', '--watch', ...argv], {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    cwd: lib.root,
    env: { PERSONA_STATE_DIR: testStateDir() },
    interrupt: () => controller.signal,
  });
  cleanups.push(() => controller.abort());
  /** Waits until the output holds `count` checks after the first report; the output since `from`. */
  const checks = () =>
    stdout.split('\n').filter((line) => / changed: \d+ new, \d+ fixed\.$/.test(line)).length;
  async function until(condition: () => boolean, what: string): Promise<void> {
    const deadline = Date.now() + 8000;
    while (!condition()) {
      if (Date.now() > deadline)
        throw new Error(`timed out waiting for ${what}; output so far:\n${stdout}\n${stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
  return {
    root: lib.root,
    file: (file: string) => path.join(lib.root, file),
    output: () => stdout,
    errors: () => stderr,
    ready: () => until(() => stdout.includes('Ctrl-C to stop'), 'the first report'),
    /** Runs `change`, then waits for the check that follows it; returns what that check printed. */
    async change(change: () => void): Promise<string> {
      const before = checks();
      const from = stdout.length;
      change();
      await until(() => checks() > before, 'a check after the change');
      // The check's block ends with its summary line.
      await until(() => /checked: .*\.\n$/.test(stdout), 'the summary line');
      return stdout.slice(from);
    },
    async stop(): Promise<number> {
      controller.abort();
      return done;
    },
  };
}

const edit = (file: string, change: (text: string) => string) =>
  writeFileSync(file, change(readFileSync(file, 'utf8')));
const addTodo = (text: string) => text.replace(/^(aha_moment: ")/m, '$1TODO ');
const removeTodo = (text: string) => text.replace(/^(aha_moment: ")TODO /m, '$1');

describe.each([
  ['accelerated', true],
  ['reference', false],
])('persona validate --watch (%s)', (_, accelerated) => {
  it('reports in full, then only what each change adds or fixes, and stops cleanly', async () => {
    setAccelerated(accelerated);
    const watch = startWatch();
    await watch.ready();
    expect(watch.output()).toMatch(/✔ 16 personas and 0 contributions checked: no problems\./);

    const added = await watch.change(() => edit(watch.file(PERSONA), addTodo));
    expect(added).toMatch(/changed: 1 new, 0 fixed\./);
    expect(added).toMatch(
      / {2}new {4}personas\/sentry\/sentry-error-monitor\.yaml:\d+:\d+ {2}warning .*\[lint\/placeholder\]/,
    );
    expect(added).toMatch(/0 errors, 1 warning\.\n$/);

    // An editor's rename-save: the new text goes to a temporary file, renamed over the old one.
    const fixed = await watch.change(() => {
      const temporary = `${watch.file(PERSONA)}.tmp~`;
      writeFileSync(temporary, removeTodo(readFileSync(watch.file(PERSONA), 'utf8')));
      renameSync(temporary, watch.file(PERSONA));
    });
    // The editor's temporary file is not named: only what is a persona or contribution, before or after.
    expect(fixed).toMatch(/^\npersonas\/sentry\/sentry-error-monitor\.yaml changed: 0 new, 1 fixed\./);
    expect(fixed).toMatch(/ {2}fixed {2}personas\/sentry\/sentry-error-monitor\.yaml.*\[lint\/placeholder\]/);
    expect(fixed).toMatch(/no problems\.\n$/);

    expect(await watch.stop()).toBe(0);
    expect(watch.errors()).toBe('Stopped watching.\n');
  });

  it('re-runs the cross-file rules a change affects: a removed persona breaks the links to it', async () => {
    setAccelerated(accelerated);
    const watch = startWatch();
    await watch.ready();
    const removed = await watch.change(() =>
      rmSync(watch.file('personas/sentry/sentry-release-guardian.yaml')),
    );
    expect(removed).toMatch(/\[link\/unknown-persona\]/);
    expect(removed).not.toMatch(/ fixed {2}/);
    // A new product folder with a copy of the persona brings it back.
    const restored = await watch.change(() => {
      mkdirSync(watch.file('personas/sentry-copy'));
      cpSync(
        path.join(REPO_ROOT, 'personas/sentry/sentry-release-guardian.yaml'),
        watch.file('personas/sentry-copy/sentry-release-guardian.yaml'),
      );
    });
    expect(restored).toMatch(/ fixed {2}.*\[link\/unknown-persona\]/);
    expect(restored).toMatch(/\[product\/folder-mismatch\]/);
    expect(await watch.stop()).toBe(0);
  });

  it('sees the tag vocabulary change: a tag taken out of tags.yaml is unknown, put back it is fixed', async () => {
    setAccelerated(accelerated);
    const watch = startWatch();
    await watch.ready();
    const vocabulary = readFileSync(watch.file('tags.yaml'), 'utf8');
    const removed = await watch.change(() =>
      writeFileSync(watch.file('tags.yaml'), vocabulary.replace(/^ {2}error-monitoring: .*\n/m, '')),
    );
    expect(removed).toMatch(/ new {4}personas\/sentry\/sentry-error-monitor\.yaml:.*\[tag\/unknown\]/);
    const restored = await watch.change(() => writeFileSync(watch.file('tags.yaml'), vocabulary));
    expect(restored).toMatch(/ fixed {2}personas\/sentry\/sentry-error-monitor\.yaml:.*\[tag\/unknown\]/);
    expect(await watch.stop()).toBe(0);
  });
});

describe('persona validate --watch FILES…', () => {
  it('prints only what concerns the named files', async () => {
    const watch = startWatch(['personas/stripe']);
    await watch.ready();
    expect(watch.output()).toMatch(/2 personas and 0 contributions checked/);
    const elsewhere = await watch.change(() => edit(watch.file(PERSONA), addTodo));
    expect(elsewhere).toMatch(/changed: 0 new, 0 fixed\./);
    const here = await watch.change(() =>
      edit(watch.file('personas/stripe/stripe-billing-engineer.yaml'), addTodo),
    );
    expect(here).toMatch(/changed: 1 new, 0 fixed\./);
    expect(await watch.stop()).toBe(0);
  });

  it('refuses --format and --base', async () => {
    let stderr = '';
    const code = await main(['validate', '--watch', '--format', 'json'], {
      stdout: () => {},
      stderr: (text) => {
        stderr += text;
      },
      cwd: REPO_ROOT,
      env: {},
    });
    expect(code).toBe(2);
    expect(stderr).toMatch(/--watch prints text/);
  });
});
