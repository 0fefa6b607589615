import type { LineCounter, Node, Range } from 'yaml';
import type { Place } from '../core/diagnostic.ts';
import { START_OF_FILE } from '../core/diagnostic.ts';

/** The place of a YAML node's value, from the document's own ranges. */
export function nodePlace(node: { range?: Range | null } | null | undefined, lines: LineCounter): Place {
  const range = node?.range;
  if (!range) return START_OF_FILE;
  return rangePlace(range[0], range[1], lines);
}

export function rangePlace(start: number, end: number, lines: LineCounter): Place {
  const from = lines.linePos(start);
  const to = lines.linePos(Math.max(start, end));
  return { line: from.line, column: from.col, endLine: to.line, endColumn: to.col };
}

export type { Node };

/**
 * The places of a text's values by path (`['composability', 2, 'persona']`), from one full reading of it;
 * the start of the file for a path it does not have.
 */
export function valuePlaces(
  doc: { getIn(path: Iterable<unknown>, keepScalar?: boolean): unknown; contents: unknown } | null,
  lines: LineCounter,
): (at: ReadonlyArray<string | number>) => Place {
  return (at) => {
    if (!doc) return START_OF_FILE;
    const node = at.length === 0 ? doc.contents : doc.getIn(at, true);
    return nodePlace(node && typeof node === 'object' ? (node as Node) : null, lines);
  };
}
