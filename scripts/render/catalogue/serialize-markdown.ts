import type { Root } from 'mdast';
import { remark } from 'remark';
import remarkGfm from 'remark-gfm';
import { FAST_HANDLERS } from './fast-handlers.ts';

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

/** A remark processor with the catalogue's settings; `handlers` only ever holds equivalent shortcuts. */
export function markdownProcessor(handlers: Partial<typeof FAST_HANDLERS> = FAST_HANDLERS) {
  return remark()
    .use(remarkGfm, { tablePipeAlign: false })
    .data('settings', { ...MARKDOWN_SETTINGS, handlers });
}

/** One serializer for every page. */
const processor = markdownProcessor();

export function serializeMarkdown(tree: Root): string {
  const out = processor.stringify(tree);
  return `${out.replace(/\r\n?/g, '\n').replace(/\n+$/, '')}\n`;
}
