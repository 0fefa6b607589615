import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileSchema, compileSchemaOnFirstUse } from '../../scripts/check/schema/compile-schema.ts';
import { REPO_ROOT } from '../helpers/run-cli.ts';

const contributionSchema = JSON.parse(
  readFileSync(path.join(REPO_ROOT, 'schemas', 'contribution.schema.json'), 'utf8'),
) as object;

const CASES: Array<[string, unknown]> = [
  [
    'a valid confirmation',
    { persona: 'sentry-error-monitor', field: 'goals', action: 'confirm', author: 'ada' },
  ],
  ['an unknown action', { persona: 'sentry-error-monitor', field: 'goals', action: 'delete', author: 'ada' }],
  ['a missing author', { persona: 'sentry-error-monitor', field: 'goals', action: 'confirm' }],
  ['not a mapping', ['confirm']],
];

describe('compileSchemaOnFirstUse', () => {
  it('does not compile until it is first called', () => {
    // An invalid schema makes ajv throw when compiling: building the validator must not.
    const validate = compileSchemaOnFirstUse({ type: 'not-a-type' });
    expect(validate.schemaDocument).toEqual({ type: 'not-a-type' });
    expect(() => validate({})).toThrow();
  });

  it.each(CASES)('answers %s exactly as the eagerly compiled schema does', (_name, data) => {
    const eager = compileSchema(contributionSchema);
    const lazy = compileSchemaOnFirstUse(contributionSchema);
    expect(lazy(data)).toBe(eager(data));
    expect(lazy.errors ?? null).toEqual(eager.errors ?? null);
    // Errors of one call never leak into the next.
    expect(lazy(CASES[0]?.[1])).toBe(true);
    expect(lazy.errors ?? null).toBeNull();
  });
});
