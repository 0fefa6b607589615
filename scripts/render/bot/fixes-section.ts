import type { PhrasingContent, RootContent } from 'mdast';
import type { ReportEntry } from '../../core/report.ts';
import {
  bulletList,
  heading,
  inlineCode,
  link,
  paragraph,
  strong,
  text,
  untrusted,
  untrustedRich,
} from '../mdast.ts';
import { oneLine } from '../neutralize-text.ts';
import { type LinkContext, lineLink } from './links.ts';
import { plural } from './report-sections.ts';
import { MAX_SUGGESTIONS, type NotSuggested } from './suggestions.ts';

/** What became of the report's fixes on the pull request, for the bot comment. */
export interface SuggestionsOutcome {
  /** The review holding the suggestions that stand, when there is one. */
  reviewUrl: string | null;
  /** Suggestions standing on the pull request (posted now or kept from an earlier push). */
  standing: number;
  /** Fixes not posted as suggestions, and why. */
  notSuggested: ReadonlyArray<{ diagnostic: ReportEntry; reason: NotSuggested }>;
  /** Why the suggestions could not be updated at all (one line), when they could not. */
  failure: string | null;
}

const REASONS: Record<NotSuggested, string> = {
  'outside-diff': 'not on lines this pull request changes',
  'over-cap': `past the first ${MAX_SUGGESTIONS} suggestions`,
  refused: 'GitHub refused a suggestion on this line',
  'not-expressible': 'no suggestion can show this fix',
  failed: 'the suggestions could not be updated',
};

/**
 * "Suggested fixes": how many suggestions stand in the review, then every other fix, each with the reason it is
 * not a suggestion, so nothing fixable is left unsaid. `max` list items, then a count.
 */
export function fixesSection(outcome: SuggestionsOutcome, ctx: LinkContext, max: number): RootContent[] {
  const { standing, notSuggested, failure } = outcome;
  if (standing === 0 && notSuggested.length === 0 && failure === null) return [];
  const out: RootContent[] = [heading(4, text('Suggested fixes'))];
  if (failure !== null)
    out.push(paragraph(text('The suggestions could not be updated: '), untrusted(failure, oneLine(300))));
  if (standing > 0) {
    const review: PhrasingContent[] = outcome.reviewUrl
      ? [link(outcome.reviewUrl, text('the bot’s review'))]
      : [text('the bot’s review')];
    out.push(
      paragraph(
        text(`${plural(standing, 'suggested change')} in `),
        ...review,
        text(': apply each with '),
        strong(text('Commit suggestion')),
        text('.'),
      ),
    );
  }
  if (notSuggested.length > 0) {
    out.push(
      paragraph(
        text(
          `${standing > 0 ? plural(notSuggested.length, 'more problem') : plural(notSuggested.length, 'problem')} can be fixed by running `,
        ),
        inlineCode('npx persona fix'),
        text(':'),
      ),
    );
    const shown = notSuggested.slice(0, max);
    if (shown.length > 0)
      out.push(
        bulletList(
          shown.map(({ diagnostic: d, reason }) => [
            link(lineLink(ctx, d.file, d.line), untrusted(`${d.file}:${d.line}`, oneLine(200))),
            text(' '),
            inlineCode(d.rule),
            text(': '),
            ...untrustedRich(d.fix?.description ?? '', 200),
            text(` (${REASONS[reason]})`),
          ]),
        ),
      );
    if (notSuggested.length > shown.length)
      out.push(paragraph(text(`…and ${plural(notSuggested.length - shown.length, 'more')}.`)));
  }
  return out;
}
