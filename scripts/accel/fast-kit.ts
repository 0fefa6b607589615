import type { MarkdownKit } from '../render/catalogue/markdown-kit.ts';
import { fastPersonaContributeLinks } from './fast-contribute-links.ts';
import { fastSerializeMarkdown } from './fast-markdown.ts';

/** The reference kit's steps, faster, with the same output (test/accel/fast-kit.test.ts). */
export const FAST_KIT: MarkdownKit = {
  serialize: fastSerializeMarkdown,
  contributeLinks: fastPersonaContributeLinks,
};
