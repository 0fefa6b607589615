import type { Root } from 'mdast';
import { serializeMarkdown } from './serialize-markdown.ts';

/**
 * The step of rendering that the accelerator has a faster twin of: serializing a tree. Pages are rendered with
 * a kit; the reference one is this module's, the accelerator's (scripts/accel/fast-kit.ts) gives the same text.
 */
export interface MarkdownKit {
  serialize(tree: Root): string;
}

export const REFERENCE_KIT: MarkdownKit = {
  serialize: serializeMarkdown,
};
