import type { Contribution, ContributionFacts } from '../../../core/contribution.ts';
import type { PersonaTarget } from '../contribution-index.ts';

/** A pending contribution whose persona was found, in file-path order. */
export interface PendingContribution {
  facts: ContributionFacts;
  contribution: Contribution;
  target: PersonaTarget;
}

/** Groups by a key, keeping file-path order inside each group. */
export function groupBy<T>(items: readonly T[], key: (item: T) => string | null): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === null) continue;
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return [...groups.values()].filter((group) => group.length > 1);
}
