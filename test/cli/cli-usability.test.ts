import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../scripts/cli/commands.ts';
import { COMMON_OPTIONS } from '../../scripts/cli/parse-command-line.ts';
import { REPO_ROOT, runCli, scratchLibrary } from '../helpers/run-cli.ts';
import { runMain } from '../helpers/run-main.ts';

let cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups) cleanup();
  cleanups = [];
});

/** A copy of the shipped library (personas, schemas, config). */
function shippedLibrary(): string {
  const lib = scratchLibrary();
  cleanups.push(lib.cleanup);
  for (const entry of ['personas', 'schemas', 'persona.config.yaml'])
    cpSync(path.join(REPO_ROOT, entry), path.join(lib.root, entry), { recursive: true });
  return lib.root;
}

const PACKAGE_VERSION = (
  JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }
).version;

describe('--help of every command', () => {
  it.each(COMMANDS.map((c) => [c.name, c] as const))(
    '%s: one line per flag, and examples',
    async (name, command) => {
      const { code, stdout } = await runMain([name, '--help'], { cwd: REPO_ROOT });
      expect(code).toBe(0);
      const lines = stdout.split('\n');
      const flagSection = lines.slice(
        lines.indexOf('flags:') + 1,
        lines.indexOf('', lines.indexOf('flags:')),
      );
      const listed = flagSection.map((line) => /^ {2}(?:-h, )?(--[a-z-]+)/.exec(line)?.[1]);
      const expected = [...Object.keys(command.options), ...Object.keys(COMMON_OPTIONS)]
        .filter((option) => !(option === 'root' && command.needsLibrary === false))
        .map((option) => `--${option}`);
      expect(listed.sort()).toEqual(expected.sort());
      for (const line of flagSection) expect(line).toMatch(/^ {2}\S.*\S {2,}\S/);
      // Readable in a terminal of 120 columns, each on one line.
      for (const line of lines.slice(1))
        if (!line.startsWith('usage:')) expect(line.length).toBeLessThanOrEqual(110);
      // Every option has its own help text (a test-time guard for commands added later).
      for (const option of Object.keys(command.options))
        expect(command.flags[option]?.text.length).toBeGreaterThan(10);
      const examples = lines.slice(lines.indexOf('examples:') + 1).filter((l) => l.trim() !== '');
      expect(examples.length).toBeGreaterThan(0);
      for (const example of examples) expect(example).toMatch(new RegExp(`^ {2}persona ${name}\\b`));
    },
  );
});

describe('persona --version', () => {
  it("prints package.json's version, bundled into the CLI", async () => {
    const run = await runCli(['--version'], { cwd: '/' });
    expect([run.code, run.stdout, run.stderr]).toEqual([0, `persona ${PACKAGE_VERSION}\n`, '']);
  });
});

describe('a mistyped flag gets a "did you mean"', () => {
  it.each([
    [['merge', '--dry'], '--dry-run'],
    [['merge', '--dry-rn'], '--dry-run'],
    [['validate', '--strct'], '--strict'],
    [['validate', '--no-cach'], '--no-cache'],
    [['validate', '--form', 'json'], '--format'],
    [['validate', '--cache'], '--cache-location'],
    [['catalogue', '--keep'], '--keep-going'],
    [['catalogue', '--chek'], '--check'],
    [['contribute', 'x', 'goals', '--auth', 'me'], '--author'],
    [['fmt', '--chck'], '--check'],
    [['new', '--titel', 'X'], '--title'],
    [['intake', '--evnt', 'e.json'], '--event'],
    [['comment', '--reprt', 'r.json'], '--report'],
    [['validate', '--roo', '.'], '--root'],
    [['--verison'], '--version'],
  ])('%j → %s', async (argv, suggestion) => {
    const { code, stderr } = await runMain(argv, { cwd: REPO_ROOT });
    expect(code).toBe(2);
    expect(stderr).toContain(`Did you mean \`${suggestion}\`?`);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('names every flag a prefix could mean', async () => {
    const { stderr } = await runMain(['validate', '--c'], { cwd: REPO_ROOT });
    expect(stderr).toContain('Did you mean `--cache-location`?');
    const ambiguous = await runMain(['contribute', '--co'], { cwd: REPO_ROOT });
    expect(ambiguous.stderr).toContain('Did you mean `--confirm` or `--correct`?');
  });

  it.each([
    [['validate', '--format'], /--format needs a value \(<text\|json\|github>\)/],
    [['validate', '--strict=yes'], /--strict takes no value/],
    [['merge', 'personas'], /unexpected argument "personas"/],
    [['validate', '--format', 'jsno'], /Did you mean `json`\?/],
  ])('%j is refused in plain words', async (argv, message) => {
    const { code, stderr } = await runMain(argv, { cwd: REPO_ROOT });
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });
});

describe('the library root is found from the current folder up, as git does', () => {
  it.each(['personas', 'personas/sentry', 'schemas'])('from %s', async (sub) => {
    const root = shippedLibrary();
    const run = await runMain(['validate', '--format', 'json'], { cwd: path.join(root, sub) });
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).summary.personas).toBe(16);
  });

  it('is not fooled by a product folder called personas', async () => {
    const root = shippedLibrary();
    mkdirSync(path.join(root, 'personas/personas'));
    const { code, stdout } = await runMain(['validate', '--format', 'json'], {
      cwd: path.join(root, 'personas'),
    });
    expect(code).toBe(0);
    expect(JSON.parse(stdout).summary.personas).toBe(16);
  });

  it('says where it looked when there is none, and --root still wins', async () => {
    const lib = scratchLibrary();
    cleanups.push(lib.cleanup);
    const none = await runMain(['validate'], { cwd: lib.root });
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/no library root in .* or any folder above it/);
    const root = shippedLibrary();
    expect((await runMain(['validate', '--root', root], { cwd: lib.root })).code).toBe(0);
  });
});

describe('persona validate FILES…', () => {
  const WARNED = 'personas/sentry/sentry-error-monitor.yaml';
  function withTwoWarnings(): string {
    const root = shippedLibrary();
    for (const file of [WARNED, 'personas/stripe/stripe-billing-engineer.yaml']) {
      const text = readFileSync(path.join(root, file), 'utf8');
      writeFileSync(path.join(root, file), text.replace(/^(aha_moment: ")/m, '$1TODO '));
    }
    return root;
  }

  it('reports on the named files only, relative to the current folder', async () => {
    const root = withTwoWarnings();
    const run = await runMain(['validate', 'sentry/sentry-error-monitor.yaml', '--format', 'json'], {
      cwd: path.join(root, 'personas'),
    });
    const report = JSON.parse(run.stdout);
    expect(report.diagnostics.map((d: { file: string }) => d.file)).toEqual([WARNED]);
    expect(report.summary).toEqual({ personas: 1, contributions: 0, errors: 0, warnings: 1 });
  });

  it('takes folders, and still runs the cross-file rules over the whole library', async () => {
    const root = withTwoWarnings();
    // A link from sentry to a stripe persona that does not link back: found only by reading stripe too.
    const file = path.join(root, WARNED);
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(
        'composability:\n',
        'composability:\n  - persona: stripe-billing-engineer\n    relation: contrast\n    note: "x"\n',
      ),
    );
    const run = await runMain(['validate', 'personas/sentry', '--format', 'json'], { cwd: root });
    const rules = JSON.parse(run.stdout)
      .diagnostics.map((d: { rule: string }) => d.rule)
      .sort();
    expect(rules).toEqual(['link/not-reciprocated', 'lint/placeholder']);
  });

  it.each([
    [['validate', 'nowhere.yaml'], /no such file or folder/],
    [['validate', 'README.md'], /not a persona or a contribution/],
    [['validate', '/tmp'], /outside the library root/],
  ])('%j is a usage error', async (argv, message) => {
    const root = shippedLibrary();
    writeFileSync(path.join(root, 'README.md'), '# x\n');
    const run = await runMain(argv, { cwd: root });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });
});

describe('persona new', () => {
  it('requires a category and lists the choices', async () => {
    const root = shippedLibrary();
    const run = await runMain(['new', '--product', 'acme', '--title', 'The Acme Buyer'], { cwd: root });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /--category is required: one of technical, business, creative, operations, data/,
    );
  });
});

describe('item numbers count from 1 everywhere', () => {
  it('the placeholder warning names `goals` item 1, not goals.0', async () => {
    const root = shippedLibrary();
    const file = path.join(root, 'personas/sentry/sentry-error-monitor.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^(goals:\n {2}- ")/m, '$1TODO '));
    const run = await runMain(['validate', '--format', 'json'], { cwd: root });
    const messages = JSON.parse(run.stdout).diagnostics.map((d: { message: string }) => d.message);
    expect(messages).toEqual(['`goals` item 1 still holds placeholder text ("TODO").']);
  });
});
