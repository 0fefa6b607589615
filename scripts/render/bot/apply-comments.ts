import type { RootContent } from 'mdast';
import type { Contribution } from '../../core/contribution.ts';
import { FIELD_LABELS } from '../../core/persona-fields.ts';
import type { ReportDiagnostic } from '../../core/report.ts';
import { sha256 } from '../../core/sha256.ts';
import { blockquote, code, heading, inlineCode, paragraph, root, strong, text, untrusted } from '../mdast.ts';
import { oneLine } from '../neutralize-text.ts';
import { diagnosticTable } from './diagnostic-table.ts';
import { stringifyMarkdown } from './markdown.ts';

const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;

export interface ParkedNotice {
  /** Where the correction was, and where it is parked now. */
  file: string;
  to: string;
  persona: string;
  contribution: Contribution;
  current: string;
  /** Whether the author may be @mentioned (see `mayMention`); otherwise they are named without a ping. */
  mention: boolean;
}

/**
 * Whether a parked correction's author may be @mentioned: the `author:` of a file is whatever its pull request
 * wrote, so only when the pull request is theirs, or was opened by the intake bot from their own issue (whose
 * author the intake made the contribution's author, and named the file after).
 */
export function mayMention(
  author: string,
  file: string,
  pullAuthor: string | null,
  botLogin: string,
): boolean {
  if (pullAuthor === null) return false;
  if (pullAuthor.toLowerCase() === author.toLowerCase()) return true;
  return pullAuthor === botLogin && /-issue-\d+(?:-\d+)?\.yaml$/.test(file);
}

/** One hidden marker per parked file, so a re-run edits its comment instead of posting another. */
export function parkedMarker(file: string): string {
  return `<!-- persona-library-bot:parked ${sha256(file).slice(0, 16)} -->`;
}

/**
 * The comment on the merged pull request that brought a correction which went stale before it could be
 * applied. It names its author with an @mention on purpose (they must act), quotes both texts as inert text,
 * and gives the exact commands that redo or withdraw it.
 */
export function parkedCommentBody(notice: ParkedNotice): string {
  const { contribution } = notice;
  const author = LOGIN.test(contribution.author) ? contribution.author : null;
  const addressed =
    author && notice.mention
      ? [text(`@${author}, your`)]
      : author
        ? [inlineCode(author), text('’s')]
        : [text('Your')];
  const what = `${FIELD_LABELS[contribution.field]}${contribution.item === undefined ? '' : ` item ${contribution.item}`}`;
  const redo = [
    `git rm ${shellQuote(notice.to)}`,
    [
      'npx persona contribute',
      notice.persona,
      contribution.field,
      ...(contribution.item === undefined ? [] : ['--item', String(contribution.item)]),
      // `--flag=value`: a text starting with `-` would otherwise read as another flag.
      `--correct=${shellQuote(contribution.value ?? '')}`,
      `--author=${author ?? '<your-login>'}`,
      `--rationale=${shellQuote(contribution.rationale ?? '…')}`,
      ...(contribution.evidence ? [`--evidence=${shellQuote(contribution.evidence)}`] : []),
    ].join(' '),
  ].join('\n');
  const children: RootContent[] = [
    heading(3, text('Your correction is waiting: the text it replaces has changed')),
    paragraph(
      ...addressed,
      text(' correction of '),
      strong(text(what)),
      text(' of '),
      inlineCode(notice.persona),
      text(
        ' was merged, but another change to the same text was applied first, so it could not be applied. It is not lost: it is kept as ',
      ),
      inlineCode(notice.to),
      text(', and it is applied automatically if the text it replaces comes back.'),
    ),
    paragraph(strong(text('The persona now reads:'))),
    blockquote(paragraph(untrusted(notice.current, oneLine(2000)))),
    paragraph(strong(text('Your correction reads:'))),
    blockquote(paragraph(untrusted(contribution.value ?? '', oneLine(2000)))),
    paragraph(text('To make your correction against the current text, open a pull request with:')),
    code('sh', redo),
    paragraph(
      text('If the current text already says what you meant, delete '),
      inlineCode(notice.to),
      text(' to withdraw it.'),
    ),
  ];
  return `${parkedMarker(notice.file)}\n${stringifyMarkdown(root(children))}`;
}

export const APPLY_PROBLEMS_MARKER = '<!-- persona-library-bot:apply -->';

/**
 * The comment on the pull request whose merge left problems that the apply workflow could not fix itself
 * (a link to a persona renamed elsewhere, say): what they are, and that everything else was applied.
 */
export function problemsCommentBody(
  problems: readonly ReportDiagnostic[],
  ctx: { serverUrl: string; repository: string; headSha: string; runUrl: string | null },
): string {
  const children: RootContent[] = [
    heading(3, text('After this merge, the library has problems the apply workflow could not fix')),
    paragraph(
      text(
        'Everything else was applied and the catalogue was regenerated from every valid persona. These need a follow-up pull request:',
      ),
    ),
    diagnosticTable(
      problems.map((p) => ({ ...p, introduced: true })),
      ctx,
      { cellLength: 1000 },
    ),
    ...(ctx.runUrl ? [paragraph(text('Details are in the job summary of the apply run.'))] : []),
  ];
  return `${APPLY_PROBLEMS_MARKER}\n${stringifyMarkdown(root(children))}`;
}

/** 'it''s' quoting: safe to paste into any POSIX shell, whatever the text holds. */
function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}
