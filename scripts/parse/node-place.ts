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

/**
 * The place of `value.slice(start, end)` inside the scalar node whose value is `value`: exact when the source
 * shows that text verbatim as often as the value holds it (plain and quoted text without escapes, block
 * text), else the whole node's place (an escape or a folded line break in the way).
 */
export function placeWithinScalar(
  node: { range?: Range | null } | null | undefined,
  lines: LineCounter,
  source: string,
  value: string,
  start: number,
  end: number,
): Place {
  const range = node?.range;
  if (!range) return START_OF_FILE;
  const needle = value.slice(start, end);
  const shown = source.slice(range[0], range[1]);
  const before = occurrences(value, needle, start);
  if (needle === '' || occurrences(shown, needle, shown.length) !== occurrences(value, needle, value.length))
    return nodePlace(node, lines);
  let at = -1;
  for (let seen = 0; seen <= before; seen++) at = shown.indexOf(needle, at + 1);
  return rangePlace(range[0] + at, range[0] + at + needle.length, lines);
}

/** How many times `needle` starts in `text` before `limit` (overlapping starts counted). */
function occurrences(text: string, needle: string, limit: number): number {
  let count = 0;
  for (let at = text.indexOf(needle); at !== -1 && at < limit; at = text.indexOf(needle, at + 1)) count++;
  return count;
}
