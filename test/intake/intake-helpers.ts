import { readFileSync } from 'node:fs';
import path from 'node:path';
import { compileSchema } from '../../scripts/check/schema/compile-schema.ts';
import { validateLibrary } from '../../scripts/pipeline/validate-library.ts';
import type { IntakeLibrary, IssueFacts } from '../../scripts/plan/intake/plan-intake.ts';
import { REPO_ROOT } from '../helpers/run-cli.ts';

/** Three personas copied from the shipped library (the contributions tests' fixture). */
export const FIXTURE_LIBRARY = path.join(REPO_ROOT, 'test/fixtures/contributions/library');
export const BODIES = path.join(REPO_ROOT, 'test/fixtures/intake/bodies');

/** A real-shaped issue-form body from test/fixtures/intake/bodies. */
export function body(name: string): string {
  return readFileSync(path.join(BODIES, `${name}.md`), 'utf8');
}

export function issue(bodyText: string, overrides: Partial<IssueFacts> = {}): IssueFacts {
  return { number: 12, author: 'octocat', createdAt: '2026-11-20T09:30:00Z', body: bodyText, ...overrides };
}

const schema = (name: string) => JSON.parse(readFileSync(path.join(REPO_ROOT, 'schemas', name), 'utf8'));

export async function loadLibrary(root = FIXTURE_LIBRARY): Promise<IntakeLibrary> {
  const library = await validateLibrary(root);
  return {
    personas: library.personas,
    contributions: library.contributions,
    validatePersona: compileSchema(schema('persona.schema.json')),
    validateContribution: compileSchema(schema('contribution.schema.json')),
  };
}
