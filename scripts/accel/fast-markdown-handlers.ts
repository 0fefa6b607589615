import type { Heading, Link, Paragraph, Parents, PhrasingContent, Text } from 'mdast';
import type { Handle, Handlers, Info, State } from 'mdast-util-to-markdown';

/**
 * Shortcuts for the node kinds a catalogue page has by the hundred, returning exactly what the configured
 * handlers return. `state.safe` runs every unsafe pattern (about fifty regular expressions) over each value, and
 * phrasing content is tracked position by position and checked for emphasis that could pair up; on a persona
 * page's long contribute URLs and hundreds of short texts, and on listing pages of thousands of cards, that was
 * most of the serialization time.
 * Anything the shortcuts are not sure about goes to the handler that would have run without them.
 * test/accel/fast-markdown.test.ts compares both on generated, hostile and random values.
 */

/**
 * A percent-encoded URL (all `encodeQueryValue` leaves). In a raw link destination none of these characters is
 * escaped, except `&` before a letter or `#` (it could start a character reference).
 */
const PLAIN_URL = /^[A-Za-z0-9%._~:/?=&-]+$/;

/** Inline code written as it stands between single backticks: no backtick, pipe or line break, no edge space. */
const PLAIN_CODE = /^[^`|\r\n ](?:[^`|\r\n]*[^`|\r\n ])?$/;

/**
 * Whether no unsafe pattern of mdast-util-to-markdown (with remark-gfm) can match inside `value`, so `safe`
 * returns it unchanged. Letters, digits, everything outside ASCII and a few ASCII marks are never escaped; some
 * marks only next to certain characters, so they are allowed where their neighbour settles it: inside the text,
 * or at its edges the last character of `before` and the first of `after` (what `safe` sees around it). An
 * empty `before` or `after` is unknown and counts as the worst case; so does any line break in `before`, which
 * could put the text at the start of a line.
 */
export function isInertText(value: string, before: string, after: string): boolean {
  if (value === '') return false;
  const outsideBefore = before === '' ? -1 : before.charCodeAt(before.length - 1);
  const outsideAfter = after === '' ? -1 : after.charCodeAt(0);
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index);
    if (code >= 0x80 || isAlphanumeric(code)) continue;
    const previous = index > 0 ? value.charCodeAt(index - 1) : outsideBefore;
    const next = index + 1 < value.length ? value.charCodeAt(index + 1) : outsideAfter;
    // On the code, not `value[index]`: that made a one-character string for every mark of every text.
    switch (code) {
      case 0x20: // ' '
        if (index === 0 && /[\r\n]$/.test(before)) return false;
        if (index === value.length - 1 && /^[\r\n]/.test(after)) return false;
        break;
      case 0x2c: // ','
      case 0x3b: // ';'
      case 0x3f: // '?'
      case 0x25: // '%'
      case 0x24: // '$'
      case 0x2f: // '/'
      case 0x22: // '"'
      case 0x27: // "'"
        break;
      // Ordered list item (`1.` at a line start) or a `www.` autolink literal (a `w.` before a word character).
      case 0x2e: // '.'
        if (previous === -1 || (isDigit(previous) && mayStartLine(value, index))) return false;
        if ((previous === 0x57 || previous === 0x77) && (next === -1 || isAutolinkNext(next))) return false;
        break;
      // `1)` at a line start.
      case 0x29: // ')'
        if (previous === -1 || (isDigit(previous) && mayStartLine(value, index))) return false;
        break;
      // `](` turning text into a link.
      case 0x28: // '('
        if (previous === -1 || previous === 0x5d) return false;
        break;
      // `- ` at a line start (spaces before it included).
      case 0x2d: // '-'
        if (onlySpacesBefore(value, index) && (before === '' || /[\r\n]/.test(before))) return false;
        break;
      // `https://` autolink literals and `:-` table delimiters.
      case 0x3a: // ':'
        if (next === -1 || next === 0x2d || next === 0x2f) return false;
        break;
      // `![` starting an image.
      case 0x21: // '!'
        if (next === -1 || next === 0x5b) return false;
        break;
      // `&name;` or `&#…;`, a character reference.
      case 0x26: // '&'
        if (next === -1 || isAlphanumeric(next) || next === 0x23) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

/** Whether `value` has nothing but spaces before `index` (most texts stop at their first character). */
function onlySpacesBefore(value: string, index: number): boolean {
  for (let at = 0; at < index; at++) if (value.charCodeAt(at) !== 0x20) return false;
  return true;
}

/**
 * Whether the digits just before `index` could be a list item's number: nothing but spaces or tabs between them
 * and a line break or the start of `value` (where what comes before is not known).
 */
function mayStartLine(value: string, index: number): boolean {
  let at = index - 1;
  while (at >= 0 && isDigit(value.charCodeAt(at))) at--;
  while (at >= 0 && (value.charCodeAt(at) === 0x20 || value.charCodeAt(at) === 0x09)) at--;
  return at < 0 || value.charCodeAt(at) === 0x0a || value.charCodeAt(at) === 0x0d;
}

/** `-`, `.`, `_`, a letter or a digit: what makes `w.` the start of a `www.` autolink literal. */
function isAutolinkNext(code: number): boolean {
  return code === 0x2d || code === 0x2e || code === 0x5f || isAlphanumeric(code);
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

function isAlphanumeric(code: number): boolean {
  return isDigit(code) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

/** `[label](url)` for a link with a plain URL, no title and one inert text as its label; else null. */
function plainLink(node: Link): string | null {
  if (node.title || !PLAIN_URL.test(node.url)) return null;
  if (couldBeAutolink(node)) return null;
  const [only] = node.children;
  if (node.children.length !== 1 || only?.type !== 'text' || !isInertText(only.value, '[', ']')) return null;
  return `[${only.value}](${linkDestination(node.url)})`;
}

function linkDestination(url: string): string {
  return url.replace(/&(?=[#A-Za-z])/g, '\\&');
}

/** Autolinks (`<https://…>`) are written differently; leave them to the configured handler. */
function couldBeAutolink(node: Link): boolean {
  const [only] = node.children;
  if (node.children.length !== 1 || only?.type !== 'text') return false;
  return only.value === node.url || `mailto:${only.value}` === node.url;
}

/**
 * What phrasing `children` serialize to between `before` and `after`, when each child is an inert text, a plain
 * link or plain inline code; else null. Links and code are written the same whatever their neighbours, a text
 * as it stands when it is inert between the characters the default phrasing would show it (the last one written
 * before it, the first one of the next child), and with no emphasis among them there is nothing to pair: the
 * phrasing is their texts one after another.
 */
export function plainPhrasing(
  children: readonly PhrasingContent[],
  before: string,
  after: string,
): string | null {
  let out = '';
  // The last character written so far: reading it off `out` would make V8 flatten the whole concatenation
  // each time, which on a contribute cell of many long links copies kilobytes per child.
  let previous = before;
  const last = children.length - 1;
  for (let index = 0; index <= last; index++) {
    const child = children[index] as PhrasingContent;
    let written: string | null = null;
    if (child.type === 'text') {
      const next = index === last ? after : firstCharacterOf(children[index + 1] as PhrasingContent);
      written = isInertText(child.value, previous, next) ? child.value : null;
      previous = child.value.charAt(child.value.length - 1);
    } else if (child.type === 'link') {
      written = plainLink(child);
      previous = ')';
    } else if (child.type === 'inlineCode') {
      written = PLAIN_CODE.test(child.value) ? `\`${child.value}\`` : null;
      previous = '`';
    }
    if (written === null) return null;
    out += written;
  }
  return out;
}

/** The first character a plain child is written with (any other kind makes the phrasing not plain anyway). */
function firstCharacterOf(node: PhrasingContent): string {
  if (node.type === 'text') return node.value.charAt(0);
  if (node.type === 'link') return '[';
  if (node.type === 'inlineCode') return '`';
  return '';
}

/**
 * The shortcuts, each falling back to the handler `configured` (defaults plus extensions, as the serializer
 * would otherwise pick) when it is not sure.
 */
export function fastHandlers(configured: Handlers): Partial<Handlers> {
  const fallback = {
    text: configured.text,
    link: configured.link,
    paragraph: configured.paragraph,
    heading: configured.heading,
  };

  const text = (node: Text, parent: Parents | undefined, state: State, info: Info): string =>
    isInertText(node.value, info.before, info.after) ? node.value : fallback.text(node, parent, state, info);

  /**
   * `[label](url)` straight away for a plain label and URL; otherwise the configured handler, run on a
   * placeholder URL when only the URL is plain, with the URL put back in its place.
   */
  const link = (node: Link, parent: Parents | undefined, state: State, info: Info): string => {
    const plain = plainLink(node);
    if (plain !== null) return plain;
    if (node.title || !PLAIN_URL.test(node.url) || couldBeAutolink(node))
      return fallback.link(node, parent, state, info);
    const shape = fallback.link({ ...node, url: 'x' }, parent, state, info);
    const destination = linkDestination(node.url);
    // `[label](x)`, or `[label](x "")` when the label could pass for a definition; the label is already escaped.
    const tail = shape.endsWith('](x)') ? ')' : shape.endsWith('](x "")') ? ' "")' : null;
    if (tail === null) return fallback.link(node, parent, state, info);
    return `${shape.slice(0, -(tail.length + 1))}${destination}${tail}`;
  };
  // The phrasing looks ahead with `peek` for the first character of the next node: `[`, as before.
  const linkWithPeek = Object.assign(link, { peek: (fallback.link as { peek?: Handle }).peek });

  /** A task list item's paragraph starts with its check box: that one is left to the configured handler. */
  const paragraph: Handle = (node: Paragraph, parent, state, info) => {
    const taskItem = parent?.type === 'listItem' && typeof parent.checked === 'boolean';
    return (
      (taskItem ? null : plainPhrasing(node.children, info.before, info.after)) ??
      fallback.paragraph(node, parent, state, info)
    );
  };

  /** An ATX heading (`## text`) whose text doesn't start with a space or tab (those would be encoded). */
  const heading: Handle = (node: Heading, parent, state, info) => {
    if (state.options.setext || state.options.closeAtx) return fallback.heading(node, parent, state, info);
    const value = plainPhrasing(node.children, '# ', '\n');
    if (value === null || value === '' || value.startsWith(' '))
      return fallback.heading(node, parent, state, info);
    return `${'#'.repeat(Math.max(Math.min(6, node.depth || 1), 1))} ${value}`;
  };

  return { text, link: linkWithPeek, paragraph, heading };
}
