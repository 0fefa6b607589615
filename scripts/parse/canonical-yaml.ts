import {
  type Document,
  isMap,
  isNode,
  isScalar,
  isSeq,
  type Node,
  type Pair,
  type ToStringOptions,
  visit,
  type YAMLMap,
} from 'yaml';
import { PERSONA_CANONICAL_OPTIONS } from '../core/persona-fields.ts';
import { parseYaml } from './parse-yaml.ts';

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
 * after the known ones), nested keys of list items in `itemKeyOrder`, and `modeline` as the first line,
 * once. Comments travel with their nodes, so hand-written notes survive. The document is rearranged in
 * place; callers that still need it as parsed pass a clone.
 *
 * The result reads back to the same data and formats to itself (a property test holds it to both): every
 * choice below that the printer would otherwise make differently on a second pass is made here once.
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
  removeModeline(doc, modeline);
  if (isMap(doc.contents)) {
    sortPairs(doc.contents.items, options.keyOrder);
    for (const [key, order] of Object.entries(options.itemKeyOrder ?? {})) {
      const list = doc.contents.get(key, true);
      if (!isSeq(list)) continue;
      for (const item of list.items) {
        if (!isMap(item)) continue;
        sortPairs(item.items, order);
        hoistFirstKeyComment(item);
      }
    }
  }
  placeModeline(doc, modeline);
  // The printer writes LF, and escapes CR in every scalar. Only a comment can still hold one: give
  // `canonicalPersonaYaml` (or LF text) to anything parsed from CRLF.
  const text = doc.toString(CANONICAL_TO_STRING);
  // Never trim trailing blank lines: at the end of a `|+` block they are part of its text.
  return text.endsWith('\n') ? text : `${text}\n`;
}

/**
 * Takes the modeline out of every comment, wherever a hand edit left it (after the first key, as a trailing
 * comment, twice), so that it is written exactly once, on the first line. Blank lines it leaves at either
 * end of a comment are dropped too: they would print as a different layout on the next pass. A lone CR or a
 * line or paragraph separator in a comment becomes a line break, as editors show it: the printer starts a
 * new `#` line after each, which the parser reads back as part of the same comment, one `#` more each pass.
 */
function removeModeline(doc: Document, modeline: string): void {
  const clean = (comment: string | null | undefined): string | null => {
    if (!comment) return comment ?? null;
    const kept = comment
      .split(/\r\n?|\n|\u2028|\u2029/)
      .filter((line) => line.trim() !== modeline.trim())
      .join('\n')
      .replace(/^\n+|\n+$/g, '');
    return kept === '' ? null : kept;
  };
  doc.commentBefore = clean(doc.commentBefore);
  doc.comment = clean(doc.comment);
  visit(doc, {
    Node(_, node) {
      node.commentBefore = clean(node.commentBefore);
      node.comment = clean(node.comment);
    },
  });
}

/**
 * After sorting a list item's keys, a comment that sat above the key now first would print on the `- ` line
 * (`- # note`), which the parser then reads as the item's own comment, above the dash: it would move on
 * every pass. It is put where the second pass would put it, once.
 */
function hoistFirstKeyComment(item: YAMLMap): void {
  const key = item.items[0]?.key;
  if (!isNode(key)) return;
  if (key.commentBefore) {
    item.commentBefore = [item.commentBefore, key.commentBefore].filter((c) => c).join('\n');
    key.commentBefore = null;
  }
  if (key.spaceBefore) {
    item.spaceBefore = true;
    key.spaceBefore = false;
  }
}

/**
 * The modeline goes first: at the top of the file's header comment when there is one (a comment block
 * followed by a blank line, which the parser keeps as the document's comment), else on top of whatever
 * comment sits above the first key. A blank line between the modeline and the first key would make the
 * modeline the document's comment on the next pass, so the first key never starts with one of its own.
 */
function placeModeline(doc: Document, modeline: string): void {
  const first: Node | null = isMap(doc.contents) ? asNode(doc.contents.items[0]?.key) : null;
  // The printer already separates a header comment from the first key by one blank line.
  if (first) first.spaceBefore = false;
  if (doc.commentBefore || !first) {
    doc.commentBefore = [modeline, doc.commentBefore].filter((c) => c).join('\n');
    return;
  }
  first.commentBefore = [modeline, first.commentBefore].filter((c) => c).join('\n');
}

function asNode(value: unknown): Node | null {
  return isNode(value) ? value : null;
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

/**
 * The text `persona fmt` writes for a persona whose document parsed cleanly from `text`. In a CRLF file, yaml
 * keeps the CR of every line but the last of a comment block between keys, so such a file is read again as LF
 * and printed from that: CRLF and LF copies of a file format identically.
 */
export function canonicalPersonaYaml(file: string, text: string, doc: Document.Parsed): string {
  const lf = text.replaceAll('\r\n', '\n');
  const source = lf === text ? doc : (parseYaml(file, lf).doc ?? doc);
  return canonicalYaml(source, PERSONA_CANONICAL_OPTIONS);
}
