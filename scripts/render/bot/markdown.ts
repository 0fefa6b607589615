import type { Root } from 'mdast';
import { remark } from 'remark';
import remarkGfm from 'remark-gfm';

/**
 * The bot's Markdown serializer (comments, job summaries, pull-request bodies); the trees are built with
 * render/mdast.ts. No padding to align table columns: it costs characters on every row and GitHub ignores it.
 */
const processor = remark().use(remarkGfm, { tablePipeAlign: false }).freeze();

export function stringifyMarkdown(tree: Root): string {
  return processor.stringify(tree);
}
