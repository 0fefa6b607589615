import { stringify } from 'yaml';
import { CANONICAL_TO_STRING } from '../../parse/canonical-yaml.ts';

/**
 * Text that `yaml` writes as a plain scalar, as it stands: starts with a letter, holds no character that could
 * start a comment, a mapping or a flow collection (nor a line break, tab or non-printable character), has no
 * trailing space, and isn't a core-schema keyword.
 */
const PLAIN_STRING = /^[A-Za-z][A-Za-z0-9 ,.'"();/?!%+=\u00a0-\ud7ff\ue000-\ufefe\uff00-\ufffd-]*$/;
const CORE_KEYWORDS = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE|[Nn]ull|NULL)$/;

/**
 * One `key: value` entry of a top-level block mapping, exactly as `stringify({ [key]: value }, CANONICAL_TO_STRING)`
 * writes it. Entries of a block mapping are written independently of each other, so a mapping's text is its
 * entries' texts in order. Everyday text takes a shortcut; anything else goes through the serializer.
 * test/catalogue/yaml-pair.test.ts holds the shortcut to the serializer.
 */
export function yamlPair(key: string, value: string | number): string {
  return yamlPairParts(key, value).join('');
}

/** `yamlPair` in pieces that join to it: `key: `, the value, a line break when the value is written as it is. */
export function yamlPairParts(key: string, value: string | number): string[] {
  // Not -0, which `${value}` writes as 0 and the serializer as -0.
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 && !Object.is(value, -0))
    return [`${key}: ${value}\n`];
  if (
    typeof value === 'string' &&
    PLAIN_STRING.test(value) &&
    !value.endsWith(' ') &&
    !CORE_KEYWORDS.test(value)
  )
    return [`${key}: `, value, '\n'];
  return [stringify({ [key]: value }, CANONICAL_TO_STRING)];
}
