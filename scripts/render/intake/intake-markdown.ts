import type { Blockquote, PhrasingContent, RootContent } from 'mdast';
import { ACTION_LABELS } from '../../core/contribute-form.ts';
import type { FormProblem, Words } from '../../core/form-problem.ts';
import { FIELD_LABELS } from '../../core/persona-fields.ts';
import type { IntakePlan } from '../../plan/intake/plan-intake.ts';
import { stringifyMarkdown } from '../bot/markdown.ts';
import {
  blockquote,
  bulletList,
  heading,
  inlineCode,
  link,
  paragraph,
  root,
  strong,
  text,
  thematicBreak,
  trustedHtml,
  untrusted,
} from '../mdast.ts';
import { neutralizeText, oneLine } from '../neutralize-text.ts';

/** The hidden first line of the bot's one comment on a contribution issue (see sticky-comment.ts). */
export const INTAKE_COMMENT_MARKER = '<!-- persona-library-bot:intake -->';

type ValidPlan = Extract<IntakePlan, { kind: 'valid' }>;

export interface PullLink {
  number: number;
  url: string;
}

/** Words from a FormProblem as mdast: every part neutralized, since answers are quoted back. */
export function wordsToPhrasing(words: Words): PhrasingContent[] {
  return words.map((word) => {
    if (typeof word === 'string') return untrusted(word, oneLine(2000));
    if ('strong' in word) return strong(untrusted(word.strong, oneLine(200)));
    return inlineCode(neutralizeText(word.code, oneLine(200)));
  });
}

/** The comment that says what to fix; editing the issue re-runs the check. */
export function renderProblemsComment(problems: readonly FormProblem[], openPull: PullLink | null): string {
  const shown = problems.slice(0, 20);
  const content: RootContent[] = [
    trustedHtml(INTAKE_COMMENT_MARKER),
    heading(3, text('Your contribution needs a fix before it can become a pull request')),
    paragraph(text('Thank you for filling in the form! Please edit this issue and fix:')),
    bulletList(shown.map((p) => wordsToPhrasing(p.message))),
  ];
  if (problems.length > shown.length)
    content.push(paragraph(text(`…and ${problems.length - shown.length} more.`)));
  content.push(
    paragraph(
      text('When you save the edit, the form is checked again.'),
      ...(openPull
        ? [
            text(' Until then, '),
            link(openPull.url, text(`pull request #${openPull.number}`)),
            text(' keeps the last version that passed.'),
          ]
        : []),
    ),
  );
  return stringifyMarkdown(root(content));
}

/**
 * The comment once the pull request exists: where it is, and that edits follow it. The same words whether the
 * run opened, updated or left the pull request, so a re-run finds the comment unchanged and sends nothing.
 */
export function renderDoneComment(plan: ValidPlan, pull: PullLink): string {
  const { contribution, target } = plan;
  const content: RootContent[] = [
    trustedHtml(INTAKE_COMMENT_MARKER),
    heading(3, text('✅ Your contribution is '), link(pull.url, text(`pull request #${pull.number}`))),
    paragraph(
      text('Thank you! It proposes to '),
      strong(text(ACTION_LABELS[contribution.action])),
      text(' '),
      strong(text(FIELD_LABELS[contribution.field])),
      text(contribution.item === undefined ? '' : ` item ${contribution.item}`),
      text(' of '),
      untrusted(target.title ?? target.slug, oneLine(200)),
      text(
        '. A maintainer reviews it; once it is merged, your login is credited in the persona. To change it, edit this issue: the pull request follows your edit.',
      ),
    ),
  ];
  if (plan.warnings.length > 0) {
    content.push(paragraph(text('Worth a look (the pull request was opened anyway):')));
    content.push(bulletList(plan.warnings.slice(0, 20).map((p) => wordsToPhrasing(p.message))));
  }
  return stringifyMarkdown(root(content));
}

/** Said when the issue's pull request was closed: the bot does not reopen what a maintainer closed. */
export function renderClosedPullComment(pull: PullLink & { merged: boolean }): string {
  return stringifyMarkdown(
    root([
      trustedHtml(INTAKE_COMMENT_MARKER),
      heading(
        3,
        link(pull.url, text(`Pull request #${pull.number}`)),
        text(pull.merged ? ' for this issue was merged' : ' for this issue is closed'),
      ),
      paragraph(
        text(
          pull.merged
            ? 'Your edit was not applied: the contribution is already in. To propose something else, open a new issue with the form.'
            : 'Your edit was not applied. A maintainer can reopen the pull request; the next edit of this issue then updates it.',
        ),
      ),
    ]),
  );
}

/** The pull request's description: where it came from, what it does, and the contributor's words, inert. */
export function renderPullBody(plan: ValidPlan, issueNumber: number): string {
  const { contribution: c, target } = plan;
  const item = (label: string, value: PhrasingContent[]): PhrasingContent[] => [
    strong(text(label)),
    text(': '),
    ...value,
  ];
  const facts: PhrasingContent[][] = [
    item('Persona', [
      untrusted(target.title ?? target.slug, oneLine(200)),
      text(' ('),
      inlineCode(target.slug),
      text(')'),
    ]),
    item('Field', [text(FIELD_LABELS[c.field])]),
    item('Action', [text(ACTION_LABELS[c.action])]),
  ];
  if (c.item !== undefined) facts.push(item('Item', [text(String(c.item))]));
  facts.push(item('Author', [inlineCode(c.author)]), item('File', [inlineCode(plan.file)]));
  const content: RootContent[] = [
    paragraph(
      text(
        `This contribution comes from issue #${issueNumber}, written with the contribution form, so its author did not need Git. Closes #${issueNumber}.`,
      ),
    ),
    bulletList(facts),
  ];
  const quoted = (title: string, value: string | undefined) => {
    if (value === undefined) return;
    content.push(heading(4, text(title)), quote(value));
  };
  if (c.action === 'correct') quoted('Current text', c.original);
  quoted(c.action === 'correct' ? 'Corrected text' : 'New item', c.value);
  quoted('Rationale', c.rationale);
  if (c.evidence !== undefined)
    content.push(
      heading(4, text('Evidence')),
      // Passed the schema (an http(s) URL); a code span shows it exactly and GitHub never links or previews it.
      paragraph(inlineCode(c.evidence)),
    );
  content.push(
    thematicBreak(),
    paragraph(
      text(
        `Validated by the intake workflow with the same rules as persona validate. Each edit of issue #${issueNumber} replaces this branch with a new single commit on the default branch, so change the contribution by editing the issue, not by pushing here.`,
      ),
    ),
  );
  return stringifyMarkdown(root(content));
}

/** Several lines of the contributor's words, kept as lines. */
function quote(value: string): Blockquote {
  return blockquote(paragraph(untrusted(value, { maxLength: 2000 })));
}
