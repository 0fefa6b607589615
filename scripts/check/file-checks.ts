import type { ContributionFacts } from '../core/contribution.ts';
import type { PersonaFacts } from '../core/facts.ts';
import type { LintSettings } from '../core/lint-settings.ts';
import { checkContributionFile, type FastContributionCheck } from './contribution/check-contribution-file.ts';
import { checkPersonaFile, type FastPersonaCheck } from './persona/check-persona-file.ts';
import type { SchemaValidator } from './schema/compile-schema.ts';

/**
 * The per-file checks as the planners (merge, intake, `contribute`) call them: the reference functions with
 * the schemas compiled, and, from the accelerator, their fast paths (same facts, the differential tests hold
 * them to it). The pipeline decides which.
 */
export interface FileChecks {
  persona(file: string, bytes: Uint8Array): PersonaFacts;
  contribution(file: string, bytes: Uint8Array): ContributionFacts;
  /** The compiled persona schema, for checks that take a validator (contributions against their personas). */
  validatePersona: SchemaValidator;
}

export function fileChecks(
  validators: { persona: SchemaValidator; contribution: SchemaValidator },
  fast: { persona?: FastPersonaCheck; contribution?: FastContributionCheck } = {},
  settings?: LintSettings,
): FileChecks {
  return {
    persona: (file, bytes) =>
      checkPersonaFile(file, bytes, validators.persona, { fast: fast.persona, settings }),
    contribution: (file, bytes) =>
      checkContributionFile(file, bytes, validators.contribution, { fast: fast.contribution, settings }),
    validatePersona: validators.persona,
  };
}
