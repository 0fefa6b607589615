import type { Root } from 'mdast';
import { remark } from 'remark';
import remarkGfm from 'remark-gfm';

/** One serializer for every page: fixed options, so output never depends on defaults that might change. */
const processor = remark().use(remarkGfm, { tablePipeAlign: false }).data('settings', {
  bullet: '-',
  emphasis: '_',
  strong: '*',
  fence: '`',
  fences: true,
  listItemIndent: 'one',
  rule: '-',
  incrementListMarker: true,
});

export function serializeMarkdown(tree: Root): string {
  const out = processor.stringify(tree);
  return `${out.replace(/\r\n?/g, '\n').replace(/\n+$/, '')}\n`;
}
