import { describe, expect, it } from 'vitest';
import { checkAgainstBase } from '../../scripts/check/base/check-against-base.ts';
import { generatedEdits } from '../../scripts/check/base/generated-edits.ts';
import type { PersonaFacts } from '../../scripts/check/persona/check-persona-file.ts';
import { diagnostic, START_OF_FILE } from '../../scripts/core/diagnostic.ts';

const facts = (file: string, id: string | undefined, slug = file.split('/').at(-1)?.replace('.yaml', '')) =>
  ({ file, data: { ...(id ? { id } : {}), slug }, places: null, diagnostics: [] }) as PersonaFacts;
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
  ])('%j → %j', (changed, reported) => {
    expect(generatedEdits(changed).map((d) => d.file)).toEqual(reported);
  });
});
