import type {
  BlockContent,
  Blockquote,
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
  ThematicBreak,
} from 'mdast';
import { singleLine } from './catalogue/single-line.ts';
import { type NeutralizeOptions, neutralizeText } from './neutralize-text.ts';

/**
 * The mdast node builders of everything the tools write as Markdown (catalogue pages, bot comments, job
 * summaries, pull-request bodies), so documents read as their structure. One set of signatures: containers
 * take their children as arguments. Each serializes with its own settings (the catalogue's
 * serialize-markdown.ts, the bot's markdown.ts); remark escapes Markdown syntax in text nodes.
 *
 * Text from a persona, a contributor or a report enters only through `untrusted`, `untrustedLine` or
 * `untrustedRich`, which neutralize what GitHub would act on after rendering (neutralize-text.ts);
 * `trustedHtml` is only ever a constant the tools define.
 */

/** The tools' own words and numbers. */
export function text(value: string): Text {
  return { type: 'text', value };
}

/**
 * What any rule of `neutralizeText` acts on (a superset): line-break pairs, controls, bidi marks, `@`, `#`, `<`,
 * `://`, `GH-`, `www.`. Most persona text has none of them and skips the rules.
 */
const NEUTRALIZE_TRIGGERS =
  /[\r\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069@#<]|:\/\/|gh-|www\./i;

function neutralize(value: string, options: NeutralizeOptions): string {
  const plain = options.maxLength === undefined && !options.singleLine && !NEUTRALIZE_TRIGGERS.test(value);
  return plain ? value : neutralizeText(value, options);
}

/**
 * Untrusted text, made inert; by default whole, line breaks kept (a persona's paragraphs). `maxLength` cuts it
 * with an ellipsis, `singleLine` folds its line breaks and tabs (with the spaces around them) into one space.
 */
export function untrusted(value: string, options: NeutralizeOptions = {}): Text {
  return { type: 'text', value: neutralize(value, options) };
}

/**
 * Persona text for a place that must stay on one line (a catalogue heading, table cell or link label): every
 * run of whitespace becomes one space, trimmed. (The bot's `untrusted(value, oneLine(n))` folds only line
 * breaks and tabs, and cuts; the two outputs differ on purpose and are pinned by their own tests.)
 */
export function untrustedLine(value: string): Text {
  return { type: 'text', value: neutralize(singleLine(value), {}) };
}

/**
 * Like `untrusted` on one line, but a `backtick span` becomes inline code, as the validator's messages intend.
 * The text is neutralized before it is split, so the code spans are inert too.
 */
export function untrustedRich(value: string, maxLength: number): PhrasingContent[] {
  const safe = neutralizeText(value, { maxLength, singleLine: true });
  return safe
    .split(/`([^`]+)`/)
    .map((part, i): PhrasingContent => (i % 2 === 1 ? inlineCode(part) : text(part)))
    .filter((node) => node.type === 'inlineCode' || (node as Text).value !== '');
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

/** A fenced block; mdast picks a fence longer than any backtick run inside, so content cannot close it. */
export function code(lang: string | null, value: string): Code {
  return { type: 'code', lang, value };
}

export function blockquote(...children: BlockContent[]): Blockquote {
  return { type: 'blockquote', children };
}

export function thematicBreak(): ThematicBreak {
  return { type: 'thematicBreak' };
}

/** Raw HTML: only ever a constant the tools define (a banner, a hidden marker), never untrusted text. */
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

/** `<details>` around Markdown content; the blank lines remark puts between blocks keep the inside rendered. */
export function details(summary: string, children: RootContent[]): RootContent[] {
  return [
    trustedHtml(`<details><summary>${escapeHtml(summary)}</summary>`),
    ...children,
    trustedHtml('</details>'),
  ];
}

function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function root(children: RootContent[]): Root {
  return { type: 'root', children };
}
