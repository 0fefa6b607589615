import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { personaText } from '../helpers/persona-text.ts';
import { runCli, scratchLibrary } from '../helpers/run-cli.ts';

const ALPHA = 'personas/acme/acme-alpha.yaml';
const BETA = 'personas/acme/acme-beta.yaml';
const CONTRIBUTION = 'contributions/acme-alpha/2026-11-20-octocat-goals.yaml';

/** acme-alpha with a misspelt key, a misspelt category and a tag in capitals; acme-beta lacks its link back. */
const BROKEN = {
  [ALPHA]: personaText('acme-alpha', {
    id: 'APP-101',
    links: ['acme-beta'],
    overrides: {
      category: 'category: technicl',
      tags: 'tags:\n  - Monitoring\n  - production',
      frustrations: null,
      zzz: 'frustations:\n  - "Alerts that fire for bots hitting old endpoints."',
    },
  }),
  [BETA]: personaText('acme-beta', { id: 'APP-102', links: [] }),
};

function library(files: Record<string, string>) {
  const lib = scratchLibrary();
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(lib.root, file)), { recursive: true });
    writeFileSync(path.join(lib.root, file), text);
  }
  return lib;
}

const read = (root: string, file: string) => readFileSync(path.join(root, file), 'utf8');
const ruleOf = (line: string) => /\[([a-z-]+\/[a-z-]+)\]$/.exec(line)?.[1];

describe('persona fix', () => {
  let cleanups: Array<() => void> = [];
  afterEach(() => {
    for (const cleanup of cleanups) cleanup();
    cleanups = [];
  });
  const lib = (files: Record<string, string>) => {
    const made = library(files);
    cleanups.push(made.cleanup);
    return made.root;
  };

  it('applies every fix, one line each with its rule, and leaves a library that validates clean', async () => {
    const root = lib(BROKEN);
    const result = await runCli(['fix', '--root', root]);
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    const fixed = lines.filter((l) => /^\S+:\d+:\d+ {2}fixed {2}/.test(l));
    expect(fixed.map(ruleOf).sort()).toEqual([
      'format/not-canonical',
      'link/not-reciprocated',
      'schema/invalid-format',
      'schema/not-allowed',
      'schema/unknown-key',
    ]);
    expect(lines.at(-1)).toMatch(/^✔ /);
    const alpha = read(root, ALPHA);
    expect(alpha).toContain('category: technical\n');
    expect(alpha).toContain('  - monitoring\n');
    expect(alpha).toMatch(/^frustrations:$/m);
    expect(read(root, BETA)).toContain('  - persona: acme-alpha\n    relation: pairs-with\n');
    const validate = await runCli(['validate', '--root', root]);
    expect(validate.code, validate.stdout).toBe(0);
    expect(validate.stdout.trim().split('\n')).toHaveLength(1);
    // Written atomically: no temporary file is left beside the personas.
    expect(readdirSync(path.join(root, 'personas/acme')).sort()).toEqual([
      'acme-alpha.yaml',
      'acme-beta.yaml',
    ]);
    // A second run has nothing to do.
    const again = await runCli(['fix', '--root', root]);
    expect(again.code).toBe(0);
    expect(again.stdout.trim().split('\n')).toEqual(['✔ Nothing to fix automatically; no problems left.']);
  });

  it('--dry-run says what it would fix and writes nothing', async () => {
    const root = lib(BROKEN);
    const result = await runCli(['fix', '--root', root, '--dry-run']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/ {2}would fix {2}.+ {2}\[schema\/unknown-key\]$/m);
    expect(result.stdout).not.toMatch(/ {2}fixed {2}/);
    expect(read(root, ALPHA)).toBe(BROKEN[ALPHA]);
    expect(read(root, BETA)).toBe(BROKEN[BETA]);
  });

  it('with FILES, changes only those files and lists a fix that would edit another as left', async () => {
    const root = lib(BROKEN);
    const result = await runCli(['fix', ALPHA], { cwd: root });
    expect(result.code, result.stderr).toBe(0);
    expect(read(root, BETA)).toBe(BROKEN[BETA]);
    const left = result.stdout.split('\n').filter((l) => / {2}warning {2}/.test(l));
    expect(left.map(ruleOf)).toEqual(['link/not-reciprocated']);
    expect(read(root, ALPHA)).toContain('category: technical\n');
  });

  it('exits 1 when errors are left that need a person, and lists them', async () => {
    const root = lib({
      ...BROKEN,
      [ALPHA]: BROKEN[ALPHA].replace('context:', 'favourite_colour: blue\ncontext:'),
    });
    const result = await runCli(['fix', '--root', root]);
    expect(result.code).toBe(1);
    const errors = result.stdout.split('\n').filter((l) => / {2}error {2}/.test(l));
    expect(errors.map(ruleOf)).toEqual(['schema/unknown-key']);
    expect(result.stdout.trimEnd().split('\n').at(-1)).toMatch(
      /^✖ Fixed \d+ problems in 2 files; left: 1 error/,
    );
  });

  it('leaves what validate leaves: the config allow-list and the tag vocabulary apply, their problems count', async () => {
    const root = lib({
      ...BROKEN,
      [BETA]: personaText('acme-beta', {
        id: 'APP-102',
        links: ['acme-alpha'],
        overrides: {
          identity: 'identity: "Runs on-call for our customer Globex and for our client Initech."',
          tags: 'tags:\n  - production\n  - monitoring',
        },
      }),
      'persona.config.yaml': 'privacy:\n  allow: [Globex]\n  alow: []\n',
      'tags.yaml': 'tags:\n  monitoring: "People who watch production."\n',
    });
    const fixed = await runCli(['fix', '--root', root]);
    const validate = await runCli(['validate', '--root', root]);
    const problems = (stdout: string) =>
      stdout
        .split('\n')
        .filter((l) => / {2}(error|warning) {2}/.test(l))
        .map((l) => l.replace(/^(\S+:\d+:\d+) {2}(\w+) {2}.*\[(.+)\]$/, '$1 $2 $3'));
    // Globex is allowed, Initech is not; `production` is outside the vocabulary; the config's typo is an error.
    expect(problems(fixed.stdout)).toEqual(problems(validate.stdout));
    expect(
      problems(fixed.stdout)
        .map((p) => p.split(' ').at(-1))
        .sort(),
    ).toEqual(['privacy/customer-name', 'schema/unknown-key', 'tag/unknown', 'tag/unknown']);
    expect([fixed.code, validate.code]).toEqual([1, 1]);
  });

  it('fixes a contribution as well: a misspelt action', async () => {
    const root = lib({
      [ALPHA]: personaText('acme-alpha', { id: 'APP-101', links: [] }),
      [CONTRIBUTION]: [
        '# yaml-language-server: $schema=../../schemas/contribution.schema.json',
        'persona: acme-alpha',
        'field: goals',
        'action: confrim',
        'item: 1',
        'author: octocat',
        '',
      ].join('\n'),
    });
    const result = await runCli(['fix', '--root', root]);
    expect(result.code, result.stdout).toBe(0);
    expect(
      result.stdout
        .split('\n')
        .filter((l) => / fixed /.test(l))
        .map(ruleOf),
    ).toEqual(['schema/not-allowed']);
    expect(read(root, CONTRIBUTION)).toContain('action: confirm\n');
  });

  it('refuses a FILES argument outside the library, or not a persona or contribution, with exit 2', async () => {
    const root = lib(BROKEN);
    const outside = mkdtempSync(path.join(os.tmpdir(), 'persona-outside-'));
    cleanups.push(() => rmSync(outside, { recursive: true, force: true }));
    writeFileSync(path.join(outside, 'x.yaml'), 'id: APP-1\n');
    for (const named of [path.join(outside, 'x.yaml'), 'README.md', 'personas/acme/nope.yaml']) {
      const result = await runCli(['fix', '--root', root, named], { cwd: root });
      expect(result.code, named).toBe(2);
      expect(result.stderr).toMatch(/^persona fix: /);
    }
    expect(read(root, ALPHA)).toBe(BROKEN[ALPHA]);
  });

  it('never writes through a symbolic link: a linked persona is reported, and what it points to is left alone', async () => {
    const root = lib({ [ALPHA]: BROKEN[ALPHA].replace('acme-beta', 'acme-alpha-two') });
    const outside = mkdtempSync(path.join(os.tmpdir(), 'persona-outside-'));
    cleanups.push(() => rmSync(outside, { recursive: true, force: true }));
    const target = path.join(outside, 'acme-beta.yaml');
    writeFileSync(target, BROKEN[BETA]);
    symlinkSync(target, path.join(root, BETA));
    const result = await runCli(['fix', '--root', root]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /^personas\/acme\/acme-beta\.yaml:1:1 {2}error {2}.+ {2}\[file\/symlink\]$/m,
    );
    expect(readFileSync(target, 'utf8')).toBe(BROKEN[BETA]);
    const named = await runCli(['fix', '--root', root, BETA], { cwd: root });
    expect(named.code).toBe(2);
  });

  it('--help lists the command', async () => {
    const result = await runCli(['--help']);
    expect(result.stdout).toMatch(/^ {2}fix {2,}/m);
  });
});
