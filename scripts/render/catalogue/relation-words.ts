import type { Relation } from '../../core/catalogue-persona.ts';

/** How a relation reads in a sentence on a persona page: "**Pairs with** The PagerDuty On-call Engineer". */
export const RELATION_WORDS: Record<Relation, string> = {
  'pairs-with': 'Pairs with',
  contrast: 'Contrasts with',
  'use-with': 'Uses alongside',
};

/** Edge labels of the relationship graph. */
export const RELATION_LABELS: Record<Relation, string> = {
  'pairs-with': 'pairs with',
  contrast: 'contrasts with',
  'use-with': 'uses alongside',
};
