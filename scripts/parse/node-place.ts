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
