import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { diagnostic } from '../../scripts/core/diagnostic.ts';
import {
  escapeData,
  escapeProperty,
  formatGithubCommand,
} from '../../scripts/render/report/format-github.ts';
import { personaText } from '../helpers/persona-text.ts';
import { runCli, scratchLibrary } from '../helpers/run-cli.ts';

function library(files: Record<string, string>) {
  const lib = scratchLibrary();
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(lib.root, file)), { recursive: true });
    writeFileSync(path.join(lib.root, file), text);
  }
  return lib;
}

const VALID = {
  'personas/acme/acme-alpha.yaml': personaText('acme-alpha', { id: 'APP-101', links: ['acme-beta'] }),
  'personas/acme/acme-beta.yaml': personaText('acme-beta', { id: 'APP-102', links: ['acme-alpha'] }),
};
const WITH_ERROR_AND_WARNING = {
  ...VALID,
  'personas/acme/acme-beta.yaml': personaText('acme-beta', {
    id: 'APP-102',
    links: ['acme-alpha'],
    overrides: { category: 'category: technicl', identity: 'identity: "TODO"' },
  }),
};
const WITH_WARNING_ONLY = {
  ...VALID,
  'personas/acme/acme-beta.yaml': personaText('acme-beta', {
    id: 'APP-102',
    links: ['acme-alpha'],
    overrides: { identity: 'identity: "TBD"' },
  }),
};

describe('persona validate: formats and exit codes', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  it('exits 0 with a one-line summary on a clean library', async () => {
    const lib = library(VALID);
    cleanup = lib.cleanup;
    const result = await runCli(['validate', '--root', lib.root]);
    expect(result.code).toBe(0);
    expect(result.stdout.trim().split('\n')).toHaveLength(1);
  });

  it('prints file:line:col  severity  message  [rule], the hint, then the summary', async () => {
    const lib = library(WITH_ERROR_AND_WARNING);
    cleanup = lib.cleanup;
    const result = await runCli(['validate', '--root', lib.root]);
    expect(result.code).toBe(1);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(
      /^personas\/acme\/acme-beta\.yaml:6:11 {2}error {2}.+ {2}\[schema\/not-allowed\]$/,
    );
    expect(lines[1]).toMatch(/^ {4}hint: Did you mean `technical`\?$/);
    expect(lines[2]).toMatch(
      /^personas\/acme\/acme-beta\.yaml:\d+:\d+ {2}warning {2}.+ {2}\[lint\/placeholder\]$/,
    );
    expect(lines.at(-1)).toMatch(/1 error, 1 warning/);
  });

  it('--format json has exactly version, summary and diagnostics, sorted by file then line', async () => {
    const lib = library({
      ...WITH_ERROR_AND_WARNING,
      'personas/acme/acme-alpha.yaml': personaText('acme-alpha', {
        id: 'APP-101',
        links: ['acme-beta'],
        overrides: { tags: 'tags: []' },
      }),
    });
    cleanup = lib.cleanup;
    const result = await runCli(['validate', '--root', lib.root, '--format', 'json']);
    const report = JSON.parse(result.stdout);
    expect(Object.keys(report)).toEqual(['version', 'summary', 'diagnostics']);
    expect(report.version).toBe(1);
    expect(report.summary).toEqual({ personas: 2, contributions: 0, errors: 2, warnings: 1 });
    const order = report.diagnostics.map(
      (d: { file: string; line: number }) => `${d.file}:${String(d.line).padStart(4, '0')}`,
    );
    expect(order).toEqual([...order].sort());
    for (const d of report.diagnostics) {
      // `fix` is the one optional key: present on a problem with one fix (here `technicl` → `technical`).
      expect(
        Object.keys(d)
          .filter((k) => k !== 'fix')
          .sort(),
      ).toEqual([
        'column',
        'endColumn',
        'endLine',
        'file',
        'hint',
        'line',
        'message',
        'rule',
        'severity',
        'url',
      ]);
      if (d.fix !== undefined) {
        expect(Object.keys(d.fix).sort()).toEqual(['description', 'edits']);
        for (const edit of d.fix.edits)
          expect(Object.keys(edit).sort()).toEqual([
            'column',
            'endColumn',
            'endLine',
            'file',
            'line',
            'text',
          ]);
      }
    }
    const category = report.diagnostics.find((d: { rule: string }) => d.rule === 'schema/not-allowed');
    expect(category.fix.edits).toEqual([
      {
        file: 'personas/acme/acme-beta.yaml',
        line: 6,
        column: 11,
        endLine: 6,
        endColumn: 19,
        text: 'technical',
      },
    ]);
  });

  it('--format github emits workflow commands, errors first', async () => {
    const lib = library(WITH_ERROR_AND_WARNING);
    cleanup = lib.cleanup;
    const result = await runCli(['validate', '--root', lib.root, '--format', 'github']);
    const commands = result.stdout.split('\n').filter((l) => l.startsWith('::'));
    expect(commands[0]).toMatch(
      /^::error file=personas\/acme\/acme-beta\.yaml,line=6,col=11,endLine=6,endColumn=\d+,title=schema\/not-allowed::/,
    );
    expect(commands[1]).toMatch(/^::warning /);
  });

  it('--strict turns warnings into exit 1', async () => {
    const lib = library(WITH_WARNING_ONLY);
    cleanup = lib.cleanup;
    expect((await runCli(['validate', '--root', lib.root])).code).toBe(0);
    expect((await runCli(['validate', '--root', lib.root, '--strict'])).code).toBe(1);
  });

  it.each([
    { args: ['valdate'], stderr: /Did you mean `validate`/ },
    { args: ['validate', '--formt', 'json'], stderr: /Did you mean `--format`/ },
    { args: ['validate', '--format', 'xml'], stderr: /--format must be one of text, json, github/ },
    { args: ['validate', '--root', '/nonexistent/library'], stderr: /no personas\/ folder/ },
    { args: [], stderr: /^$/ },
  ])('exits 2 on usage errors: $args', async ({ args, stderr }) => {
    const result = await runCli(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(stderr);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('GitHub workflow command escaping', () => {
  it.each([
    ['100%', '100%25'],
    ['a\nb', 'a%0Ab'],
    ['a\r\nb', 'a%0D%0Ab'],
    ['%0A literally', '%250A literally'],
  ])('escapes data %j', (input, expected) => {
    expect(escapeData(input)).toBe(expected);
  });

  it.each([
    ['a:b', 'a%3Ab'],
    ['a,b', 'a%2Cb'],
    ['x%,:\n', 'x%25%2C%3A%0A'],
  ])('escapes properties %j', (input, expected) => {
    expect(escapeProperty(input)).toBe(expected);
  });

  it('cannot be broken out of by a hostile file name or message', () => {
    const d = diagnostic(
      'personas/a,line=1::x/b:c.yaml',
      { line: 2, column: 3, endLine: 2, endColumn: 4 },
      'schema/invalid',
      'bad\n::error::forged',
      'h%',
    );
    const command = formatGithubCommand(d);
    expect(command.split('\n')).toHaveLength(1);
    expect(command).toBe(
      '::error file=personas/a%2Cline=1%3A%3Ax/b%3Ac.yaml,line=2,col=3,endLine=2,endColumn=4,title=schema/invalid::bad%0A::error::forged%0Ah%25',
    );
  });
});

describe('persona new', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  it('scaffolds a schema-valid persona with the next free id and prints its path', async () => {
    const lib = library(VALID);
    cleanup = lib.cleanup;
    const result = await runCli([
      'new',
      '--root',
      lib.root,
      '--product',
      'sentry',
      '--title',
      'The Sentry Release Guardian',
      '--category',
      'technical',
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('personas/sentry/sentry-release-guardian.yaml\n');
    const text = readFileSync(path.join(lib.root, 'personas/sentry/sentry-release-guardian.yaml'), 'utf8');
    expect(text).toMatch(
      /^# yaml-language-server: \$schema=\.\.\/\.\.\/schemas\/persona\.schema\.json\nid: APP-103\n/,
    );
    const check = JSON.parse((await runCli(['validate', '--root', lib.root, '--format', 'json'])).stdout);
    expect(check.summary.errors).toBe(0);
    // The scaffold's prompts are flagged until they are written.
    expect(new Set(check.diagnostics.map((d: { rule: string }) => d.rule))).toEqual(
      new Set(['lint/placeholder']),
    );
    expect((await runCli(['fmt', '--check', '--root', lib.root])).code).toBe(0);
  });

  it.each([
    { args: ['--product', 'Sentry App', '--title', 'X'], message: /kebab-case/ },
    {
      args: ['--product', 'acme', '--title', 'X', '--category', 'technicl'],
      message: /Did you mean `technical`/,
    },
    {
      args: ['--product', 'acme', '--title', 'The acme-alpha persona', '--category', 'technical'],
      message: /already has/,
    },
    { args: ['--title', 'X'], message: /--product is required/ },
  ])('refuses $args', async ({ args, message }) => {
    const lib = library(VALID);
    cleanup = lib.cleanup;
    const result = await runCli(['new', '--root', lib.root, ...args]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });
});

describe('persona fmt', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  const SHUFFLED = personaText('acme-alpha', { id: 'APP-101', links: ['acme-beta'] })
    .replace('id: APP-101\n', '')
    .replace('# yaml-language-server: $schema=../../schemas/persona.schema.json\n', '# a hand-written note\n')
    .concat('id: APP-101 # stable id\n')
    .replace(
      'composability:\n  - persona: acme-beta\n    relation: pairs-with\n',
      'composability:\n  - relation: pairs-with\n    persona: acme-beta\n',
    )
    .replace(/\n/g, '\r\n');

  it('--check reports each way a file differs, as errors, and exits 1', async () => {
    const lib = library({ ...VALID, 'personas/acme/acme-alpha.yaml': SHUFFLED });
    cleanup = lib.cleanup;
    const result = await runCli(['fmt', '--check', '--root', lib.root]);
    expect(result.code).toBe(1);
    const reported = [...result.stdout.matchAll(/^(\S+):(\d+):(\d+) {2}(\w+) .+\[([\w/-]+)\]$/gm)].map(
      ([, file, line, column, severity, rule]) => `${file}:${line}:${column} ${severity} ${rule}`,
    );
    // The note replaced the modeline on line 1; `id` moved to the end; every line ends with CRLF.
    expect(reported).toEqual([
      'personas/acme/acme-alpha.yaml:1:1 error file/missing-modeline',
      'personas/acme/acme-alpha.yaml:1:1 error format/not-canonical',
      'personas/acme/acme-alpha.yaml:1:22 error format/line-endings',
    ]);
  });

  it('rewrites to canonical order with LF endings, keeps comments, and is then stable', async () => {
    const lib = library({ ...VALID, 'personas/acme/acme-alpha.yaml': SHUFFLED });
    cleanup = lib.cleanup;
    expect((await runCli(['fmt', '--root', lib.root])).code).toBe(0);
    const text = readFileSync(path.join(lib.root, 'personas/acme/acme-alpha.yaml'), 'utf8');
    expect(text).not.toContain('\r');
    const lines = text.split('\n');
    expect(lines[0]).toBe('# yaml-language-server: $schema=../../schemas/persona.schema.json');
    expect(lines[1]).toBe('id: APP-101 # stable id');
    expect(text).toContain('# a hand-written note');
    expect(text).toContain('  - persona: acme-beta\n    relation: pairs-with\n');
    expect(text).toBe(
      VALID['personas/acme/acme-alpha.yaml']
        .replace('id: APP-101\n', 'id: APP-101 # stable id\n')
        .replace('slug:', '# a hand-written note\nslug:'),
    );
    expect((await runCli(['fmt', '--check', '--root', lib.root])).code).toBe(0);
  });

  it.each([
    ['a list at the top level', '- id: APP-101\n- slug: acme-alpha\n', 'yaml/not-a-mapping'],
    ['a single value at the top level', 'just text\n', 'yaml/not-a-mapping'],
    ['an unclosed quote', `${VALID['personas/acme/acme-alpha.yaml']}note: "open\n`, 'yaml/syntax'],
    ['a duplicate key', `${VALID['personas/acme/acme-alpha.yaml']}id: APP-999\n`, 'yaml/duplicate-key'],
    ['an alias', `${VALID['personas/acme/acme-alpha.yaml']}x: &a 1\ny: *a\n`, 'yaml/alias'],
  ])(
    'refuses a file with %s: reports it, leaves its bytes, exits 1, and still formats the others',
    async (_name, text, rule) => {
      const broken = text.replace(/\n/g, '\r\n');
      // Any formattable file will do as the other one; it need not be a valid acme-beta.
      const lib = library({
        'personas/acme/acme-alpha.yaml': broken,
        'personas/acme/acme-beta.yaml': SHUFFLED,
      });
      cleanup = lib.cleanup;
      const result = await runCli(['fmt', '--root', lib.root]);
      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(
        new RegExp(`^personas/acme/acme-alpha\\.yaml:\\d+:\\d+ {2}error .+\\[${rule}\\]$`, 'm'),
      );
      expect(result.stdout).toContain('formatted personas/acme/acme-beta.yaml');
      expect(readFileSync(path.join(lib.root, 'personas/acme/acme-alpha.yaml'), 'utf8')).toBe(broken);
      // validate does not ask for a fmt that would refuse.
      const validate = await runCli(['validate', '--format', 'json', '--root', lib.root]);
      const report = JSON.parse(validate.stdout) as { diagnostics: Array<{ file: string; rule: string }> };
      const rules = report.diagnostics
        .filter((d) => d.file === 'personas/acme/acme-alpha.yaml')
        .map((d) => d.rule);
      expect(rules).toContain(rule);
      expect(rules).toContain('format/line-endings');
      expect(rules).not.toContain('format/not-canonical');
    },
  );

  it('writes UTF-8 without a BOM and LF only, whatever it read', async () => {
    const lib = library({
      ...VALID,
      'personas/acme/acme-alpha.yaml': `\uFEFF${VALID['personas/acme/acme-alpha.yaml'].replace(/\n/g, '\r\n')}`,
    });
    cleanup = lib.cleanup;
    expect((await runCli(['fmt', '--check', '--root', lib.root])).stdout).toMatch(
      /\[format\/bom\][\s\S]*\[format\/line-endings\]/,
    );
    expect((await runCli(['fmt', '--root', lib.root])).code).toBe(0);
    expect(readFileSync(path.join(lib.root, 'personas/acme/acme-alpha.yaml'))).toEqual(
      Buffer.from(VALID['personas/acme/acme-alpha.yaml']),
    );
    expect((await runCli(['fmt', '--check', '--root', lib.root])).code).toBe(0);
  });

  it('never folds long lines', async () => {
    const long = `identity: "${'A very long sentence about the persona. '.repeat(30).trim()}"`;
    const lib = library({
      'personas/acme/acme-alpha.yaml': personaText('acme-alpha', { overrides: { identity: long } })
        .replace('id: APP-101\n', '')
        .concat('id: APP-101\n'),
    });
    cleanup = lib.cleanup;
    await runCli(['fmt', '--root', lib.root]);
    const text = readFileSync(path.join(lib.root, 'personas/acme/acme-alpha.yaml'), 'utf8');
    expect(text.split('\n').find((l) => l.startsWith('identity:'))).toBe(long);
  });
});
