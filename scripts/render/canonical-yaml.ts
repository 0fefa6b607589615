import { type Document, isMap, isScalar, isSeq, type Pair, type ToStringOptions } from 'yaml';

/** One style for every file the tools write: no folding of long lines, two-space indents, LF endings. */
export const CANONICAL_TO_STRING: ToStringOptions = {
  lineWidth: 0,
  minContentWidth: 0,
  indent: 2,
  indentSeq: true,
  flowCollectionPadding: false,
};

/**
 * Canonical text of a YAML document: top-level keys in `keyOrder` (unknown keys keep their relative order,
 * after the known ones), nested keys of list items in `itemKeyOrder`, and `modeline` as the first line.
 * Comments travel with their nodes, so hand-written notes survive.
 */
export function canonicalYaml(
  doc: Document.Parsed | Document,
  options: {
    keyOrder: readonly string[];
    itemKeyOrder?: Record<string, readonly string[]>;
    modeline: string;
  },
): string {
  const modeline = options.modeline.replace(/^#/, '');
  const withoutModeline = (comment: string | null | undefined) =>
    (comment ?? '')
      .split('\n')
      .filter((line) => line.trim() !== modeline.trim())
      .join('\n')
      .replace(/^\n+/, '');
  doc.commentBefore = withoutModeline(doc.commentBefore) || null;
  if (isMap(doc.contents)) {
    // The parser attaches a file's leading comment to the first key; take the modeline off it before sorting.
    const first = doc.contents.items[0]?.key;
    if (isScalar(first)) first.commentBefore = withoutModeline(first.commentBefore) || null;
    sortPairs(doc.contents.items, options.keyOrder);
    for (const [key, order] of Object.entries(options.itemKeyOrder ?? {})) {
      const list = doc.contents.get(key, true);
      if (!isSeq(list)) continue;
      for (const item of list.items) if (isMap(item)) sortPairs(item.items, order);
    }
    const newFirst = doc.contents.items[0]?.key;
    if (isScalar(newFirst)) {
      newFirst.commentBefore = [modeline, newFirst.commentBefore].filter((c) => c).join('\n');
    } else {
      doc.commentBefore = [modeline, doc.commentBefore].filter((c) => c).join('\n');
    }
  } else {
    doc.commentBefore = [modeline, doc.commentBefore].filter((c) => c).join('\n');
  }
  const text = doc.toString(CANONICAL_TO_STRING).replace(/\r\n?/g, '\n');
  return `${text.replace(/\n+$/, '')}\n`;
}

function sortPairs(items: Pair[], order: readonly string[]): void {
  const rank = (pair: Pair) => {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const index = order.indexOf(key);
    return index === -1 ? order.length : index;
  };
  // Array.prototype.sort is stable, so unknown keys keep their relative order.
  items.sort((a, b) => rank(a) - rank(b));
}
