import type { Contribution, ContributionFacts } from '../../../core/contribution.ts';
import type { SchemaValidator } from '../../schema/compile-schema.ts';
import type { PersonaTarget } from '../contribution-index.ts';

/**
 * What a rule comparing a contribution with its persona sees. `data` is the persona's content as it stands
 * at that point: the file on disk for `persona validate`, or the result of the earlier contributions during
 * `persona merge`, which applies them one by one.
 */
export interface TargetContext {
  facts: ContributionFacts;
  contribution: Contribution;
  target: PersonaTarget;
  data: Record<string, unknown>;
  validatePersona: SchemaValidator;
}
