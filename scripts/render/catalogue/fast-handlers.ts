import type { Link, Parents, Text } from 'mdast';
import { defaultHandlers, type Info, type State } from 'mdast-util-to-markdown';

/**
 * Shortcuts for the two node kinds a catalogue page has by the hundred, returning exactly what the default
 * handlers return. `state.safe` runs every unsafe pattern (about fifty regular expressions) over each value;
 * on a persona page's thirty-odd long contribute URLs and hundreds of short texts that was most of the
 * serialization time. Anything the shortcuts are not sure about goes to the default handler.
 * test/catalogue/fast-handlers.test.ts compares both on generated, hostile and random values.
 */

/**
 * A percent-encoded URL (all `encodeQueryValue` leaves). In a raw link destination none of these characters is
 * escaped, except `&` before a letter or `#` (it could start a character reference).
 */
const PLAIN_URL = /^[A-Za-z0-9%._~:/?=&-]+$/;

/**
 * Whether no unsafe pattern of mdast-util-to-markdown (with remark-gfm) can match inside `value`, so `safe`
 * returns it unchanged. Letters, digits, everything outside ASCII and a few ASCII marks are never escaped; some
 * marks only next to certain characters, so they are allowed where their neighbour inside the text settles it.
 * Surrounding text (`before`, `after`) matters only for leading and trailing spaces, next to a line break.
 */
export function isInertText(value: string, before: string, after: string): boolean {
  if (value === '') return false;
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index);
    if (code >= 0x80 || isAlphanumeric(code)) continue;
    const previous = index > 0 ? value.charCodeAt(index - 1) : -1;
    const next = index + 1 < value.length ? value.charCodeAt(index + 1) : -1;
    switch (value[index]) {
      case ' ':
        if (index === 0 && /[\r\n]$/.test(before)) return false;
        if (index === value.length - 1 && /^[\r\n]/.test(after)) return false;
        break;
      case ',':
      case ';':
      case '?':
      case '%':
      case '$':
      case '/':
      case '"':
      case "'":
        break;
      // Ordered list item (`1.` at a line start) or a `www.` autolink literal.
      case '.':
        if (previous === -1 || isDigit(previous) || previous === 0x57 || previous === 0x77) return false;
        break;
      // `1)` at a line start; `](` turning text into a link.
      case ')':
        if (previous === -1 || isDigit(previous)) return false;
        break;
      case '(':
        if (previous === -1) return false;
        break;
      // `- ` at a line start (spaces before it included).
      case '-':
        if (!/[^ ]/.test(value.slice(0, index))) return false;
        break;
      // `https://` autolink literals and `:-` table delimiters.
      case ':':
        if (next !== 0x20) return false;
        break;
      // `![` starting an image; `&name;` a character reference.
      case '!':
        if (next === -1) return false;
        break;
      case '&':
        if (next === -1 || isAlphanumeric(next) || next === 0x23) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

function isAlphanumeric(code: number): boolean {
  return isDigit(code) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

function text(node: Text, parent: Parents | undefined, state: State, info: Info): string {
  if (isInertText(node.value, info.before, info.after)) return node.value;
  return defaultHandlers.text(node, parent, state, info);
}

/**
 * `[label](url)` straight away for a plain label and URL; otherwise the default handler, run on a placeholder
 * URL when only the URL is plain, with the URL put back in its place.
 */
function link(node: Link, parent: Parents | undefined, state: State, info: Info): string {
  if (node.title || !PLAIN_URL.test(node.url) || couldBeAutolink(node))
    return defaultHandlers.link(node, parent, state, info);
  const destination = node.url.replace(/&(?=[#A-Za-z])/g, '\\&');
  const [only] = node.children;
  if (node.children.length === 1 && only?.type === 'text' && isInertText(only.value, '[', ']'))
    return `[${only.value}](${destination})`;
  const shape = defaultHandlers.link({ ...node, url: 'x' }, parent, state, info);
  // `[label](x)`, or `[label](x "")` when the label could pass for a definition; the label is already escaped.
  const tail = shape.endsWith('](x)') ? ')' : shape.endsWith('](x "")') ? ' "")' : null;
  if (tail === null) return defaultHandlers.link(node, parent, state, info);
  return `${shape.slice(0, -(tail.length + 1))}${destination}${tail}`;
}
link.peek = defaultHandlers.link.peek;

/** Autolinks (`<https://…>`) are written differently; leave them to the default handler. */
function couldBeAutolink(node: Link): boolean {
  const [only] = node.children;
  if (node.children.length !== 1 || only?.type !== 'text') return false;
  return only.value === node.url || `mailto:${only.value}` === node.url;
}

export const FAST_HANDLERS = { link, text };
