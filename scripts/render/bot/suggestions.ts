import type { RootContent } from 'mdast';
import { FIXABLE_RULES } from '../../check/rule-meta.ts';
import type { TextEdit } from '../../core/fix.ts';
import type { PersonaReport, ReportEntry } from '../../core/report.ts';
import type { RuleId } from '../../core/rules.ts';
import { applyTextEdits } from '../../core/text-edits.ts';
import type { DiffLine } from '../../parse/pull-patch.ts';
import { code, inlineCode, paragraph, root, strong, text, trustedHtml, untrustedRich } from '../mdast.ts';
import { stringifyMarkdown } from './markdown.ts';

/** The hidden first line of each suggestion comment, and of the review holding them. */
export const SUGGESTION_MARKER = '<!-- persona-library-bot:suggestion -->';
export const REVIEW_MARKER = '<!-- persona-library-bot:suggestions -->';

/** At most this many suggestions stand on a pull request at once; the rest are listed in the bot comment. */
export const MAX_SUGGESTIONS = 20;
/** A suggestion replaces at most this many lines, with at most this much text: a fix, not a rewrite. */
const MAX_SUGGESTION_LINES = 40;
const MAX_SUGGESTION_CHARS = 8000;

/** Text a suggestion cannot carry: a CR (GitHub would commit LF), controls but tab, and bidi controls. */
const UNSUGGESTABLE =
  /[\r\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/;

export interface Suggestion {
  path: string;
  /** First and last line (new side) the suggestion replaces; equal for one line. */
  startLine: number;
  line: number;
  /** The review comment's Markdown, marker first. */
  body: string;
  diagnostic: ReportEntry;
}

export type NotSuggested =
  /** The fix touches lines the pull request does not change (or another file): GitHub takes no comment there. */
  | 'outside-diff'
  /** More than MAX_SUGGESTIONS fixes. */
  | 'over-cap'
  /** GitHub answered 422 for this line. */
  | 'refused'
  /** A fix no suggestion can show: no text edit (a BOM), CR line endings, too long. */
  | 'not-expressible'
  /** The review could not be updated (a GitHub failure). */
  | 'failed';

export interface SuggestionPlan {
  suggestions: Suggestion[];
  notSuggested: Array<{ diagnostic: ReportEntry; reason: NotSuggested }>;
}

/**
 * Which fixes of a report become suggested changes: those of rules this code knows to be fixable (the report
 * is hostile: it was made by the pull request's own code), on a line the pull request adds, whose edits stay
 * inside one hunk of the new side of `diff` (file → new-side lines, from the pull request's files). Errors
 * first, then warnings, each in file and line order; after `cap`, the rest wait in the bot comment.
 */
export function planSuggestions(
  report: PersonaReport,
  diff: ReadonlyMap<string, ReadonlyMap<number, DiffLine>>,
  cap = MAX_SUGGESTIONS,
): SuggestionPlan {
  const fixable = report.diagnostics.filter(
    (d) => d.introduced && d.fix !== undefined && FIXABLE_RULES.has(d.rule as RuleId),
  );
  const ordered = [
    ...fixable.filter((d) => d.severity === 'error'),
    ...fixable.filter((d) => d.severity !== 'error'),
  ];
  const plan: SuggestionPlan = { suggestions: [], notSuggested: [] };
  for (const d of ordered) {
    const made = suggestionFor(d, diff);
    if (typeof made === 'string') plan.notSuggested.push({ diagnostic: d, reason: made });
    else if (plan.suggestions.length >= cap) plan.notSuggested.push({ diagnostic: d, reason: 'over-cap' });
    else plan.suggestions.push(made);
  }
  return plan;
}

function suggestionFor(
  d: ReportEntry,
  diff: ReadonlyMap<string, ReadonlyMap<number, DiffLine>>,
): Suggestion | NotSuggested {
  const edits = d.fix?.edits ?? [];
  if (edits.length === 0) return 'not-expressible';
  if (!/^(personas|contributions)\/.+\.yaml$/.test(d.file) || edits.some((e) => e.file !== d.file))
    return 'outside-diff';
  const lines = diff.get(d.file);
  if (!lines?.get(d.line)?.added) return 'outside-diff';
  const startLine = Math.min(...edits.map((e) => e.line));
  const line = Math.max(...edits.map(lastLineTouched));
  const hunk = lines.get(startLine)?.hunk;
  const span: string[] = [];
  for (let at = startLine; at <= line; at++) {
    const shown = lines.get(at);
    if (!shown || shown.hunk !== hunk) return 'outside-diff';
    span.push(shown.text);
  }
  if (span.length > MAX_SUGGESTION_LINES) return 'not-expressible';
  const before = `${span.join('\n')}\n`;
  const shifted = edits.map(
    (e): TextEdit => ({ ...e, line: e.line - startLine + 1, endLine: e.endLine - startLine + 1 }),
  );
  const after = applyTextEdits(before, shifted);
  if (after === undefined || after === before || !after.endsWith('\n')) return 'not-expressible';
  const content = after.slice(0, -1);
  if (UNSUGGESTABLE.test(before) || UNSUGGESTABLE.test(content) || content.length > MAX_SUGGESTION_CHARS)
    return 'not-expressible';
  return { path: d.file, startLine, line, body: suggestionBody(d, content), diagnostic: d };
}

/** The last line an edit changes: an edit ending at column 1 of a later line stops before that line. */
function lastLineTouched(edit: TextEdit): number {
  return edit.endColumn === 1 && edit.endLine > edit.line ? edit.endLine - 1 : edit.endLine;
}

/**
 * One suggestion comment: the problem and the fix in the validator's words (neutralized: they come from the
 * report), then the replacement lines in a `suggestion` block, whose fence remark makes longer than any run of
 * backticks inside, so file text cannot close it.
 */
function suggestionBody(d: ReportEntry, content: string): string {
  const children: RootContent[] = [
    trustedHtml(SUGGESTION_MARKER),
    paragraph(inlineCode(d.rule), text(' '), ...untrustedRich(d.message, 400)),
    paragraph(strong(text('Fix:')), text(' '), ...untrustedRich(d.fix?.description ?? '', 300)),
    code('suggestion', content),
  ];
  return stringifyMarkdown(root(children));
}

/** The review's own text: what it holds and how to apply it. */
export function reviewBody(headSha: string, count: number): string {
  return stringifyMarkdown(
    root([
      trustedHtml(REVIEW_MARKER),
      paragraph(
        text(
          `${count === 1 ? 'A fix' : `${count} fixes`} for problems on lines this pull request changes (commit `,
        ),
        inlineCode(headSha.slice(0, 7)),
        text('). Apply each with '),
        strong(text('Commit suggestion')),
        text(', or all of them at once with '),
        inlineCode('npx persona fix'),
        text('.'),
      ),
    ]),
  );
}

/** What an earlier review of the bot says once none of its suggestions stands. */
export function supersededReviewBody(): string {
  return stringifyMarkdown(
    root([
      trustedHtml(REVIEW_MARKER),
      paragraph(text('These suggestions were applied, or the lines they were for have changed since.')),
    ]),
  );
}

/** What a suggestion that no longer applies says, when someone replied to it (so it is kept, not deleted). */
export function outdatedSuggestionBody(): string {
  return stringifyMarkdown(
    root([
      trustedHtml(SUGGESTION_MARKER),
      paragraph(text('This suggestion no longer applies: the line changed, or the problem is gone.')),
    ]),
  );
}
