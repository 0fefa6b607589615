import type {
  BlockContent,
  Heading,
  Html,
  Link,
  List,
  Paragraph,
  PhrasingContent,
  Root,
  RootContent,
  Table,
  TableCell,
  TableRow,
} from 'mdast';
import { remark } from 'remark';
import remarkGfm from 'remark-gfm';
import { neutralizeText } from '../neutralize-text.ts';

/**
 * Small mdast builders for the bot's Markdown. Untrusted strings only ever enter through `untrusted()`,
 * which neutralizes them into a text node; `html()` is for the bot's own constant markup.
 */
// No padding to align table columns: it costs characters on every row and GitHub ignores it.
const processor = remark().use(remarkGfm, { tablePipeAlign: false }).freeze();

export function stringifyMarkdown(tree: Root): string {
  return processor.stringify(tree);
}

export function root(children: RootContent[]): Root {
  return { type: 'root', children };
}

/** Trusted text (the bot's own words and numbers). */
export function text(value: string): PhrasingContent {
  return { type: 'text', value };
}

/** Text from a report, a persona or a contributor: neutralized, single-line by default. */
export function untrusted(value: string, maxLength = 500, singleLine = true): PhrasingContent {
  return { type: 'text', value: neutralizeText(value, { maxLength, singleLine }) };
}

/**
 * Like `untrusted`, but a `backtick span` becomes inline code, as the validator's messages intend. The text
 * is neutralized before it is split, so the code spans are inert too.
 */
export function untrustedRich(value: string, maxLength = 500): PhrasingContent[] {
  const safe = neutralizeText(value, { maxLength, singleLine: true });
  return safe
    .split(/`([^`]+)`/)
    .map(
      (part, i): PhrasingContent =>
        i % 2 === 1 ? { type: 'inlineCode', value: part } : { type: 'text', value: part },
    )
    .filter((node) => node.type === 'inlineCode' || (node as { value: string }).value !== '');
}

export function strong(children: PhrasingContent[]): PhrasingContent {
  return { type: 'strong', children };
}

export function emphasis(children: PhrasingContent[]): PhrasingContent {
  return { type: 'emphasis', children };
}

export function code(value: string): PhrasingContent {
  return { type: 'inlineCode', value };
}

export function link(url: string, children: PhrasingContent[]): Link {
  return { type: 'link', url, children };
}

export function html(value: string): Html {
  return { type: 'html', value };
}

export function paragraph(children: PhrasingContent[]): Paragraph {
  return { type: 'paragraph', children };
}

export function blockquote(children: BlockContent[]): RootContent {
  return { type: 'blockquote', children };
}

export function heading(depth: 1 | 2 | 3 | 4 | 5 | 6, children: PhrasingContent[]): Heading {
  return { type: 'heading', depth, children };
}

export function bulletList(items: PhrasingContent[][]): List {
  return {
    type: 'list',
    ordered: false,
    spread: false,
    children: items.map((children) => ({
      type: 'listItem',
      spread: false,
      children: [paragraph(children)],
    })),
  };
}

export function table(header: string[], rows: PhrasingContent[][][]): Table {
  const row = (cells: PhrasingContent[][]): TableRow => ({
    type: 'tableRow',
    children: cells.map((children): TableCell => ({ type: 'tableCell', children })),
  });
  return {
    type: 'table',
    align: header.map(() => null),
    children: [row(header.map((h) => [text(h)])), ...rows.map(row)],
  };
}

/** A fenced block; mdast picks a fence longer than any backtick run inside, so content cannot close it. */
export function codeBlock(value: string, lang: string | null = null): BlockContent {
  return { type: 'code', lang, value };
}

/** `<details>` around Markdown content; the blank lines remark puts between blocks keep the inside rendered. */
export function details(summary: string, children: RootContent[]): RootContent[] {
  return [html(`<details><summary>${escapeHtml(summary)}</summary>`), ...children, html('</details>')];
}

function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
