import { describe, expect, it } from 'vitest';
import { checkPersonas, marked } from '../helpers/check-in-memory.ts';
import { personaText } from '../helpers/persona-text.ts';

/**
 * How YAML mistakes are reported: an indentation mistake once, at the first bad line, as `yaml/indentation`
 * (not a quoting hint); a tab as `yaml/tab`, at the tab; a misspelt required key as one `schema/unknown-key` at
 * the key's own line. Each case marks with « where the one diagnostic of its rule must be, and lists every rule
 * the file may report at all: rule ids and positions, never wording.
 */
const FILE = 'personas/acme/acme-alpha.yaml';
const OTHER = 'personas/acme/acme-beta.yaml';
const alpha = (overrides: Record<string, string | null>) =>
  personaText('acme-alpha', { id: 'APP-101', links: ['acme-beta'], overrides });
const NOTE = 'note: "They work the same incidents."';

interface HintCase {
  name: string;
  /** The persona text, with one « marking the expected diagnostic. */
  text: string;
  rule: string;
  /** Every rule reported for the file, in order of position; the marked one among them, exactly once. */
  only: string[];
}

const CASES: HintCase[] = [
  {
    name: 'a 3-space indent under composability (the issue’s case)',
    text: alpha({
      composability: `composability:\n  - persona: acme-beta\n   «relation: pairs-with\n    ${NOTE}`,
    }),
    rule: 'yaml/indentation',
    only: ['yaml/indentation'],
  },
  {
    name: 'a key of a link indented one space less than its neighbours',
    text: alpha({
      composability: `composability:\n  - persona: acme-beta\n    relation: pairs-with\n   «${NOTE}`,
    }),
    rule: 'yaml/indentation',
    only: ['yaml/indentation'],
  },
  {
    name: 'a second list item one space deeper than the first',
    text: alpha({
      composability: `composability:\n  - persona: acme-beta\n    relation: pairs-with\n    ${NOTE}\n   «- persona: acme-gamma\n     relation: contrast\n     ${NOTE}`,
    }),
    rule: 'yaml/indentation',
    only: ['yaml/indentation'],
  },
  {
    name: 'a key indented under a key that has a value',
    text: alpha({ product: 'product: acme\n  «category: technical', category: null }),
    rule: 'yaml/indentation',
    only: ['yaml/indentation'],
  },
  {
    name: 'spaces, then a tab, before a link’s key',
    text: alpha({
      composability: `composability:\n  - persona: acme-beta\n  «\t relation: pairs-with\n    ${NOTE}`,
    }),
    rule: 'yaml/tab',
    only: ['yaml/tab'],
  },
  {
    name: 'spaces, then a tab, before a list item',
    text: alpha({ goals: 'goals:\n  - "Catch regressions."\n  «\t- "Keep the channel quiet."' }),
    rule: 'yaml/tab',
    only: ['yaml/tab'],
  },
  {
    name: 'a tab before a top-level key',
    text: alpha({ outcome: '«\toutcome: "Incidents are found in minutes."' }),
    rule: 'yaml/tab',
    only: ['yaml/tab'],
  },
  {
    name: 'a misspelt required key: one diagnostic, at the key',
    // At the end, where `fmt` keeps an unknown key, so no formatting warning joins it.
    text: `${alpha({ frustrations: null })}«frustations:\n  - "Alerts that fire for bots."\n`,
    rule: 'schema/unknown-key',
    only: ['schema/unknown-key'],
  },
  {
    name: 'a misspelt required key inside a link',
    text: alpha({
      composability: `composability:\n  - persona: acme-beta\n    ${NOTE}\n    «relaton: pairs-with`,
    }),
    rule: 'schema/unknown-key',
    only: ['schema/unknown-key'],
  },
  {
    name: 'an unclosed quote is still a syntax error, not an indentation one',
    text: alpha({ intention: 'intention: "To know first.«\nrest: 1' }),
    rule: 'yaml/syntax',
    only: ['yaml/syntax'],
  },
];

describe.each(CASES)('$name', ({ text, rule, only }) => {
  it(`is reported as ${rule}, once, at the marked place`, () => {
    const m = marked(text);
    const diagnostics = checkPersonas({
      [FILE]: m.text,
      [OTHER]: personaText('acme-beta', { id: 'APP-102', links: ['acme-alpha'] }),
    }).filter((d) => d.file === FILE);
    const rules = [...new Set(diagnostics.map((d) => d.rule))];
    expect(rules, JSON.stringify(diagnostics, null, 1)).toEqual(only);
    const found = diagnostics.filter((d) => d.rule === rule);
    expect(found).toHaveLength(1);
    expect({ line: found[0]?.line, column: found[0]?.column }).toEqual({ line: m.line, column: m.column });
  });
});

describe('a misspelt key that is not required', () => {
  it('is an unknown key, and nothing is folded into it', () => {
    const diagnostics = checkPersonas({
      [FILE]: alpha({ zzz: 'communty:\n  confirmations: 1' }),
      [OTHER]: personaText('acme-beta', { id: 'APP-102', links: ['acme-alpha'] }),
    }).filter((d) => d.file === FILE);
    expect(diagnostics.map((d) => d.rule)).toEqual(['schema/unknown-key']);
  });

  it('two misspellings of one required key: both unknown, the missing key kept, no fix', () => {
    const diagnostics = checkPersonas({
      [FILE]: alpha({ goals: 'goal:\n  - "One."\ngoalz:\n  - "Two."' }),
      [OTHER]: personaText('acme-beta', { id: 'APP-102', links: ['acme-alpha'] }),
    }).filter((d) => d.file === FILE);
    // `fmt` would move the two unknown keys to the end: a formatting warning, not an error.
    expect(diagnostics.map((d) => d.rule).sort()).toEqual([
      'format/not-canonical',
      'schema/missing-key',
      'schema/unknown-key',
      'schema/unknown-key',
    ]);
    expect(diagnostics.filter((d) => d.fix && d.rule.startsWith('schema/'))).toEqual([]);
  });
});
