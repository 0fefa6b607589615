import { Document, isMap, isScalar } from 'yaml';
import { CONTRIBUTION_KEY_ORDER, type Contribution } from '../core/contribution.ts';
import { CONTRIBUTION_MODELINE } from '../core/persona-fields.ts';
import { canonicalYaml } from '../parse/canonical-yaml.ts';

/** Free text is double-quoted, as in personas, so `: `, `#` or a leading `-` never change its meaning. */
const QUOTED_KEYS = new Set(['value', 'original', 'rationale']);

export const CONTRIBUTION_CANONICAL_OPTIONS = {
  keyOrder: CONTRIBUTION_KEY_ORDER,
  modeline: CONTRIBUTION_MODELINE,
};

/** The text of a contribution file: the modeline, then the keys in canonical order. */
export function scaffoldContribution(contribution: Contribution): string {
  const doc = new Document(contribution);
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      if (isScalar(pair.key) && QUOTED_KEYS.has(String(pair.key.value)) && isScalar(pair.value))
        pair.value.type = 'QUOTE_DOUBLE';
    }
  }
  return canonicalYaml(doc, CONTRIBUTION_CANONICAL_OPTIONS);
}

/** `<date>-<author>-<field>[-item-<n>]`: sorts by date, says who and what at a glance. */
export function contributionFileStem(contribution: Contribution, date: string): string {
  const item = contribution.item === undefined ? '' : `-item-${contribution.item}`;
  return `${date}-${contribution.author.toLowerCase()}-${contribution.field.replace(/_/g, '-')}${item}`;
}
