import type { Root } from 'mdast';
import { defaultHandlers, type Handlers, type Options } from 'mdast-util-to-markdown';
import { remark } from 'remark';
import remarkGfm from 'remark-gfm';
import { fastHandlers, TABLE_OPTIONS } from './fast-handlers.ts';

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

/**
 * A remark processor with the catalogue's settings; `fast` adds the shortcuts of `fast-handlers.ts`, which
 * write exactly what the handlers they stand in for write (the tests compare the two processors).
 */
export function markdownProcessor(fast = true) {
  const plain = () => remark().use(remarkGfm, TABLE_OPTIONS);
  if (!fast) return plain().data('settings', MARKDOWN_SETTINGS);
  return plain().data('settings', {
    ...MARKDOWN_SETTINGS,
    handlers: fastHandlers(configuredHandlers(plain().freeze().data('toMarkdownExtensions') ?? [])),
  });
}

/** The handlers the serializer would pick without shortcuts: the defaults, then each extension's, in order. */
function configuredHandlers(extensions: readonly Options[]): Handlers {
  const handlers: Partial<Handlers> = { ...defaultHandlers };
  const add = (extension: Options) => {
    for (const inner of extension.extensions ?? []) add(inner);
    Object.assign(handlers, extension.handlers);
  };
  for (const extension of extensions) add(extension);
  return handlers as Handlers;
}

/** One serializer for every page. */
const processor = markdownProcessor();

export function serializeMarkdown(tree: Root): string {
  // A root holding only a table is serialized as that table: the same text, without the flow container that
  // tracks line and column through every character of it (a persona's contribute table is about 50 KB).
  const only = tree.children.length === 1 ? tree.children[0] : undefined;
  const out = processor.stringify(only?.type === 'table' ? (only as unknown as Root) : tree);
  const lf = out.includes('\r') ? out.replace(/\r\n?/g, '\n') : out;
  // Trailing line breaks by hand: on a page of ~70 KB, `/\n+$/` tries a match at every line break.
  let end = lf.length;
  while (end > 0 && lf.charCodeAt(end - 1) === 0x0a) end--;
  // Usually it ends with one already: the text itself, then, rather than a copy to be flattened later.
  return end === lf.length - 1 ? lf : `${lf.slice(0, end)}\n`;
}
