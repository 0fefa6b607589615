import { fastContributionCheck, fastPersonaCheck } from '../accel/fast-checks.ts';
import { accelerated } from '../accel/switch.ts';
import { type FileChecks, fileChecks } from '../check/file-checks.ts';
import { compileSchemaOnFirstUse } from '../check/schema/compile-schema.ts';

/** The per-file checks for planners, with the accelerator's fast paths unless it is switched off. */
export function libraryFileChecks(
  schemas: { persona: object; contribution: object },
  env: Record<string, string | undefined> = process.env,
): FileChecks {
  const validators = {
    persona: compileSchemaOnFirstUse(schemas.persona),
    contribution: compileSchemaOnFirstUse(schemas.contribution),
  };
  return fileChecks(
    validators,
    accelerated(env) ? { persona: fastPersonaCheck, contribution: fastContributionCheck } : {},
  );
}
