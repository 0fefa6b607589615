import type { ContributionFacts } from '../../core/contribution.ts';
import type { ContributionIndex, PersonaTarget } from './contribution-index.ts';
import { candidatesFor } from './resolve-target.ts';

export interface PlannedComparison {
  contribution: ContributionFacts;
  target: PersonaTarget;
}

/**
 * The contribution-against-persona comparisons `checkContributions` will ask for: each clean contribution
 * whose `persona` names exactly one persona without errors. Known ahead, they can run where each persona's
 * data is instead of moving the data.
 */
export function plannedComparisons(
  contributions: readonly ContributionFacts[],
  index: ContributionIndex,
): PlannedComparison[] {
  const out: PlannedComparison[] = [];
  for (const facts of contributions) {
    if (!facts.contribution) continue;
    const candidates = candidatesFor(facts.contribution.persona, index);
    const target = candidates.length === 1 ? candidates[0] : undefined;
    if (!target?.usable) continue;
    out.push({ contribution: facts, target });
  }
  return out;
}
