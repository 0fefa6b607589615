import { type Document, isScalar, isSeq, Scalar } from 'yaml';
import type { Contribution } from '../../core/contribution.ts';

/**
 * Applies a contribution to the persona's YAML document in place. Existing scalar nodes keep their style and
 * comments (only their value changes); a new list item takes the style of the item before it.
 */
export function editPersonaDocument(doc: Document.Parsed, contribution: Contribution): void {
  const { field, action, item, value } = contribution;
  if (action === 'confirm' || value === undefined) return;
  if (action === 'extend') {
    const list = doc.get(field, true);
    if (!isSeq(list)) throw new Error(`${field} is not a list`);
    const node = new Scalar(value);
    const last = list.items.at(-1);
    node.type =
      isScalar(last) && (last.type === 'PLAIN' || last.type === 'QUOTE_SINGLE') ? last.type : 'QUOTE_DOUBLE';
    list.items.push(node);
    return;
  }
  const node = item === undefined ? doc.get(field, true) : (doc.getIn([field, item - 1], true) as unknown);
  if (!isScalar(node)) throw new Error(`${field}${item === undefined ? '' : ` item ${item}`} is not text`);
  node.value = value;
}

/** Replaces (or adds, at the end) the tool-maintained `community` block. */
export function setCommunity(doc: Document.Parsed, community: Record<string, unknown>): void {
  doc.set('community', doc.createNode(community));
}
