import { describe, expect, it } from 'vitest';
import { checkAgainstBase } from '../../scripts/check/base/check-against-base.ts';
import { generatedEdits } from '../../scripts/check/base/generated-edits.ts';
import type { PersonaFacts } from '../../scripts/check/persona/check-persona-file.ts';
import { diagnostic, START_OF_FILE } from '../../scripts/core/diagnostic.ts';
import { identityOf } from '../../scripts/core/facts.ts';

const TEXT = {
  title: 'The Acme Planner',
  tags: ['planning'],
  aha_moment: 'A',
  job_story: 'B',
  identity: 'C',
  intention: 'D',
  outcome: 'E',
  scenario: 'F',
  context: 'G',
  success_signal: 'H',
  churn_trigger: 'I',
};
const facts = (
  file: string,
  id: string | undefined,
  slug = file.split('/').at(-1)?.replace('.yaml', ''),
  text: Record<string, unknown> = {},
) => {
  const data = { ...(id ? { id } : {}), slug, ...text };
  return {
    file,
    data,
    readable: true,
    diagnostics: [],
    identity: identityOf(data),
    collected: {},
  } as PersonaFacts;
};
const RENAMED = 'personas/acme/acme-renamed.yaml';
const OLD = 'personas/acme/acme-old.yaml';
const NEW = 'personas/acme/acme-new.yaml';
const OTHER = 'personas/acme/acme-other.yaml';
const duplicate = (file: string) =>
  diagnostic(file, START_OF_FILE, 'id/duplicate', 'The id is also used.', 'Fix.');
const at = () => ({ line: 2, column: 5, endLine: 2, endColumn: 12 });

/** Head and base personas, the head's own diagnostics, and what the comparison must leave (file rule severity). */
const CASES: Array<{
  name: string;
  head: PersonaFacts[];
  base: PersonaFacts[];
  diagnostics?: ReturnType<typeof duplicate>[];
  expected: string[];
}> = [
  { name: 'nothing changed', head: [facts(OLD, 'APP-101')], base: [facts(OLD, 'APP-101')], expected: [] },
  {
    name: 'a new persona with a free id',
    head: [facts(OLD, 'APP-101'), facts(NEW, 'APP-102')],
    base: [facts(OLD, 'APP-101')],
    expected: [],
  },
  {
    name: 'an id changed on a persona of the base',
    head: [facts(OLD, 'APP-150')],
    base: [facts(OLD, 'APP-101')],
    expected: [`${OLD} id/changed error`],
  },
  {
    name: 'an id removed from a persona of the base',
    head: [facts(OLD, undefined)],
    base: [facts(OLD, 'APP-101')],
    expected: [`${OLD} id/changed error`],
  },
  {
    name: 'a persona moved to another file with its slug, id changed',
    head: [facts('personas/other/acme-old.yaml', 'APP-150', 'acme-old')],
    base: [facts(OLD, 'APP-101', 'acme-old')],
    expected: ['personas/other/acme-old.yaml id/changed error'],
  },
  {
    name: 'a new persona with a taken id: a warning on it, and the old one is not blamed',
    head: [facts(OLD, 'APP-101'), facts(NEW, 'APP-101')],
    base: [facts(OLD, 'APP-101')],
    diagnostics: [duplicate(OLD), duplicate(NEW)],
    expected: [`${NEW} id/taken warning`],
  },
  {
    name: 'two new personas sharing an id: both warned, both renumbered but the first',
    head: [facts(NEW, 'APP-120'), facts(OTHER, 'APP-120')],
    base: [],
    diagnostics: [duplicate(NEW), duplicate(OTHER)],
    expected: [`${NEW} id/taken warning`, `${OTHER} id/taken warning`],
  },
  {
    name: 'a persona renamed (file and slug) that keeps its id',
    head: [facts(RENAMED, 'APP-101', 'acme-renamed', TEXT)],
    base: [facts(OLD, 'APP-101', 'acme-old', TEXT)],
    expected: [],
  },
  {
    name: 'a persona renamed (file and slug) whose id changed: paired by its text',
    head: [facts(RENAMED, 'APP-999', 'acme-renamed', TEXT)],
    base: [facts(OLD, 'APP-101', 'acme-old', TEXT)],
    expected: [`${RENAMED} id/changed error`],
  },
  {
    name: 'a rename that keeps the id, plus a near copy taking the same id: only the copy is new',
    head: [
      facts(RENAMED, 'APP-101', 'acme-renamed', TEXT),
      facts('personas/acme/acme-aaa-copy.yaml', 'APP-101', 'acme-aaa-copy', { ...TEXT, title: 'The Copy' }),
    ],
    base: [facts(OLD, 'APP-101', 'acme-old', TEXT)],
    diagnostics: [duplicate(RENAMED), duplicate('personas/acme/acme-aaa-copy.yaml')],
    expected: ['personas/acme/acme-aaa-copy.yaml id/taken warning'],
  },
  {
    name: 'a persona deleted and another, different one added: nothing to pair',
    head: [facts(NEW, 'APP-102', 'acme-new', { title: 'Else' })],
    base: [facts(OLD, 'APP-101', 'acme-old', TEXT)],
    expected: [],
  },
  {
    name: 'a new persona with an id far above the highest on the base',
    head: [facts(OLD, 'APP-101'), facts(NEW, 'APP-999999999999')],
    base: [facts(OLD, 'APP-101')],
    expected: [`${NEW} id/out-of-sequence error`],
  },
  {
    name: 'a duplicate already on the base stays as it is',
    head: [facts(OLD, 'APP-101'), facts(OTHER, 'APP-101')],
    base: [facts(OLD, 'APP-101'), facts(OTHER, 'APP-101')],
    diagnostics: [duplicate(OLD), duplicate(OTHER)],
    expected: [`${OLD} id/duplicate error`, `${OTHER} id/duplicate error`],
  },
];

describe('checkAgainstBase', () => {
  it.each(CASES)('$name', ({ head, base, diagnostics = [], expected }) => {
    const out = checkAgainstBase({ personas: head, diagnostics }, { personas: base }, at);
    expect(out.map((d) => `${d.file} ${d.rule} ${d.severity}`).sort()).toEqual([...expected].sort());
  });
});

describe('generatedEdits (catalogue/edited)', () => {
  it.each([
    [['personas/a/a-b.yaml'], []],
    [['catalogue/README.md', 'personas/a/a-b.yaml'], ['catalogue/README.md']],
    [['.github/ISSUE_TEMPLATE/contribute.yml'], ['.github/ISSUE_TEMPLATE/contribute.yml']],
    [['catalogue/README.md', 'scripts/render/x.ts'], []],
    [['catalogue/README.md', 'package-lock.json'], []],
    [['catalogue/README.md', 'bin/persona.js'], []],
    [['catalogue/README.md', '.ci/run'], []],
  ])('%j → %j', (changed, reported) => {
    expect(generatedEdits(changed.map((file) => ({ file, added: false }))).map((d) => d.file)).toEqual(
      reported,
    );
  });

  it('tells how to take out a file the pull request added, and one it changed', () => {
    const [added, changed] = generatedEdits([
      { file: 'catalogue/new page.md', added: true },
      { file: 'catalogue/README.md', added: false },
    ]);
    expect(added?.hint).toContain("git rm --cached 'catalogue/new page.md'");
    expect(changed?.hint).toContain('git checkout origin/main -- catalogue/README.md');
  });
});
