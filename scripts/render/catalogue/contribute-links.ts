import { contributeFormUrl } from '../issue-form/contribute-form-url.ts';
import type { ContributionTarget } from './contribution-template.ts';
import { contributionTemplateParts, suggestedFileName } from './contribution-template.ts';

export interface ContributeLink {
  /** Short link text, e.g. "form" or "file". */
  label: string;
  url: string;
}

export interface ContributeLinkOptions {
  repositoryUrl: string;
  branch: string;
}

/** GitHub refuses very long URLs; past this a correction's current text is left out of the link. */
export const MAX_CONTRIBUTE_URL_LENGTH = 8000;

/**
 * GitHub's "create new file" page with the contribution template already typed in, in the right folder.
 * Percent-encodes everything (including parentheses) so the Markdown link destination needs no escaping.
 */
export function newFileLink(
  target: ContributionTarget,
  options: ContributeLinkOptions,
  /** Without the template's instruction comments: a short template for a page that explains it itself. */
  { instructions = true }: { instructions?: boolean } = {},
): ContributeLink {
  const make = (withOriginal: ContributionTarget) => {
    const query = [
      `filename=${encodeQueryValue(suggestedFileName(withOriginal))}`,
      `value=${contributionTemplateParts(withOriginal, { instructions }).map(encodeQueryValue).join('')}`,
    ].join('&');
    return `${options.repositoryUrl}/new/${encodePath(options.branch)}/contributions/${encodePath(target.slug)}?${query}`;
  };
  const url = make(target);
  return {
    label: 'file',
    url:
      url.length <= MAX_CONTRIBUTE_URL_LENGTH || target.original === undefined
        ? url
        : make({ ...target, original: undefined }),
  };
}

/**
 * The contribution issue form with persona, field, action and item chosen, and a correction's current text in
 * the text box to edit: the way in for people who do not use Git. The intake workflow turns it into a pull request.
 */
export function issueFormLink(target: ContributionTarget, options: ContributeLinkOptions): ContributeLink {
  const make = (withText: boolean) =>
    contributeFormUrl(options.repositoryUrl, {
      persona: { slug: target.slug },
      field: target.field,
      action: target.action,
      ...(target.item === undefined ? {} : { item: target.item }),
      ...(withText && target.action === 'correct' && target.original !== undefined
        ? { text: target.original }
        : {}),
    });
  const url = make(true);
  return { label: 'form', url: url.length <= MAX_CONTRIBUTE_URL_LENGTH ? url : make(false) };
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

function encodePath(segment: string): string {
  return segment.split('/').map(encodeQueryValue).join('/');
}
