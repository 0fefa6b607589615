import { compareCodePoints } from '../../core/diagnostic.ts';
import type { IdChange } from '../../plan/assign-ids.ts';

export interface AppliedForMessage {
  file: string;
  field: string;
  action: string;
  author: string;
}

const GITHUB_LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;

/**
 * The apply workflow's commit message: which contribution files were applied, what they did and who wrote
 * them. Nothing a contributor typed is copied: contribution text never appears, file names keep only
 * `[A-Za-z0-9._/-]`, logins must be GitHub logins and are never prefixed with `@`. So no "fixes #12",
 * mention, or URL in a contribution can close an issue or ping anyone from the default branch.
 */
export function buildCommitMessage(applied: readonly AppliedForMessage[]): string {
  if (applied.length === 0) {
    return 'Regenerate the persona catalogue\n\nNo contribution was applied; persona catalogue brought the catalogue up to date.\n';
  }
  const sorted = [...applied].sort((a, b) => compareCodePoints(a.file, b.file));
  const authors = [...new Set(sorted.map((a) => safeLogin(a.author)))].sort(compareCodePoints);
  const subject =
    sorted.length === 1 ? 'Apply 1 community contribution' : `Apply ${sorted.length} community contributions`;
  const lines = sorted.map(
    (a) => `- ${safePath(a.file)}: ${safeWord(a.action)} ${safeWord(a.field)}, by ${safeLogin(a.author)}`,
  );
  return [
    subject,
    '',
    ...lines,
    '',
    `Contributors: ${authors.join(', ')}`,
    'Applied by the apply workflow with persona merge and persona catalogue.',
    '',
  ].join('\n');
}

/** What the apply run did besides merging, for its commit message. */
export interface ApplyOutcomeForMessage {
  merge: { applied: readonly AppliedForMessage[]; parked: ReadonlyArray<{ file: string; to: string }> };
  renumbered: readonly IdChange[];
}

/** The apply workflow's commit message, with a note for each id given anew and each correction parked. */
export function applyCommitMessage(outcome: ApplyOutcomeForMessage): string {
  const message = buildCommitMessage(outcome.merge.applied);
  const notes = [
    ...outcome.renumbered.map((r) => `- ${safePath(r.file)}: id ${safePath(r.from)} was taken, now ${r.to}`),
    ...outcome.merge.parked.map((p) => `- ${safePath(p.file)}: stale, parked as ${safePath(p.to)}`),
  ];
  return notes.length === 0 ? message : `${message.trimEnd()}\n\n${notes.join('\n')}\n`;
}

export function safePath(file: string): string {
  return file.replace(/[^A-Za-z0-9._/-]/g, '_').slice(0, 200);
}

function safeWord(value: string): string {
  return value.replace(/[^a-z_]/g, '_').slice(0, 40);
}

function safeLogin(login: string): string {
  return GITHUB_LOGIN.test(login) ? login : 'an unnamed contributor';
}
