import { contributeFormUrl } from '../issue-form/contribute-form-url.ts';
import type { ContributionTarget } from './contribution-template.ts';
import { contributionTemplateParts, suggestedFileName } from './contribution-template.ts';

export interface ContributeLink {
  /** Short link text, e.g. "form" or "file". */
  label: string;
  url: string;
  /** The URL as a Markdown link destination, when the maker knows it is plain (see `accel/fast-markdown-handlers.ts`). */
  destination?: string;
}

export interface ContributeLinkOptions {
  repositoryUrl: string;
  branch: string;
}

/** One way to contribute to a target; a page offers every kind in CONTRIBUTE_LINK_KINDS, the first as the main link. */
export type ContributeLinkKind = (
  target: ContributionTarget,
  options: ContributeLinkOptions,
) => ContributeLink;

/**
 * GitHub's "create new file" page with the contribution template already typed in, in the right folder.
 * Percent-encodes everything (including parentheses) so the Markdown link destination needs no escaping.
 */
export const newFileLink: ContributeLinkKind = (target, options) => {
  const query = [
    `filename=${encodeQueryValue(suggestedFileName(target))}`,
    // Percent-encoding works character by character, so the pieces can be encoded apart (and remembered).
    `value=${contributionTemplateParts(target).map(encodeRemembered).join('')}`,
  ].join('&');
  return {
    label: 'file',
    url: `${options.repositoryUrl}/new/${encodePath(options.branch)}/contributions/${encodePath(target.slug)}?${query}`,
  };
};

/**
 * The contribution issue form with persona, field, action and item chosen, and a correction's current text in
 * the text box to edit: the way in for people who do not use Git. The intake workflow turns it into a pull request.
 */
export const issueFormLink: ContributeLinkKind = (target, options) => ({
  label: 'form',
  url: contributeFormUrl(options.repositoryUrl, {
    persona: { id: target.id, title: target.title },
    field: target.field,
    action: target.action,
    ...(target.item === undefined ? {} : { item: target.item }),
    ...(target.action === 'correct' && target.original !== undefined ? { text: target.original } : {}),
  }),
});

export const CONTRIBUTE_LINK_KINDS: readonly ContributeLinkKind[] = [issueFormLink, newFileLink];

/**
 * GitHub refuses very long URLs; a correction of a long field leaves `original` out rather than produce a
 * link that fails. `persona validate` then tells the contributor what the current text is.
 */
export const MAX_CONTRIBUTE_URL_LENGTH = 8000;

/** What varies between the targets of one persona page. */
export type PageTarget = Omit<ContributionTarget, 'slug' | 'id' | 'title'>;

/** The links of every target of one persona page: `contributeLinks` with the persona filled in. */
export function personaContributeLinks(
  persona: Pick<ContributionTarget, 'slug' | 'id' | 'title'>,
  options: ContributeLinkOptions,
): (target: PageTarget) => ContributeLink[] {
  const { slug, id, title } = persona;
  return (target) => contributeLinks({ ...target, slug, id, title }, options);
}

/** Every link for one target, in CONTRIBUTE_LINK_KINDS order. */
export function contributeLinks(
  target: ContributionTarget,
  options: ContributeLinkOptions,
): ContributeLink[] {
  return CONTRIBUTE_LINK_KINDS.map((kind) => {
    const made = kind(target, options);
    if (made.url.length <= MAX_CONTRIBUTE_URL_LENGTH || target.original === undefined) return made;
    return kind({ ...target, original: undefined }, options);
  });
}

const RESERVED_BY_RFC_3986: Record<string, string> = {
  '!': '%21',
  "'": '%27',
  '(': '%28',
  ')': '%29',
  '*': '%2A',
};

export function encodeQueryValue(value: string): string {
  const encoded = encodeURIComponent(value);
  return /[!'()*]/.test(encoded) ? encoded.replace(/[!'()*]/g, (c) => RESERVED_BY_RFC_3986[c] ?? c) : encoded;
}

/** A persona page encodes the same header and the same texts (value and original) many times over. */
const ENCODED = new Map<string, string>();
const MAX_ENCODED = 10_000;

function encodeRemembered(value: string): string {
  let encoded = ENCODED.get(value);
  if (encoded === undefined) {
    encoded = encodeQueryValue(value);
    if (ENCODED.size >= MAX_ENCODED) ENCODED.clear();
    ENCODED.set(value, encoded);
  }
  return encoded;
}

function encodePath(segment: string): string {
  return segment.split('/').map(encodeQueryValue).join('/');
}
