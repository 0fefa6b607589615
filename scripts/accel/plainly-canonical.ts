import { type CanonicalLayout, PERSONA_CANONICAL_OPTIONS } from '../core/persona-fields.ts';

/*
 * Scalars the YAML printer writes back exactly as they are written here: double-quoted text whose only
 * escapes are `\"` and `\\` (the printer escapes as JSON does, which spells these two characters so and
 * leaves every other allowed one as it is); single-quoted text; plain text that starts with a letter and has
 * no `:` or `#` (the fast reader's own plain shape); integers without leading zeros; dates; URLs; `[]`.
 * Control characters, U+0080–U+009F, the line and paragraph separators, U+FEFF and surrogates (so emoji too)
 * are left to the full check: rare, and not worth proving printer-stable. Unrolled: no alternation per
 * character.
 */
const UNSAFE = '\\x00-\\x1f\\x7f-\\x9f\\u2028\\u2029\\ufeff\\ud800-\\udfff';
const DOUBLE_QUOTED = `"[^"\\\\${UNSAFE}]*(?:\\\\["\\\\][^"\\\\${UNSAFE}]*)*"`;
const SINGLE_QUOTED = `'[^'${UNSAFE}]*(?:''[^'${UNSAFE}]*)*'`;
// Not a word the core schema reads as null or a boolean: the printer may respell those.
const PLAIN_TEXT = `(?!(?:null|Null|NULL|true|True|TRUE|false|False|FALSE)\\n)[A-Za-z](?:[A-Za-z0-9 .,;()/+'_!?&%=@*"$~-]*[A-Za-z0-9.,;()/+'_!?&%=@*"$~-])?`;
const INTEGER = '(?:0|[1-9][0-9]{0,14})';
const DATE = '[0-9]{4}-[0-9]{2}-[0-9]{2}';
const URL = 'https?://[A-Za-z0-9._~/?&=%+-]+';
const VALUE = `(?:${[DOUBLE_QUOTED, SINGLE_QUOTED, PLAIN_TEXT, INTEGER, DATE, URL, '\\[\\]'].join('|')})`;
const KEY = '[A-Za-z_][A-Za-z0-9_]*';

/**
 * One line as the printer writes it: two-space steps, one space after `:` and `-`, no comment, no trailing
 * space, LF. Groups: 1 indentation, 2 dash of a key line, 3 key, 4 its value (with the space before it).
 * Values are not captured otherwise: that they match is all the check needs of them.
 */
const LINE = new RegExp(`( *)(?:(- )?(${KEY}):( ${VALUE})?|- ${VALUE})\\n`, 'y');

/**
 * Whether a file is certainly in canonical form, read from its lines alone: the modeline first, then only
 * printer-shaped lines, each nested block two columns in from its key, top-level keys and the keys of
 * `itemKeyOrder` list items in order. This is the fast path's stand-in for printing the document and
 * comparing, which costs as much as the full parse it avoids.
 *
 * It may only err towards false (the caller then checks the file in full); a property test holds every
 * true answer to `canonicalYaml`'s output. Precondition: `fastParse` accepted the text, so the lines form a
 * valid block structure and only the layout is left to check.
 */
export function isPlainlyCanonical(
  text: string,
  layout: CanonicalLayout = PERSONA_CANONICAL_OPTIONS,
): boolean {
  const { keyOrder, itemKeyOrder = {}, modeline } = layout;
  if (!text.startsWith(`${modeline}\n`)) return false;
  let at = modeline.length + 1;
  // The column the next line must start at: 0 first, two in after a `key:` that opens a block; -1 is free.
  let expectedColumn = 0;
  let topRank = -1;
  let itemOrder: readonly string[] | undefined;
  let itemRank = -1;
  while (at < text.length) {
    LINE.lastIndex = at;
    const match = LINE.exec(text);
    if (!match) return false;
    at += match[0].length;
    const column = (match[1] as string).length;
    if (expectedColumn !== -1 && column !== expectedColumn) return false;
    const key = match[3];
    if (key === undefined) {
      expectedColumn = -1;
      continue;
    }
    const keyDash = match[2] !== undefined;
    const keyColumn = keyDash ? column + 2 : column;
    // A `key:` with nothing below it is null, which the printer may spell differently; leave it to the check.
    expectedColumn = match[4] === undefined ? keyColumn + 2 : -1;
    if (keyColumn === 0) {
      const keyRank = rank(keyOrder, key);
      if (keyRank < topRank) return false;
      topRank = keyRank;
      itemOrder = Object.hasOwn(itemKeyOrder, key) ? itemKeyOrder[key] : undefined;
      itemRank = -1;
    } else if (itemOrder !== undefined && keyColumn === 4) {
      // A key of one item of a sorted list (its `- ` is at column 2); a dash starts the next item.
      if (keyDash) itemRank = -1;
      const keyRank = rank(itemOrder, key);
      if (keyRank < itemRank) return false;
      itemRank = keyRank;
    }
  }
  // Still expecting a column: no line after the modeline, or a last `key:` whose block never comes (null).
  return expectedColumn === -1;
}

function rank(order: readonly string[], key: string): number {
  const index = order.indexOf(key);
  return index === -1 ? order.length : index;
}
