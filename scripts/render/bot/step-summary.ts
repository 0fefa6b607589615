import { link, paragraph, root, text } from '../mdast.ts';
import { stringifyMarkdown } from './markdown.ts';

/**
 * A step's whole job summary when it is one line, with an optional link after it (the comment step's "See the
 * comment."). The line is the bot's own words; the link is one the step built from the API's answer.
 */
export function renderStepSummaryLine(
  line: string,
  after: { url: string; label: string } | null = null,
): string {
  return stringifyMarkdown(
    root([paragraph(text(line), ...(after ? [link(after.url, text(after.label))] : []))]),
  );
}
