import { type DefaultTreeAdapterTypes, parseFragment } from 'parse5';

/**
 * A rendered page as the tree a browser builds from it, with what does not change that tree's meaning taken out:
 * - attribute order (attributes are sorted by name),
 * - entity and quoting forms (`&quot;`, `&#34;` and `"` are the same character once parsed; `a=""` and `a` too),
 * - self-closing syntax (`<br />` and `<br>` are the same element),
 * - whitespace: runs of it collapse to one space, and it goes at the edges of block elements and between them,
 *   as HTML's rendering does; `<pre>` (and raw-text elements) keep theirs byte for byte.
 */
export type HtmlNode =
  | { kind: 'element'; tag: string; attributes: Array<[string, string]>; children: HtmlNode[] }
  | { kind: 'text'; text: string }
  | { kind: 'comment'; text: string };

/** Elements whose edges and gaps hold no meaningful whitespace (HTML's block-level and table elements). */
const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'caption',
  'col',
  'colgroup',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);

/** Elements whose text is kept as written: preformatted and raw text. */
const VERBATIM = new Set(['pre', 'textarea', 'script', 'style', 'xmp', 'plaintext', 'listing']);

type Parse5Node = DefaultTreeAdapterTypes.ChildNode;

const isBlock = (node: HtmlNode | undefined) =>
  node === undefined || (node.kind === 'element' && BLOCK.has(node.tag));

function normalizeChildren(
  nodes: readonly Parse5Node[],
  parentIsBlock: boolean,
  verbatim: boolean,
): HtmlNode[] {
  const raw: HtmlNode[] = [];
  for (const node of nodes) {
    if (node.nodeName === '#text') {
      const { value } = node as DefaultTreeAdapterTypes.TextNode;
      raw.push({ kind: 'text', text: verbatim ? value : value.replace(/[ \t\n\r\f]+/g, ' ') });
    } else if (node.nodeName === '#comment') {
      raw.push({ kind: 'comment', text: (node as DefaultTreeAdapterTypes.CommentNode).data });
    } else if ('tagName' in node) {
      const tag = node.tagName;
      const content =
        tag === 'template' ? (node as DefaultTreeAdapterTypes.Template).content.childNodes : node.childNodes;
      raw.push({
        kind: 'element',
        tag,
        attributes: node.attrs
          .map((attribute): [string, string] => [attribute.name, attribute.value])
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        children: normalizeChildren(content, BLOCK.has(tag), verbatim || VERBATIM.has(tag)),
      });
    }
  }
  if (verbatim) return raw;
  // Whitespace touching a block boundary (the parent's edge when the parent is a block, or a block sibling) is
  // layout, not content.
  const out: HtmlNode[] = [];
  raw.forEach((node, index) => {
    if (node.kind !== 'text') {
      out.push(node);
      return;
    }
    let { text } = node;
    const before = raw[index - 1];
    const after = raw[index + 1];
    if (before === undefined ? parentIsBlock : isBlock(before)) text = text.replace(/^ /, '');
    if (after === undefined ? parentIsBlock : isBlock(after)) text = text.replace(/ $/, '');
    if (text !== '') out.push({ kind: 'text', text });
  });
  return out;
}

/** The normalized tree of an HTML fragment (a rendered Markdown document). */
export function htmlTree(html: string): HtmlNode[] {
  return normalizeChildren(parseFragment(html).childNodes, true, false);
}

function describe(node: HtmlNode | undefined): string {
  if (node === undefined) return 'nothing';
  if (node.kind === 'text')
    return `text ${JSON.stringify(node.text.length > 80 ? `${node.text.slice(0, 80)}…` : node.text)}`;
  if (node.kind === 'comment') return `comment ${JSON.stringify(node.text.slice(0, 80))}`;
  return `<${[node.tag, ...node.attributes.map(([name, value]) => `${name}=${JSON.stringify(value)}`)].join(' ')}>`;
}

/** A step of a path: the element and its place among the normalized children, counted from 1. */
const step = (node: HtmlNode & { kind: 'element' }, index: number) => `${node.tag}[${index + 1}]`;

function sameNode(left: HtmlNode, right: HtmlNode): boolean {
  if (left.kind !== right.kind) return false;
  if (left.kind === 'element' && right.kind === 'element')
    return (
      left.tag === right.tag &&
      left.attributes.length === right.attributes.length &&
      left.attributes.every(
        ([name, value], i) => right.attributes[i]?.[0] === name && right.attributes[i]?.[1] === value,
      )
    );
  return (left as { text: string }).text === (right as { text: string }).text;
}

export interface StructuralDifference {
  /**
   * Where: the elements both sides share, as `tag[n]` steps from the top, then `[n]`, the place of the first
   * child that differs (n counts the normalized children, from 1).
   */
  path: string;
  /** What each side has at that place: an element with its attributes, a text, a comment, or nothing. */
  left: string;
  right: string;
}

function firstDifferenceIn(
  left: HtmlNode[],
  right: HtmlNode[],
  path: string[],
): StructuralDifference | undefined {
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const a = left[i];
    const b = right[i];
    if (a === undefined || b === undefined || !sameNode(a, b))
      return { path: [...path, `[${i + 1}]`].join(' > '), left: describe(a), right: describe(b) };
    if (a.kind === 'element' && b.kind === 'element') {
      const inside = firstDifferenceIn(a.children, b.children, [...path, step(a, i)]);
      if (inside) return inside;
    }
  }
  return undefined;
}

/** The first node, in document order, where the two HTML documents build different trees; none when they agree. */
export function firstStructuralDifference(left: string, right: string): StructuralDifference | undefined {
  return firstDifferenceIn(htmlTree(left), htmlTree(right), []);
}
