import type { Root } from 'mdast';
import {
  type ContributeLink,
  type ContributeLinkOptions,
  type PageTarget,
  personaContributeLinks,
} from './contribute-links.ts';
import type { ContributionTarget } from './contribution-template.ts';
import { serializeMarkdown } from './serialize-markdown.ts';

/**
 * The two steps of rendering that the accelerator has faster twins of: serializing a tree, and building a
 * persona page's contribute links. Pages are rendered with a kit; the reference one is this module's, the
 * accelerator's (scripts/accel/fast-kit.ts) gives the same text.
 */
export interface MarkdownKit {
  serialize(tree: Root): string;
  contributeLinks(
    persona: Pick<ContributionTarget, 'slug' | 'id' | 'title'>,
    options: ContributeLinkOptions,
  ): (target: PageTarget) => ContributeLink[];
}

export const REFERENCE_KIT: MarkdownKit = {
  serialize: serializeMarkdown,
  contributeLinks: personaContributeLinks,
};
