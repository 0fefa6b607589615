import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fastPersonaCheck } from '../../scripts/accel/fast-checks.ts';
import { fastParse } from '../../scripts/accel/fast-yaml.ts';
import { checkPersonaFile } from '../../scripts/check/persona/check-persona-file.ts';
import { personaLocation } from '../../scripts/check/persona/persona-location.ts';
import { DEFAULT_SETTINGS } from '../../scripts/core/lint-settings.ts';
import { personaValidator } from '../helpers/check-in-memory.ts';
import { personaText } from '../helpers/persona-text.ts';
import { REPO_ROOT } from '../helpers/run-cli.ts';
import { RULE_CASES } from './rule-cases.ts';

const encode = (text: string) => new TextEncoder().encode(text);

function shippedPersonas(): Array<[string, Uint8Array]> {
  const out: Array<[string, Uint8Array]> = [];
  for (const product of readdirSync(path.join(REPO_ROOT, 'personas'))) {
    for (const name of readdirSync(path.join(REPO_ROOT, 'personas', product))) {
      const file = `personas/${product}/${name}`;
      out.push([file, readFileSync(path.join(REPO_ROOT, file))]);
    }
  }
  return out;
}

/** Scalars where YAML parsers are known to disagree, or where 1.1 and 1.2 differ. */
const TRICKY_TITLES = [
  'yes',
  'no',
  'on',
  'True',
  'FALSE',
  'null',
  'Null',
  '~',
  '0123',
  '123',
  '1_000',
  '0x1F',
  '0o17',
  '1e3',
  '.inf',
  '-.5',
  '+1',
  '2026-11-20',
  '2026-11-20T10:00:00Z',
  "'single ''quoted'''",
  '"esc \\u00e9 \\t end"',
  '"a \\"b\\""',
  'The X: Y',
  'The #1 persona',
  'plain with trailing spaces   ',
  '"unterminated',
  "'x' y",
];

const cases: Array<[string, string, Uint8Array]> = [
  ...shippedPersonas().map(([file, bytes]): [string, string, Uint8Array] => [`shipped ${file}`, file, bytes]),
  ...RULE_CASES.flatMap((c) =>
    Object.entries(c.files).map(([file, content]): [string, string, Uint8Array] => [
      `${c.rule} ${c.name}`,
      file,
      typeof content === 'string' ? encode(content.replace('«', '')) : content,
    ]),
  ),
  ...TRICKY_TITLES.map((title): [string, string, Uint8Array] => [
    `title ${title}`,
    'personas/acme/acme-alpha.yaml',
    encode(personaText('acme-alpha', { overrides: { title: `title: ${title}` } })),
  ]),
];

describe('the fast path agrees with the full parse', () => {
  it.each(cases)('%s', (_name, file, bytes) => {
    // Taken or not, the facts are the reference's, every field of them.
    const fast = checkPersonaFile(file, bytes, personaValidator, { fast: fastPersonaCheck });
    const full = checkPersonaFile(file, bytes, personaValidator);
    expect(fast).toEqual(full);
  });

  it('is taken for the shipped library', () => {
    for (const [file, bytes] of shippedPersonas()) {
      const text = new TextDecoder().decode(bytes);
      expect(
        fastPersonaCheck(file, text, personaValidator, personaLocation(file).location, DEFAULT_SETTINGS),
        file,
      ).toBeDefined();
    }
  });

  it.each([
    ['an alias', 'a: &x 1\nb: *x\n'],
    ['a tag', 'a: !!binary aGk=\n'],
    ['a flow mapping', 'a: {b: 1}\n'],
    ['a block scalar', 'a: |\n  text\n'],
    ['a directive', '%YAML 1.2\n---\na: 1\n'],
    ['a second document', 'a: 1\n---\nb: 2\n'],
    ['a complex key', '? a\n: 1\n'],
    ['a tab', 'a:\n\t- 1\n'],
    ['__proto__', '__proto__: 1\n'],
    ['a nested constructor key', 'a:\n  - constructor: 1\n'],
    ['prototype as a key', 'prototype: x\n'],
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['a list at the top', '- a\n'],
  ])('declines %s', (_name, text) => {
    expect(fastParse(text)).toBeUndefined();
  });
});
