import type { Root } from 'mdast';
import { defaultHandlers, type Handlers, type Options } from 'mdast-util-to-markdown';
import {
  endWithOneLineBreak,
  MARKDOWN_SETTINGS,
  markdownProcessor,
} from '../render/catalogue/serialize-markdown.ts';
import { fastHandlers } from './fast-markdown-handlers.ts';

/**
 * The catalogue's processor with the shortcuts of `fast-markdown-handlers.ts`, which write exactly what the
 * handlers they stand in for write (test/accel/fast-markdown.test.ts compares the two processors).
 */
export function fastMarkdownProcessor() {
  const configured = configuredHandlers(markdownProcessor().freeze().data('toMarkdownExtensions') ?? []);
  return markdownProcessor().data('settings', { ...MARKDOWN_SETTINGS, handlers: fastHandlers(configured) });
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

const processor = fastMarkdownProcessor();

/** `serializeMarkdown`, faster: same signature, same text. */
export function fastSerializeMarkdown(tree: Root): string {
  return endWithOneLineBreak(processor.stringify(tree));
}
