import type { Diagnostic, Place } from './diagnostic.ts';
import type { ContentField } from './persona-fields.ts';

export const CONTRIBUTION_ACTIONS = ['confirm', 'correct', 'extend'] as const;
export type ContributionAction = (typeof CONTRIBUTION_ACTIONS)[number];

/** A contribution that passed its own schema: every key has the right type. */
export interface Contribution {
  persona: string;
  field: ContentField;
  action: ContributionAction;
  /** 1-based list item, for `confirm` and `correct` on a list field. */
  item?: number;
  value?: string;
  original?: string;
  author: string;
  rationale?: string;
  evidence?: string;
}

/** Canonical key order of a contribution file; `persona contribute` writes keys in this order. */
export const CONTRIBUTION_KEY_ORDER = [
  'persona',
  'field',
  'action',
  'item',
  'value',
  'original',
  'author',
  'rationale',
  'evidence',
] as const;

/**
 * Everything later stages need to know about one contribution file. Plain data (no YAML document), so it
 * can cross a worker boundary and be cached by content hash.
 */
export interface ContributionFacts {
  file: string;
  /** `<slug>` of `contributions/<slug>/<name>.yaml`, or null when the file is misplaced. */
  folder: string | null;
  /** The `YYYY-MM-DD` prefix of the file name when it is a real date. */
  fileDate: string | null;
  /** Null when the file has errors of its own: only a clean contribution is compared with its persona. */
  contribution: Contribution | null;
  /** Places of values (`persona`, `field`, …) and of keys (`key:persona`, …) that diagnostics point at. */
  places: Record<string, Place>;
  diagnostics: Diagnostic[];
}

export function placeOf(facts: Pick<ContributionFacts, 'places'>, ...keys: string[]): Place {
  for (const key of keys) {
    const place = facts.places[key];
    if (place) return place;
  }
  return { line: 1, column: 1, endLine: 1, endColumn: 1 };
}
