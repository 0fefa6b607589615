import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { CANONICAL_TO_STRING } from '../../scripts/parse/canonical-yaml.ts';
import { yamlPair } from '../../scripts/render/catalogue/yaml-pair.ts';
import { markdownText } from './markdown-arbitraries.ts';
import { randomStrings } from './random-strings.ts';

/** What the shortcut must equal: the YAML serializer on a one-entry mapping. */
const serializer = (key: string, value: string | number) => stringify({ [key]: value }, CANONICAL_TO_STRING);

describe('yamlPair writes what the YAML serializer writes', () => {
  it.each([
    'Plain words, with commas; (parentheses) and a full stop.',
    "The team's saved views — “quoted” and 'quoted'.",
    'true',
    'True',
    'FALSE',
    'null',
    'Null',
    'yes',
    'NaN',
    'a: b',
    'a #b',
    'a:b',
    'trailing space ',
    ' leading space',
    'x  y',
    'line\nbreak',
    'blank\n\nline ',
    'tab\there',
    '- dash first',
    '1e3',
    '0x1F',
    '.inf',
    '~',
    '@mention',
    '[flow',
    '{flow',
    '"quoted"',
    "'quoted'",
    'bidi \u202e control',
    'byte order \ufeff mark',
    'line \u2028 separator',
    'next \u0085 line',
    'emoji 😀 pair',
    'a\\b',
    '',
  ])('%j', (value) => {
    expect(yamlPair('value', value)).toBe(serializer('value', value));
    expect(yamlPair('original', value)).toBe(serializer('original', value));
  });

  it('on numbers', () => {
    for (const value of [0, -0, 1, 42, 1e21, -3, 1.5])
      expect(yamlPair('item', value)).toBe(serializer('item', value));
  });

  it('on 20,000 random strings', () => {
    for (const value of randomStrings(20_000, 1))
      expect(yamlPair('value', value)).toBe(serializer('value', value));
  });

  it('on random strings and numbers (fast-check)', () => {
    const value = fc.oneof(
      markdownText(30),
      fc.string({ unit: 'grapheme', maxLength: 30 }),
      fc.constantFrom('true', 'Null', 'yes', '~', '0x1F', '1e3', 'a: b', 'a #b'),
      fc.integer({ min: -5, max: 2 ** 53 }),
      fc.double({ noNaN: false }),
    );
    fc.assert(
      fc.property(fc.constantFrom('value', 'original', 'item'), value, (key, one) => {
        expect(yamlPair(key, one)).toBe(serializer(key, one));
      }),
      { seed: 15, numRuns: 2000 },
    );
  });
});
