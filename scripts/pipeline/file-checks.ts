import { fastContributionCheck, fastPersonaCheck } from '../accel/fast-checks.ts';
import { accelerated } from '../accel/switch.ts';
import { type FileChecks, fileChecks } from '../check/file-checks.ts';
import { compileSchemaOnFirstUse } from '../check/schema/compile-schema.ts';
import type { LintSettings } from '../core/lint-settings.ts';

/**
 * The per-file checks for planners, with the accelerator's fast paths unless it is switched off, and the
 * library's lint settings (persona.config.yaml) as validation uses them.
 */
export function libraryFileChecks(
  schemas: { persona: object; contribution: object },
  env: Record<string, string | undefined> = process.env,
  settings?: LintSettings,
): FileChecks {
  const validators = {
    persona: compileSchemaOnFirstUse(schemas.persona),
    contribution: compileSchemaOnFirstUse(schemas.contribution),
  };
  return fileChecks(
    validators,
    accelerated(env) ? { persona: fastPersonaCheck, contribution: fastContributionCheck } : {},
    settings,
  );
}
