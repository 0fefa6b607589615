/**
 * Makes untrusted text (persona content, messages, file names) inert in a GitHub comment. remark already
 * escapes Markdown syntax in text nodes (`*`, `[`, `<`, `|` in tables); what it cannot know about is what
 * GitHub adds after rendering: @mentions, #123 and GH-123 references, bare-URL autolinks. A WORD JOINER
 * (U+2060: invisible, never a word character) after the trigger character breaks each of those, and the
 * text still reads the same.
 */
export const WORD_JOINER = '\u2060';

// Bidi controls can make a reviewer read something other than what is there ("trojan source").
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g;
// C0/C1 controls except tab and newline; tabs and newlines are folded separately.
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

export interface NeutralizeOptions {
  /** Longer text is cut, with an ellipsis, so one hostile value cannot crowd out the rest. */
  maxLength?: number;
  /** Fold newlines and tabs into spaces (table cells, headings). */
  singleLine?: boolean;
}

/** For untrusted text in a one-line place (a table cell, a heading, a list line), cut at `maxLength`. */
export function oneLine(maxLength: number): NeutralizeOptions {
  return { maxLength, singleLine: true };
}

export function neutralizeText(text: string, options: NeutralizeOptions = {}): string {
  let value = text.replace(/\r\n?/g, '\n').replace(BIDI_CONTROLS, '').replace(CONTROLS, '');
  if (options.singleLine) value = value.replace(/\s*[\n\t]\s*/g, ' ');
  if (options.maxLength !== undefined) value = truncate(value, options.maxLength);
  return breakAutolinks(value);
}

function breakAutolinks(value: string): string {
  return (
    value
      // @user, @org/team: mentions notify people.
      .replace(/@(?=[\p{L}\p{N}_-])/gu, `@${WORD_JOINER}`)
      // #123, owner/repo#123: references create cross-links on other issues.
      .replace(/#(?=\p{N})/gu, `#${WORD_JOINER}`)
      // GH-123 is GitHub's other reference form.
      .replace(/\b(GH)-(?=\p{N})/giu, `$1${WORD_JOINER}-`)
      // https://… and www.… become links (and link previews) on their own.
      .replace(/:\/\//g, `:${WORD_JOINER}//`)
      .replace(/\b(www)\./giu, `$1${WORD_JOINER}.`)
      // HTML comments could forge the bot's marker or hide text; remark escapes `<`, this makes sure.
      .replace(/<!--/g, `<${WORD_JOINER}!--`)
  );
}

/** Cuts at a code-point boundary, never inside a surrogate pair. */
export function truncate(value: string, maxLength: number): string {
  if (value.length <= maxLength) return value;
  const points = Array.from(value);
  let out = '';
  for (const point of points) {
    if (out.length + point.length > maxLength - 1) break;
    out += point;
  }
  return `${out}…`;
}
