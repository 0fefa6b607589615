import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fastContributionCheck } from '../../scripts/accel/fast-checks.ts';
import { checkContributionFile } from '../../scripts/check/contribution/check-contribution-file.ts';
import { compileSchema } from '../../scripts/check/schema/compile-schema.ts';
import { REPO_ROOT } from '../helpers/run-cli.ts';

const validate = compileSchema(
  JSON.parse(readFileSync(path.join(REPO_ROOT, 'schemas/contribution.schema.json'), 'utf8')),
);

function contributionFixtures(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...contributionFixtures(full));
    else if (full.includes('/contributions/') && name.endsWith('.yaml')) out.push(full);
  }
  return out;
}

const HEADER = '# yaml-language-server: $schema=../../schemas/contribution.schema.json\n';
const handWritten: Array<[string, string]> = [
  [
    'extend',
    `${HEADER}persona: acme-alpha\nfield: goals\naction: extend\nvalue: "A new goal."\nauthor: octocat\n`,
  ],
  [
    'correct with comment',
    `${HEADER}persona: acme-alpha   # the persona\nfield: goals\naction: correct\nitem: 2\nvalue: 'It''s better.'\noriginal: "Old \\"text\\"."\nauthor: octocat\nrationale: Because.\n`,
  ],
  [
    'evidence URL',
    `${HEADER}persona: acme-alpha\nfield: goals\naction: extend\nvalue: "x"\nauthor: octocat\nevidence: https://example.org/notes/1?a=b&c=%20\n`,
  ],
  [
    'evidence URL with a port',
    `${HEADER}persona: acme-alpha\nfield: goals\naction: extend\nvalue: "x"\nauthor: octocat\nevidence: https://example.org:8080/x\n`,
  ],
  [
    'confirm, CRLF',
    `${HEADER}persona: acme-alpha\r\nfield: aha_moment\r\naction: confirm\r\nauthor: octocat\r\n`,
  ],
  ['wide gaps', `persona:    acme-alpha\nfield:  goals\naction: extend\nvalue:   "x y"\nauthor: octocat\n`],
  [
    'unknown key',
    `${HEADER}persona: acme-alpha\nfield: goals\naction: extend\nvalue: "x"\nauthor: octocat\ncolour: blue\n`,
  ],
  [
    'protected field',
    `${HEADER}persona: acme-alpha\nfield: id\naction: correct\nvalue: "APP-1"\noriginal: "APP-101"\nauthor: octocat\nrationale: "r"\n`,
  ],
  [
    'block scalar',
    `${HEADER}persona: acme-alpha\nfield: goals\naction: extend\nvalue: |\n  multi\nauthor: octocat\n`,
  ],
];

const cases: Array<[string, string, string]> = [
  ...contributionFixtures(path.join(REPO_ROOT, 'test/fixtures')).map((full): [string, string, string] => {
    const file = full.slice(full.indexOf('contributions/'));
    return [path.relative(REPO_ROOT, full), file, readFileSync(full, 'utf8')];
  }),
  ...handWritten.map(([name, text]): [string, string, string] => [
    name,
    'contributions/acme-alpha/2026-11-20-octocat-goals.yaml',
    text,
  ]),
];

describe('the contribution fast path agrees with the full parse, places included', () => {
  it.each(cases)('%s', (_name, file, text) => {
    const bytes = new TextEncoder().encode(text);
    const fast = checkContributionFile(file, bytes, validate, { fast: fastContributionCheck });
    const full = checkContributionFile(file, bytes, validate);
    expect(fast).toEqual(full);
  });

  it('covers both paths', () => {
    // Guard against a vacuous test: some cases must be clean (fast path), some must not.
    const clean = cases.filter(
      ([, file, text]) =>
        checkContributionFile(file, new TextEncoder().encode(text), validate).diagnostics.length === 0,
    );
    expect(clean.length).toBeGreaterThanOrEqual(3);
    expect(clean.length).toBeLessThan(cases.length);
  });
});
