import type { RootContent } from 'mdast';
import type { PersonaReport } from '../../core/report.ts';
import { details, heading, paragraph, root, text, trustedHtml } from '../mdast.ts';
import { diagnosticTable } from './diagnostic-table.ts';
import { fixesSection, type SuggestionsOutcome } from './fixes-section.ts';
import { stringifyMarkdown } from './markdown.ts';
import {
  countsParagraph,
  footer,
  moreParagraph,
  type PreviewLimits,
  plural,
  previewSection,
  type SectionContext,
  verdict,
} from './report-sections.ts';

/**
 * The hidden first line of the bot's comment. The comment is found by this marker *and* the bot's login,
 * and only at the very start of the body, so a copy quoted elsewhere (or in someone else's comment) is
 * never mistaken for it.
 */
export const COMMENT_MARKER = '<!-- persona-library-bot:report -->';

/** GitHub rejects comment bodies over 65,536 characters; stay clear of it. */
export const MAX_COMMENT_LENGTH = 65_536;
const BODY_BUDGET = 64_000;

interface Limits extends PreviewLimits {
  errors: number;
  warnings: number;
  cellLength: number;
  /** Fixes listed one by one in "Suggested fixes". */
  fixes: number;
}

// From everything to counts only: the first that fits is used, and the last always fits.
const TIERS: readonly Limits[] = [
  {
    errors: 1000,
    warnings: 1000,
    cellLength: 500,
    personas: 100,
    textLength: 1000,
    diffLength: 20_000,
    fixes: 100,
  },
  { errors: 300, warnings: 100, cellLength: 300, personas: 30, textLength: 500, diffLength: 4000, fixes: 50 },
  { errors: 100, warnings: 30, cellLength: 200, personas: 15, textLength: 300, diffLength: 1500, fixes: 20 },
  { errors: 40, warnings: 10, cellLength: 160, personas: 8, textLength: 200, diffLength: 0, fixes: 10 },
  { errors: 15, warnings: 0, cellLength: 120, personas: 3, textLength: 120, diffLength: 0, fixes: 5 },
  { errors: 0, warnings: 0, cellLength: 100, personas: 0, textLength: 100, diffLength: 0, fixes: 0 },
];

/** A clean pull request with no contributions gets no new comment; an existing one still turns green. */
export function hasSomethingToSay(report: PersonaReport): boolean {
  const p = report.previews;
  return report.diagnostics.length > 0 || p === null || p.applied.length > 0 || p.conflicts.length > 0;
}

/** `suggestions`: what became of the report's fixes on the pull request (the review), when that was tried. */
export function renderCommentBody(
  report: PersonaReport,
  ctx: SectionContext,
  suggestions: SuggestionsOutcome | null = null,
): string {
  let body = '';
  for (const limits of TIERS) {
    body = stringifyMarkdown(root(commentContent(report, ctx, limits, suggestions)));
    if (body.length <= BODY_BUDGET) return body;
  }
  return body;
}

function commentContent(
  report: PersonaReport,
  ctx: SectionContext,
  limits: Limits,
  suggestions: SuggestionsOutcome | null,
): RootContent[] {
  const out: RootContent[] = [trustedHtml(COMMENT_MARKER), heading(3, text(verdict(report)))];
  const errors = report.diagnostics.filter((d) => d.severity === 'error');
  const warnings = report.diagnostics.filter((d) => d.severity === 'warning');
  if (errors.length === 0 && warnings.length === 0) {
    // The short green state: nothing to fix, only what was checked (and any contribution preview).
    const s = report.summary;
    const fixed =
      s.resolved > 0 ? ` This pull request fixes ${plural(s.resolved, 'problem')} from the base branch.` : '';
    out.push(
      paragraph(
        text(
          `${plural(s.personas, 'persona')} and ${plural(s.contributions, 'contribution')} checked: no problems.${fixed}`,
        ),
      ),
    );
  } else {
    out.push(countsParagraph(report, ctx));
    if (errors.length > 0) {
      out.push(heading(4, text('Errors')));
      if (limits.errors > 0) out.push(diagnosticTable(errors.slice(0, limits.errors), ctx, limits));
      if (errors.length > limits.errors)
        out.push(moreParagraph(errors.length - limits.errors, 'more error', ctx));
    }
    if (warnings.length > 0) {
      if (limits.warnings > 0) {
        const shown = warnings.slice(0, limits.warnings);
        const rest =
          warnings.length > shown.length
            ? [moreParagraph(warnings.length - shown.length, 'more warning', ctx)]
            : [];
        out.push(
          ...details(`⚠️ ${plural(warnings.length, 'warning')}`, [
            diagnosticTable(shown, ctx, limits),
            ...rest,
          ]),
        );
      } else {
        out.push(moreParagraph(warnings.length, 'warning', ctx));
      }
    }
  }
  if (suggestions) out.push(...fixesSection(suggestions, ctx, limits.fixes));
  out.push(...previewSection(report, ctx, limits, 4));
  out.push(footer(report, ctx));
  return out;
}
