import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import reportSchema from '../../schemas/report.schema.json' with { type: 'json' };
import { REPORTED_PATH_PATTERN, reportedPath } from '../../scripts/core/reported-path.ts';
import { listLibrary } from '../../scripts/read/read-library.ts';
import { personaText } from '../helpers/persona-text.ts';
import { runCli, scratchLibrary } from '../helpers/run-cli.ts';

let cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups) cleanup();
  cleanups = [];
});

const VALID = personaText('acme-alpha', { id: 'APP-101' });

/** A scratch library with one valid persona, plus whatever `arrange` adds. */
function library(arrange: (root: string) => void): string {
  const { root, cleanup } = scratchLibrary();
  cleanups.push(cleanup);
  mkdirSync(path.join(root, 'personas/acme'), { recursive: true });
  mkdirSync(path.join(root, 'contributions'), { recursive: true });
  writeFileSync(path.join(root, 'personas/acme/acme-alpha.yaml'), VALID);
  arrange(root);
  return root;
}

function put(root: string, file: string, content = 'x: 1\n'): void {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), content);
}

/** Every entry a pull request can commit that is not a persona or a contribution, and how it must be reported. */
const HOSTILE: Array<{ name: string; arrange: (root: string) => void; file: string; rule: string }> = [
  {
    name: 'a committed merge journal (dot file)',
    arrange: (root) => put(root, 'contributions/.merge-journal.json', '{"version":1}'),
    file: 'contributions/.merge-journal.json',
    rule: 'file/hidden',
  },
  {
    name: 'a hidden YAML persona',
    arrange: (root) => put(root, 'personas/acme/.acme-beta.yaml', VALID),
    file: 'personas/acme/.acme-beta.yaml',
    rule: 'file/hidden',
  },
  {
    name: 'a hidden folder, reported once and not entered',
    arrange: (root) => put(root, 'personas/.x/acme/acme-beta.yaml', VALID),
    file: 'personas/.x',
    rule: 'file/hidden',
  },
  {
    name: 'a hidden symlink to dist/ (the attack)',
    arrange: (root) => {
      mkdirSync(path.join(root, 'dist'));
      symlinkSync('../dist', path.join(root, 'personas/.x'));
    },
    file: 'personas/.x',
    rule: 'file/symlink',
  },
  {
    name: 'a symlinked persona file',
    arrange: (root) => symlinkSync('acme-alpha.yaml', path.join(root, 'personas/acme/acme-beta.yaml')),
    file: 'personas/acme/acme-beta.yaml',
    rule: 'file/symlink',
  },
  {
    name: 'a symlinked product folder',
    arrange: (root) => symlinkSync('acme', path.join(root, 'personas/other')),
    file: 'personas/other',
    rule: 'file/symlink',
  },
  {
    name: 'a symlinked folder deep in contributions',
    arrange: (root) => {
      mkdirSync(path.join(root, 'contributions/acme-alpha'), { recursive: true });
      symlinkSync('/etc', path.join(root, 'contributions/acme-alpha/etc'));
    },
    file: 'contributions/acme-alpha/etc',
    rule: 'file/symlink',
  },
  {
    name: 'contributions/ itself a symlink',
    arrange: (root) => {
      // The real folder replaced with a link to another one.
      mkdirSync(path.join(root, 'elsewhere'));
      rmSync(path.join(root, 'contributions'), { recursive: true });
      symlinkSync('elsewhere', path.join(root, 'contributions'));
    },
    file: 'contributions',
    rule: 'file/symlink',
  },
  {
    name: 'a text file',
    arrange: (root) => put(root, 'personas/acme/notes.txt', 'notes'),
    file: 'personas/acme/notes.txt',
    rule: 'file/unexpected',
  },
  {
    name: 'a file without an extension',
    arrange: (root) => put(root, 'contributions/acme-alpha/payload', '#!/bin/sh\n'),
    file: 'contributions/acme-alpha/payload',
    rule: 'file/unexpected',
  },
  {
    name: 'a README below the top',
    arrange: (root) => put(root, 'personas/acme/README.md', '# hi'),
    file: 'personas/acme/README.md',
    rule: 'file/unexpected',
  },
  {
    name: 'a named pipe',
    arrange: (root) => execFileSync('mkfifo', [path.join(root, 'contributions/pipe.yaml')]),
    file: 'contributions/pipe.yaml',
    rule: 'file/unexpected',
  },
  {
    name: 'a name with a line break',
    arrange: (root) => put(root, 'personas/acme/acme-\nbeta.yaml', VALID),
    file: 'personas/acme/acme-%0Abeta.yaml',
    rule: 'file/bad-name',
  },
  {
    name: 'a name with an escape sequence',
    arrange: (root) => put(root, 'contributions/x/\u001b[31mred.yaml'),
    file: 'contributions/x/%1B[31mred.yaml',
    rule: 'file/bad-name',
  },
  {
    name: 'a name with a backslash',
    arrange: (root) => put(root, 'personas/acme/acme\\beta.yaml', VALID),
    file: 'personas/acme/acme%5Cbeta.yaml',
    rule: 'file/bad-name',
  },
  {
    name: 'a folder named with a control character, not entered',
    arrange: (root) => put(root, 'personas/a\tb/acme-beta.yaml', VALID),
    file: 'personas/a%09b',
    rule: 'file/bad-name',
  },
  {
    name: 'a name that is not UTF-8',
    arrange: (root) => {
      const dir = path.join(root, 'personas/acme');
      writeFileSync(
        Buffer.concat([Buffer.from(`${dir}/acme-`), Buffer.from([0xff, 0xfe]), Buffer.from('.yaml')]),
        VALID,
      );
    },
    file: 'personas/acme/acme-\ufffd\ufffd.yaml',
    rule: 'file/bad-name',
  },
];

describe('every entry under personas/ and contributions/ is read or reported', () => {
  it.each(HOSTILE)('$name → $rule at its own path', async ({ arrange, file, rule }) => {
    const root = library(arrange);
    const listing = await listLibrary(root);
    expect(listing.diagnostics.map((d) => `${d.file} ${d.rule}`)).toEqual([`${file} ${rule}`]);
    // Nothing behind the entry is read: only the one valid persona is listed.
    expect(listing.personaFiles).toEqual(['personas/acme/acme-alpha.yaml']);
    // Every reported name fits the report schema's path, whatever the entry was called on disk.
    for (const d of listing.diagnostics) expect(d.file).toMatch(new RegExp(REPORTED_PATH_PATTERN));
  });

  it('reads YAML files at any depth (and reports them as misplaced, not skipped)', async () => {
    const deep = `personas/${Array.from({ length: 10 }, (_, i) => `d${i}`).join('/')}/acme-deep.yaml`;
    const root = library((r) => put(r, deep, VALID));
    const listing = await listLibrary(root);
    expect(listing.personaFiles).toContain(deep);
  });

  it('accepts what a library holds: YAML files and a README.md at the top of each folder', async () => {
    const root = library((r) => {
      put(r, 'personas/README.md', '# Personas');
      put(r, 'contributions/README.md', '# Contributions');
      put(r, 'contributions/acme-alpha/2026-11-20-octocat-goals.yaml');
    });
    const listing = await listLibrary(root);
    expect(listing.diagnostics).toEqual([]);
    expect(listing.contributionFiles).toEqual(['contributions/acme-alpha/2026-11-20-octocat-goals.yaml']);
  });
});

describe('reported paths', () => {
  it('the report schema uses the one shared definition of a reported path', () => {
    expect(reportSchema.$defs.path.pattern).toBe(REPORTED_PATH_PATTERN);
  });

  it.each([
    ['a\nb.yaml', 'a%0Ab.yaml'],
    ['a\\b', 'a%5Cb'],
    ['\u202eevil.yaml', '%u202Eevil.yaml'],
    ['x/../y', 'x/%2E%2E/y'],
    ['/abs', 'abs'],
    ['', '(no name)'],
    ['plain/name.yaml', 'plain/name.yaml'],
  ])('%j is reported as %j', (name, shown) => {
    expect(reportedPath(name)).toBe(shown);
    expect(reportedPath(name)).toMatch(new RegExp(REPORTED_PATH_PATTERN));
  });

  it('caps a very long path at the schema maximum without splitting a character', () => {
    const long = `personas/${'😀'.repeat(400)}.yaml`;
    const shown = reportedPath(long);
    expect(shown.length).toBeLessThanOrEqual(reportSchema.$defs.path.maxLength);
    expect(shown.endsWith('…')).toBe(true);
    expect(() => encodeURIComponent(shown)).not.toThrow();
  });
});

describe('commands that write, in a hostile tree', () => {
  it('persona fmt reports links and hidden entries, formats nothing behind them, and writes through no link', async () => {
    const outside = scratchLibrary();
    cleanups.push(outside.cleanup);
    const victim = path.join(outside.root, 'victim.yaml');
    const unformatted = VALID.replace('category: technical', 'category:    technical');
    writeFileSync(victim, unformatted);
    const root = library((r) => {
      symlinkSync(outside.root, path.join(r, 'personas/linked'));
      put(r, 'personas/acme/.hidden.yaml', unformatted);
    });
    const run = await runCli(['fmt', '--root', root]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('[file/symlink]');
    expect(run.stdout).toContain('[file/hidden]');
    expect(readFileSync(victim, 'utf8')).toBe(unformatted);
    expect(readFileSync(path.join(root, 'personas/acme/.hidden.yaml'), 'utf8')).toBe(unformatted);
  });
});
