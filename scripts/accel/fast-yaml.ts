import type { FlatPlaces } from '../check/contribution/contribution-context.ts';
import { MAX_DEPTH } from '../parse/parse-yaml.ts';

/**
 * The shapes of line that canonical files are made of. A file made only of these lines has no anchors,
 * aliases, tags, directives, flow mappings, block scalars, complex keys, tabs, multiple documents or scalars
 * over several lines, and every scalar resolves the same way in any YAML 1.2 core-schema parser (text,
 * `true`/`null`, plain integers without leading zeros, dates as text).
 *
 * Declining is always safe (the caller then runs the full parser); accepting a file the `yaml` library reads
 * differently never is. So each pattern only admits what is certain, and
 * test/validate/fast-parse-differential.test.ts holds both readers to the same data over the YAML test suite
 * and thousands of random files.
 */
// Keys that could touch an object's prototype never take the fast path; they are reported by the full parse.
const KEY = '(?!(?:__proto__|constructor|prototype):)[A-Za-z_][A-Za-z0-9_]*';
/**
 * YAML (and `yaml` in strict mode) refuses an implicit key whose `:` is more than 1024 characters from its
 * start; longer keys than this are left to the full parser. Checked on the matched key rather than in KEY: a
 * bounded repeat there makes every line's match about a sixth slower.
 */
const MAX_KEY_LENGTH = 256;
// Unrolled: no alternation per character. These also match quoted text that goes on over several lines;
// `scalar` declines it (excluding line breaks here makes every line's match slower).
const DOUBLE_QUOTED = '"[^"\\\\]*(?:\\\\.[^"\\\\]*)*"';
const SINGLE_QUOTED = "'[^']*(?:''[^']*)*'";
// Starts with a letter; no `:` or `#`, no trailing space. Past the first character, YAML's indicators are text.
const PLAIN_TEXT = `[A-Za-z](?:[A-Za-z0-9 .,;()/+'_!?&%=@*"$~-]*[A-Za-z0-9.,;()/+'_!?&%=@*"$~-])?`;
const INTEGER = '(?:0|[1-9][0-9]{0,14})';
const DATE = '[0-9]{4}-[0-9]{2}-[0-9]{2}'; // text in the core schema
const URL = 'https?://[A-Za-z0-9._~/?&=%+-]+'; // its `:` is not followed by a space, so it stays text
const VALUE = [DOUBLE_QUOTED, SINGLE_QUOTED, PLAIN_TEXT, INTEGER, DATE, URL, '\\[\\]'].join('|');
const COMMENT = '(?: +#.*)?';

/**
 * One line: indentation, then a comment, a `key:` with an optional value (after an optional `- `), or a
 * `- value`. Groups: 1 indentation, 2 dash of a key line, 3 key, 4 its value, 5 dash of a value line, 6 value.
 */
// Sticky and multi-line: matched in place at each line's start, so no line is copied out of the text.
const LINE = new RegExp(
  `( *)(?:#.*|(- +)?(${KEY}):(?: +(${VALUE}))?${COMMENT}|(- +)(${VALUE})${COMMENT})?(?:\\r(?=\\n))?$`,
  'my',
);

/** A `key:` or `- ` line, ready for the structure pass. */
interface Token {
  indent: number;
  /** Where the content after `- ` starts, or -1 when the line has no dash. */
  itemColumn: number;
  key: string | undefined;
  /** The scalar on the line; `undefined` when a `key:` has none (its value is on the lines below, or null). */
  value: unknown;
}

/** Thrown inside the structure pass when the file needs the full parser; never escapes this module. */
const DECLINE = Symbol('decline');

/**
 * A fast reading of a file that is plainly well-formed, or undefined. It never produces diagnostics: anything
 * unusual (a line of another shape, uneven indentation, a duplicate key) is left to the full parser
 * (`parseYaml`), which is the authority on syntax and positions; a test holds the two to the same data. This
 * is what keeps validating a large library close to the time of a schema-only check.
 */
export function fastParse(text: string, maxDepth = MAX_DEPTH): Record<string, unknown> | undefined {
  try {
    const tokens = tokenize(text);
    const first = tokens?.[0];
    if (!tokens || !first || first.indent !== 0 || first.itemColumn !== -1) return undefined;
    const reader = new BlockReader(tokens, maxDepth);
    const data = reader.mapping(0, false, 1);
    return reader.done() ? data : undefined;
  } catch (error) {
    if (error === DECLINE) return undefined;
    throw error;
  }
}

/** The `key:` and `- ` lines, or undefined when a line has another shape. */
function tokenize(text: string): Token[] | undefined {
  const tokens: Token[] = [];
  let start = 0;
  while (start < text.length) {
    LINE.lastIndex = start;
    const match = LINE.exec(text);
    if (!match) return undefined;
    const end = start + match[0].length;
    // In multi-line mode `$` also matches before a lone CR or U+2028; only a real line end will do. (`yaml`
    // does not end a line at a lone CR: `a: 1\r` at the end of a file reads as the text "1\r".)
    if (end < text.length && text.charCodeAt(end) !== 0x0a) return undefined;
    start = end + 1;
    const [, indent = '', keyDash, key, keyValue, valueDash, value] = match;
    if (key !== undefined) {
      if (key.length > MAX_KEY_LENGTH) return undefined;
      tokens.push({
        indent: indent.length,
        itemColumn: keyDash === undefined ? -1 : indent.length + keyDash.length,
        key,
        value: keyValue === undefined ? undefined : scalar(keyValue),
      });
    } else if (valueDash !== undefined && value !== undefined) {
      tokens.push({
        indent: indent.length,
        itemColumn: indent.length + valueDash.length,
        key: undefined,
        value: scalar(value),
      });
    }
  }
  return tokens;
}

/** The value of one scalar that matched VALUE, resolved as the YAML 1.2 core schema does. */
function scalar(raw: string): unknown {
  switch (raw.charCodeAt(0)) {
    case 0x22: // "…": JSON's escapes are a subset of YAML's with the same meaning; the rest go to the full parse
      if (hasLineBreak(raw)) throw DECLINE;
      if (!raw.includes('\\')) return raw.slice(1, -1);
      try {
        const value: string = JSON.parse(raw);
        // A `\ud800` escape alone is half a character: the full parse reports it.
        if (!value.isWellFormed()) throw DECLINE;
        return value;
      } catch {
        throw DECLINE;
      }
    case 0x27: // '…'
      if (hasLineBreak(raw)) throw DECLINE;
      return raw.slice(1, -1).replaceAll("''", "'");
    case 0x5b: // []
      return [];
  }
  if (/^[0-9]/.test(raw)) return /^[0-9]+$/.test(raw) ? Number(raw) : raw;
  switch (raw) {
    case 'null':
    case 'Null':
    case 'NULL':
      return null;
    case 'true':
    case 'True':
    case 'TRUE':
      return true;
    case 'false':
    case 'False':
    case 'FALSE':
      return false;
  }
  return raw;
}

/**
 * Quoted text wrapped onto the next line: YAML folds the line break and the indentation around it into one
 * space (`a: "x\n  y"` reads "x y"), or refuses the next line (`a: "x\nb: y"`), so it is the full parser's. A
 * lone CR counts too: only the full parser knows what `yaml` makes of it.
 */
function hasLineBreak(raw: string): boolean {
  return raw.includes('\n') || raw.includes('\r');
}

/**
 * Block mappings and sequences from the tokens, by indentation, as YAML nests them. Depth counts as
 * `parseYaml` counts it (the top-level mapping is 1, and `[]` is a collection too): a file that nests deeper
 * than `maxDepth` is declined, so the full parser reports it (`yaml/too-deep`) rather than the fast path
 * handing on data the full parser would have cut.
 */
class BlockReader {
  private next = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly maxDepth: number,
  ) {}

  done(): boolean {
    return this.next === this.tokens.length;
  }

  /**
   * A mapping whose keys sit at `column`, `depth` levels down; `fromItem` when its first key shares a line
   * with a `- `.
   */
  mapping(column: number, fromItem: boolean, depth: number): Record<string, unknown> {
    if (depth > this.maxDepth) throw DECLINE;
    const out: Record<string, unknown> = {};
    let first = true;
    for (let token = this.tokens[this.next]; token; token = this.tokens[this.next]) {
      if (!(first && fromItem)) {
        if (token.indent < column) break;
        // Deeper than its siblings with no `key:` above to own it, or a `- ` among keys: not valid YAML.
        if (token.indent > column || token.itemColumn !== -1) throw DECLINE;
      }
      first = false;
      const key = token.key;
      // A key that the core schema reads as null or a boolean is reported by the full parse.
      if (key === undefined || Object.hasOwn(out, key) || scalar(key) !== key) throw DECLINE;
      this.next++;
      out[key] = token.value === undefined ? this.valueBelow(column, depth) : this.onLine(token.value, depth);
    }
    return out;
  }

  /** A value written on its key's or dash's line, in a collection `depth` levels down. */
  private onLine(value: unknown, depth: number): unknown {
    if (Array.isArray(value) && depth + 1 > this.maxDepth) throw DECLINE; // `[]`, one level further down
    return value;
  }

  /**
   * The value of a `key:` at `column`, in a mapping `depth` levels down, whose value is not on its line: a
   * nested block, or null.
   */
  private valueBelow(column: number, depth: number): unknown {
    const token = this.tokens[this.next];
    if (!token || token.indent < column) return null;
    if (token.indent > column)
      return token.itemColumn === -1
        ? this.mapping(token.indent, false, depth + 1)
        : this.sequence(token.indent, depth + 1);
    // A `- ` at the key's own indentation: YAML lets a mapping's value be a sequence indented no further.
    return token.itemColumn === -1 ? null : this.sequence(column, depth + 1);
  }

  private sequence(column: number, depth: number): unknown[] {
    if (depth > this.maxDepth) throw DECLINE;
    const out: unknown[] = [];
    for (let token = this.tokens[this.next]; token; token = this.tokens[this.next]) {
      if (token.indent < column || token.itemColumn === -1) break;
      if (token.indent > column) throw DECLINE;
      if (token.key === undefined) {
        out.push(this.onLine(token.value, depth));
        this.next++;
      } else {
        out.push(this.mapping(token.itemColumn, true, depth + 1));
      }
    }
    return out;
  }
}

// A flat file nests two levels at most (its mapping, and `[]`), far within MAX_DEPTH.
const FLAT_LINE = new RegExp(`^(?:(${KEY}):( +)(${VALUE})(?: +#.*)?| *#.*| *)\\r?$`);

export type { FlatPlaces };

/**
 * `fastParse` for a flat file (one `key: value` per line, such as a contribution), with the place of every key
 * and value taken from the lines themselves. The lines were verified to have exactly this shape, so the places
 * equal the ranges the full parser would give (a test holds the two to that).
 */
export function fastParseFlat(
  text: string,
): { data: Record<string, unknown>; places: FlatPlaces } | undefined {
  const places: FlatPlaces = {};
  // Every line was matched whole, so the data is read off the same matches, without a second pass.
  const data: Record<string, unknown> = {};
  // Each line below is cut at LF, so a CR is read only as part of CRLF, except one ending the file, which
  // `yaml` keeps in the value (`a: 1\r` reads as the text "1\r").
  if (text.endsWith('\r')) return undefined;
  let line = 0;
  let start = 0;
  try {
    while (start < text.length) {
      let end = text.indexOf('\n', start);
      if (end === -1) end = text.length;
      line++;
      const match = FLAT_LINE.exec(text.slice(start, end));
      if (!match) return undefined;
      const [, key, gap, value] = match;
      if (key !== undefined && gap !== undefined && value !== undefined) {
        // As in `fastParse`: a duplicate key, one the core schema reads as null or a boolean, or a long one is
        // the full parser's to report.
        if (Object.hasOwn(data, key) || scalar(key) !== key || key.length > MAX_KEY_LENGTH) return undefined;
        data[key] = scalar(value);
        const valueColumn = key.length + 2 + gap.length;
        places[key] = {
          key: { line, column: 1, endLine: line, endColumn: key.length + 1 },
          value: { line, column: valueColumn, endLine: line, endColumn: valueColumn + value.length },
        };
      }
      start = end + 1;
    }
  } catch (error) {
    if (error === DECLINE) return undefined;
    throw error;
  }
  return Object.keys(data).length > 0 ? { data, places } : undefined;
}
