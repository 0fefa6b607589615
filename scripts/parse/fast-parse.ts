import { CORE_SCHEMA, load } from 'js-yaml';
import type { Place } from '../core/diagnostic.ts';

/**
 * The shapes of line that canonical files are made of. A file made only of these lines has no anchors,
 * aliases, tags, directives, flow mappings, block scalars, complex keys, tabs or multiple documents, and every
 * scalar resolves the same way in js-yaml's and yaml's YAML 1.2 core schemas (text, `true`/`null`, plain
 * integers without leading zeros, dates as text).
 */
// Keys that could touch an object's prototype never take the fast path; they are reported by the full parse.
const KEY = '(?!(?:__proto__|constructor|prototype):)[A-Za-z_][A-Za-z0-9_]*';
const VALUE = [
  '"(?:[^"\\\\]|\\\\.)*"', // double-quoted
  "'(?:[^']|'')*'", // single-quoted
  "[A-Za-z](?:[A-Za-z0-9 .,;()/+'-]*[A-Za-z0-9.,;()/+'-])?", // plain text without `:` or `#`, no trailing space
  '(?:0|[1-9][0-9]{0,14})', // plain integer
  '[0-9]{4}-[0-9]{2}-[0-9]{2}', // date (text in the core schema)
  'https?://[A-Za-z0-9._~/?&=%+-]+', // a URL: its `:` is not followed by a space, so it stays text
  '\\[\\]', // empty list
].join('|');
const COMMENT = '(?: +#.*)?';
const SIMPLE_LINE = new RegExp(
  `^(?: *#.*| *| *(?:- +)?${KEY}:(?: +(?:${VALUE}))?${COMMENT}| *- +(?:${VALUE})${COMMENT})\\r?$`,
);

/**
 * A fast reading of a file that is plainly well-formed, or undefined. It never produces diagnostics: anything
 * unusual is left to the full parser (`parseYaml`), which is the authority on syntax and positions. This is
 * what lets validation of a large library stay within the time of a schema-only check.
 */
export function fastParse(text: string): Record<string, unknown> | undefined {
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    if (!SIMPLE_LINE.test(text.slice(start, end))) return undefined;
    start = end + 1;
  }
  let value: unknown;
  try {
    value = load(text, { schema: CORE_SCHEMA, json: false });
  } catch {
    return undefined;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  return value as Record<string, unknown>;
}

const FLAT_LINE = new RegExp(`^(?:(${KEY}):( +)(${VALUE})(?: +#.*)?| *#.*| *)\\r?$`);

export interface FlatPlaces {
  [key: string]: { key: Place; value: Place };
}

/**
 * `fastParse` for a flat file (one `key: value` per line, such as a contribution), with the place of every key
 * and value taken from the lines themselves. The lines were verified to have exactly this shape, so the places
 * equal the ranges the full parser would give (a test holds the two to that).
 */
export function fastParseFlat(
  text: string,
): { data: Record<string, unknown>; places: FlatPlaces } | undefined {
  const places: FlatPlaces = {};
  let line = 0;
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    line++;
    const match = FLAT_LINE.exec(text.slice(start, end));
    if (!match) return undefined;
    const [, key, gap, value] = match;
    if (key !== undefined && gap !== undefined && value !== undefined) {
      const valueColumn = key.length + 2 + gap.length;
      places[key] = {
        key: { line, column: 1, endLine: line, endColumn: key.length + 1 },
        value: { line, column: valueColumn, endLine: line, endColumn: valueColumn + value.length },
      };
    }
    start = end + 1;
  }
  const data = fastParse(text);
  return data ? { data, places } : undefined;
}
