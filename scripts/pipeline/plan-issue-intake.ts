import { compileSchema } from '../check/schema/compile-schema.ts';
import type { IssueFacts } from '../parse/issue-event.ts';
import { type IntakePlan, planIntake } from '../plan/intake/plan-intake.ts';
import { readContributionSchema } from '../read/read-contribution-schema.ts';
import { readPersonaSchema } from '../read/read-schemas.ts';
import { validateLibrary } from './validate-library.ts';

/**
 * The intake's decision for one issue: its form read into a contribution and checked, with the same rules
 * as `persona validate`, against the library on the default branch (`root`).
 */
export async function planIssueIntake(root: string, issue: IssueFacts): Promise<IntakePlan> {
  const [library, personaSchema, contributionSchema] = await Promise.all([
    validateLibrary(root),
    readPersonaSchema(root),
    readContributionSchema(root),
  ]);
  return planIntake(issue, {
    personas: library.personas,
    contributions: library.contributions,
    validatePersona: compileSchema(personaSchema),
    validateContribution: compileSchema(contributionSchema),
  });
}
