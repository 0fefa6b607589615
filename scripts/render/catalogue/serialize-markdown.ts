import type { Root } from 'mdast';
import { remark } from 'remark';
import remarkGfm from 'remark-gfm';

/** Fixed options, so output never depends on defaults that might change. */
export const MARKDOWN_SETTINGS = {
  bullet: '-',
  emphasis: '_',
  strong: '*',
  fence: '`',
  fences: true,
  listItemIndent: 'one',
  rule: '-',
  incrementListMarker: true,
} as const;

/** The cell padding and pipe alignment of the catalogue's tables. */
export const TABLE_OPTIONS = { tablePipeAlign: false, tableCellPadding: true } as const;

/** The remark processor every catalogue page is serialized with (the accelerator's only adds shortcuts). */
export function markdownProcessor() {
  return remark().use(remarkGfm, TABLE_OPTIONS).data('settings', MARKDOWN_SETTINGS);
}

const processor = markdownProcessor();

/** A tree as Markdown, LF line ends, ending with exactly one line break. */
export function serializeMarkdown(tree: Root): string {
  return endWithOneLineBreak(processor.stringify(tree));
}

export function endWithOneLineBreak(out: string): string {
  const lf = out.includes('\r') ? out.replace(/\r\n?/g, '\n') : out;
  // Trailing line breaks by hand: on a page of ~70 KB, `/\n+$/` tries a match at every line break.
  let end = lf.length;
  while (end > 0 && lf.charCodeAt(end - 1) === 0x0a) end--;
  // Usually it ends with one already: the text itself, then, rather than a copy to be flattened later.
  return end === lf.length - 1 ? lf : `${lf.slice(0, end)}\n`;
}
