import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTRIBUTION_KEY_ORDER } from '../../scripts/core/contribution.ts';
import { CONTENT_FIELDS } from '../../scripts/core/persona-fields.ts';
import { REPO_ROOT } from '../helpers/run-cli.ts';
import { validateContribution } from './contribution-helpers.ts';

const schema = JSON.parse(readFileSync(path.join(REPO_ROOT, 'schemas/contribution.schema.json'), 'utf8'));

/** Every property schema in the document, with its path. */
function* properties(
  node: Record<string, unknown>,
  at: string,
): Generator<[string, Record<string, unknown>]> {
  const props = (node.properties ?? {}) as Record<string, Record<string, unknown>>;
  for (const [key, value] of Object.entries(props)) {
    yield [`${at}.${key}`, value];
    yield* properties(value, `${at}.${key}`);
  }
}

describe('schemas/contribution.schema.json', () => {
  it('is a 2020-12 schema with an $id next to the persona schema', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toMatch(/\/schemas\/contribution\.schema\.json$/);
    expect(schema.additionalProperties).toBe(false);
  });

  it('documents and caps every property the way the persona schema does', () => {
    for (const [where, property] of properties(schema, '')) {
      expect(property.description, where).toEqual(expect.any(String));
      if (property.type === 'string') expect(property.maxLength, where).toEqual(expect.any(Number));
      if (property.pattern) expect(property.patternErrorMessage, where).toEqual(expect.any(String));
    }
  });

  it('keeps the public key names, in the order `persona contribute` writes them', () => {
    expect(Object.keys(schema.properties)).toEqual([...CONTRIBUTION_KEY_ORDER]);
    expect(schema.properties.field.enum).toEqual([...CONTENT_FIELDS]);
    expect(schema.properties.action.enum).toEqual(['confirm', 'correct', 'extend']);
  });

  it.each([
    [{ persona: 'sentry-error-monitor', field: 'goals', action: 'confirm', author: 'octocat' }, true],
    [{ persona: 'APP-101', field: 'goals', action: 'extend', value: 'New.', author: 'octocat' }, true],
    [{ persona: 'APP-101', field: 'goals', action: 'extend', author: 'octocat' }, false],
    [{ persona: 'x', field: 'outcome', action: 'correct', value: 'a', original: 'b', author: 'o' }, false],
    [
      {
        persona: 'x',
        field: 'outcome',
        action: 'correct',
        value: 'a',
        original: 'b',
        author: 'o',
        rationale: 'c',
      },
      true,
    ],
    [{ persona: 'x', field: 'goals', action: 'confirm', author: 'o', value: ' padded ' }, false],
    [{ persona: 'x', field: 'goals', action: 'confirm', author: 'o', evidence: 'ftp://example.com' }, false],
  ])('accepts or refuses %j', (value, valid) => {
    expect(validateContribution(value)).toBe(valid);
  });
});
