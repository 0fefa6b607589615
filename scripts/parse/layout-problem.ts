import { CST, Lexer, type LineCounter, type YAMLError } from 'yaml';
import { CONTRIBUTION_KEY_ORDER } from '../core/contribution.ts';
import { type Diagnostic, diagnostic } from '../core/diagnostic.ts';
import { LINK_KEY_ORDER, PERSONA_KEY_ORDER } from '../core/persona-fields.ts';
import { rangePlace } from './node-place.ts';

/**
 * The parser's errors that a misplaced line causes. One indentation mistake makes yaml report two or three of
 * them ("Sequence item without - indicator", "Implicit keys need to be on a single line"…), none at the line or
 * in the words that would help; they are folded into one diagnostic at the first bad line.
 */
const LAYOUT_CODES: ReadonlySet<string> = new Set([
  'BAD_INDENT',
  'BAD_INDENT_LEVEL',
  'TAB_AS_INDENT',
  'BLOCK_AS_IMPLICIT_KEY',
  'MULTILINE_IMPLICIT_KEY',
]);
const SEQUENCE_ITEM_WITHOUT_INDICATOR = /^Sequence item without - indicator/;
export const UNCLOSED_FLOW = /^Flow (sequence|map) in block collection/;

/** Keys a persona or contribution has: a line starting with one of them is a key, not wrapped text. */
const KNOWN_KEYS: ReadonlySet<string> = new Set<string>([
  ...PERSONA_KEY_ORDER,
  ...LINK_KEY_ORDER,
  ...CONTRIBUTION_KEY_ORDER,
  'confirmations',
  'contributors',
  'last_reviewed',
  'fields',
  'confirmed',
  'corrected',
  'extended',
  'confirmed_by',
]);

export interface LayoutProblem {
  diagnostic: Diagnostic;
  /** The parser's errors it stands for, left out of the report. */
  folded: ReadonlySet<YAMLError>;
}

/**
 * A tab in the indentation (`yaml/tab`) or a line indented to no level above it (`yaml/indentation`), when the
 * parser's errors come from one: the first such place, once, in place of those errors. Undefined when the errors
 * are of another kind (an unclosed quote, text that needs quoting), which keep their own report.
 */
export function layoutProblem(
  file: string,
  text: string,
  errors: readonly YAMLError[],
  lines: LineCounter,
): LayoutProblem | undefined {
  const layout = errors.filter((e) => isLayoutError(e, text, lines));
  if (layout.length === 0) return undefined;
  const folded = new Set(layout);
  // yaml names a tab it meets in indentation; one the lexer shows at the start of a line is named even when yaml
  // reports something else about it.
  const tab = firstIndentationTab(text) ?? layout.find((e) => e.code === 'TAB_AS_INDENT')?.pos[0];
  const badLine = Math.min(...layout.map((e) => causeLine(e, text, lines)));
  const starts = lineOffsets(text);
  if (tab !== undefined && lines.linePos(tab).line <= badLine) {
    const at = rangePlace(tab, tab + 1, lines);
    return {
      diagnostic: diagnostic(
        file,
        at,
        'yaml/tab',
        'This line is indented with a tab; YAML indentation is spaces only.',
        'Replace the tab with spaces (two per level), and set your editor to insert spaces for `.yaml` files.',
      ),
      folded,
    };
  }
  const lineText = lineAt(text, starts, badLine);
  const indent = /^ */.exec(lineText)?.[0].length ?? 0;
  const like = alignedWith(text, starts, badLine, lineText.slice(indent).startsWith('-'));
  const hint = like
    ? `${like.column === 0 ? 'Start it at the beginning of the line' : `Indent it by ${like.column} spaces`}, like ${like.what} on line ${like.line}: keys of one mapping, and the \`-\` of one list, start in the same column.`
    : 'Indent each level two spaces deeper than its parent: keys of one mapping, and the `-` of one list, start in the same column.';
  return {
    diagnostic: diagnostic(
      file,
      { line: badLine, column: indent + 1, endLine: badLine, endColumn: lineText.length + 1 },
      'yaml/indentation',
      `This line is indented by ${indent} space${indent === 1 ? '' : 's'}, which lines up with no key or list item above it.`,
      hint,
    ),
    folded,
  };
}

function isLayoutError(error: YAMLError, text: string, lines: LineCounter): boolean {
  if (error.code === 'MISSING_CHAR') return SEQUENCE_ITEM_WITHOUT_INDICATOR.test(error.message);
  // "Flow sequence in block collection must be … indented and end with a ]": a bracket left open.
  if (UNCLOSED_FLOW.test(error.message)) return false;
  if (!LAYOUT_CODES.has(error.code)) return false;
  if (error.code !== 'BLOCK_AS_IMPLICIT_KEY' && error.code !== 'MULTILINE_IMPLICIT_KEY') return true;
  // "Implicit keys…" is an indentation mistake when the text it reads as a key runs onto a line that starts
  // with a key of ours (`product: acme` then `  category: technical`); otherwise the text needs quoting.
  const next = continuationLine(error, text, lines);
  return next !== undefined && KNOWN_KEYS.has(/^\s*([A-Za-z_][\w-]*):(?:\s|$)/.exec(next)?.[1] ?? '');
}

/** The line a layout error is about: where a plain text swallowed the next line, that next line. */
function causeLine(error: YAMLError, text: string, lines: LineCounter): number {
  const line = lines.linePos(error.pos[0]).line;
  if (error.code !== 'BLOCK_AS_IMPLICIT_KEY' && error.code !== 'MULTILINE_IMPLICIT_KEY') return line;
  return continuationLine(error, text, lines) === undefined ? line : line + 1;
}

/** The line after the one an implicit-key error starts on, when the error's range reaches onto it. */
function continuationLine(error: YAMLError, text: string, lines: LineCounter): string | undefined {
  const end = text.indexOf('\n', error.pos[0]);
  if (end === -1) return undefined;
  const nextEnd = text.indexOf('\n', end + 1);
  const next = text.slice(end + 1, nextEnd === -1 ? undefined : nextEnd);
  // Only the implicit-key pair (BLOCK_AS… names the key's start; MULTILINE… spans it): the same plain text.
  const spans = errorSpansLines(error, lines) || error.code === 'BLOCK_AS_IMPLICIT_KEY';
  return spans && /^\s+\S/.test(next) ? next : undefined;
}

function errorSpansLines(error: YAMLError, lines: LineCounter): boolean {
  return lines.linePos(error.pos[1]).line > lines.linePos(error.pos[0]).line;
}

/**
 * The offset of the first tab in the indentation of a line, as the YAML lexer sees lines: text inside quotes, a
 * block scalar or a flow collection is not indentation.
 */
function firstIndentationTab(text: string): number | undefined {
  let offset = 0;
  let lineStart = true;
  let flow = 0;
  for (const token of new Lexer().lex(text)) {
    // The lexer's control tokens (document, scalar and flow markers) take no room in the source.
    if (token === CST.DOCUMENT || token === CST.FLOW_END || token === CST.SCALAR) continue;
    const type = CST.tokenType(token);
    if (type === 'newline') lineStart = true;
    else if (type === 'space') {
      const tab = token.indexOf('\t');
      if (lineStart && flow === 0 && tab !== -1) return offset + tab;
    } else if (type !== 'byte-order-mark') {
      lineStart = false;
      if (type === 'flow-map-start' || type === 'flow-seq-start') flow++;
      if ((type === 'flow-map-end' || type === 'flow-seq-end') && flow > 0) flow--;
    }
    offset += token.length;
  }
  return undefined;
}

/**
 * The nearest line above `line` that starts a sibling: for a key, the nearest key (after a `- `, its column
 * there); for a list item, the nearest `-`. Where the misplaced line most likely belongs.
 */
function alignedWith(
  text: string,
  starts: readonly number[],
  line: number,
  isItem: boolean,
): { line: number; column: number; what: string } | undefined {
  for (let at = line - 1; at >= 1; at--) {
    const above = lineAt(text, starts, at);
    if (/^\s*(#|$)/.test(above)) continue;
    const item = /^( *)- +(?:([A-Za-z_][\w-]*):(?:\s|$))?/.exec(above);
    if (isItem && item) return { line: at, column: item[1]?.length ?? 0, what: 'the `-`' };
    if (!isItem) {
      if (item?.[2])
        return {
          line: at,
          column: above.indexOf(item[2], (item[1]?.length ?? 0) + 1),
          what: `\`${item[2]}\``,
        };
      const key = /^( *)([A-Za-z_][\w-]*):(?:\s|$)/.exec(above);
      if (key?.[2]) return { line: at, column: key[1]?.length ?? 0, what: `\`${key[2]}\`` };
    }
  }
  return undefined;
}

function lineOffsets(text: string): number[] {
  const starts = [0];
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
  return starts;
}

function lineAt(text: string, starts: readonly number[], line: number): string {
  const start = starts[line - 1] ?? text.length;
  const end = starts[line] === undefined ? text.length : (starts[line] as number) - 1;
  return text.slice(start, end).replace(/\r$/, '');
}
