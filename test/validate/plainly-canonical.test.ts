import { describe, expect, it } from 'vitest';
import { fastPersonaCheck } from '../../scripts/accel/fast-checks.ts';
import { isPlainlyCanonical } from '../../scripts/accel/plainly-canonical.ts';
import { checkPersonaFile } from '../../scripts/check/persona/check-persona-file.ts';
import { PERSONA_CANONICAL_OPTIONS } from '../../scripts/core/persona-fields.ts';
import { canonicalYaml } from '../../scripts/parse/canonical-yaml.ts';
import { parseYaml } from '../../scripts/parse/parse-yaml.ts';
import { personaValidator } from '../helpers/check-in-memory.ts';
import { personaText } from '../helpers/persona-text.ts';

const FILE = 'personas/acme/acme-alpha.yaml';
const base = personaText('acme-alpha', { id: 'APP-101', links: ['acme-beta'] });
const alpha = (overrides: Record<string, string | null>) =>
  personaText('acme-alpha', { id: 'APP-101', links: ['acme-beta'], overrides });

/** Lines the fast reader accepts but the printer writes differently, or that the line check leaves alone. */
const DECLINED: Array<[string, string]> = [
  ['no modeline', base.slice(base.indexOf('\n') + 1)],
  ['a comment line', base.replace('slug:', '# note\nslug:')],
  ['a trailing comment', base.replace('slug: acme-alpha', 'slug: acme-alpha # note')],
  ['a blank line', base.replace('slug:', '\nslug:')],
  ['CRLF', base.replace(/\n/g, '\r\n')],
  ['no final newline', base.slice(0, -1)],
  ['two spaces after the colon', base.replace('slug: acme-alpha', 'slug:  acme-alpha')],
  ['a trailing space', base.replace('slug: acme-alpha', 'slug: acme-alpha ')],
  ['keys out of order', alpha({ slug: 'title: "The acme-alpha persona"', title: 'slug: acme-alpha' })],
  ['a sequence not indented', alpha({ tags: 'tags:\n- monitoring\n- production' })],
  ['a sequence indented by four', alpha({ tags: 'tags:\n    - monitoring\n    - production' })],
  [
    'link keys out of order',
    alpha({
      composability: 'composability:\n  - relation: pairs-with\n    persona: acme-beta\n    note: "x"',
    }),
  ],
  ['an escape other than \\" and \\\\', alpha({ identity: 'identity: "caf\\u00e9"' })],
  ['a tab inside single quotes', alpha({ identity: "identity: 'a\tb'" })],
  ['a respelled boolean', alpha({ identity: 'identity: True' })],
  ['null spelled out', alpha({ identity: 'identity: null' })],
  ['a key with nothing below it', alpha({ identity: 'identity:' })],
  ['an emoji (not proved printer-stable)', alpha({ identity: 'identity: "Ships 🚀 daily."' })],
];

describe("the fast path's canonical line check", () => {
  it('accepts the canonical fixture persona, which the printer reproduces', () => {
    expect(isPlainlyCanonical(base)).toBe(true);
    const doc = parseYaml(FILE, base).doc;
    expect(doc && canonicalYaml(doc, PERSONA_CANONICAL_OPTIONS)).toBe(base);
  });

  it.each(DECLINED)('declines %s, and validate says the same either way', (_name, text) => {
    expect(isPlainlyCanonical(text)).toBe(false);
    const bytes = new TextEncoder().encode(text);
    const fast = checkPersonaFile(FILE, bytes, personaValidator, { fast: fastPersonaCheck });
    expect(fast).toEqual(checkPersonaFile(FILE, bytes, personaValidator));
  });
});
