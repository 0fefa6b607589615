import type {
  BlockContent,
  Code,
  Emphasis,
  Heading,
  Html,
  InlineCode,
  Link,
  List,
  ListItem,
  Paragraph,
  PhrasingContent,
  Root,
  RootContent,
  Strong,
  Table,
  TableCell,
  TableRow,
  Text,
} from 'mdast';
import { neutralizeText } from '../neutralize-text.ts';
import { singleLine } from './single-line.ts';

/**
 * Small mdast node builders, so pages read as document structure. Text that comes from a persona goes through
 * `untrusted` or `untrustedLine`; remark escapes Markdown syntax when it serializes the tree.
 */

/** Text written by the catalogue itself. */
export function text(value: string): Text {
  return { type: 'text', value };
}

/**
 * What any rule of `neutralizeText` acts on (a superset): line-break pairs, controls, bidi marks, `@`, `#`, `<`,
 * `://`, `GH-`, `www.`. Most persona text has none of them and skips the rules.
 */
const NEUTRALIZE_TRIGGERS =
  /[\r\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069@#<]|:\/\/|gh-|www\./i;

function neutralize(value: string): string {
  return NEUTRALIZE_TRIGGERS.test(value) ? neutralizeText(value) : value;
}

/** Persona text that may hold several paragraphs and line breaks. */
export function untrusted(value: string): Text {
  return { type: 'text', value: neutralize(value) };
}

/** Persona text for a place that must stay on one line: a heading, a table cell, a link label. */
export function untrustedLine(value: string): Text {
  return { type: 'text', value: neutralize(singleLine(value)) };
}

export function paragraph(...children: PhrasingContent[]): Paragraph {
  return { type: 'paragraph', children };
}

export function heading(depth: Heading['depth'], ...children: PhrasingContent[]): Heading {
  return { type: 'heading', depth, children };
}

export function strong(...children: PhrasingContent[]): Strong {
  return { type: 'strong', children };
}

export function emphasis(...children: PhrasingContent[]): Emphasis {
  return { type: 'emphasis', children };
}

export function inlineCode(value: string): InlineCode {
  return { type: 'inlineCode', value };
}

export function link(url: string, ...children: PhrasingContent[]): Link {
  return { type: 'link', url, children };
}

export function code(lang: string, value: string): Code {
  return { type: 'code', lang, value };
}

/** Raw HTML: only ever a constant the catalogue defines (the banner), never persona text. */
export function trustedHtml(value: string): Html {
  return { type: 'html', value };
}

export function list(items: BlockContent[][]): List {
  return {
    type: 'list',
    ordered: false,
    spread: false,
    children: items.map((children): ListItem => ({ type: 'listItem', spread: false, children })),
  };
}

/** A list whose items are each one line of phrasing content. */
export function bulletList(items: PhrasingContent[][]): List {
  return list(items.map((children) => [paragraph(...children)]));
}

export function table(header: PhrasingContent[][], rows: PhrasingContent[][][]): Table {
  const row = (cells: PhrasingContent[][]): TableRow => ({
    type: 'tableRow',
    children: cells.map((children): TableCell => ({ type: 'tableCell', children })),
  });
  return { type: 'table', align: header.map(() => null), children: [row(header), ...rows.map(row)] };
}

/** Phrasing nodes separated by a fixed separator, e.g. tags joined with ", ". */
export function joined(parts: PhrasingContent[][], separator: string): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  parts.forEach((part, index) => {
    if (index > 0) out.push(text(separator));
    out.push(...part);
  });
  return out;
}

export function root(children: RootContent[]): Root {
  return { type: 'root', children };
}
