import { placeOf } from '../../../core/contribution.ts';
import { type Diagnostic, diagnostic } from '../../../core/diagnostic.ts';
import { isParked } from '../contribution-location.ts';
import { groupBy, type PendingContribution } from './pending-context.ts';

/** Two corrections of the same text: merge applies the first, and the second's `original` goes stale. */
export function noConflictingCorrections(pending: readonly PendingContribution[]): Diagnostic[] {
  // A parked correction is stale by definition: it conflicts with nothing until its text comes back.
  const corrections = pending.filter((p) => p.contribution.action === 'correct' && !isParked(p.facts.file));
  const groups = groupBy(corrections, (p) =>
    JSON.stringify([p.target.file, p.contribution.field, p.contribution.item ?? null]),
  );
  const out: Diagnostic[] = [];
  for (const [first, ...later] of groups) {
    if (!first) continue;
    for (const p of later) {
      const what = p.contribution.item === undefined ? '' : ` item ${p.contribution.item}`;
      out.push(
        diagnostic(
          p.facts.file,
          placeOf(p.facts, 'field'),
          'contribution/conflicting-corrections',
          `\`${first.facts.file}\` also corrects \`${p.contribution.field}\`${what} of \`${p.target.slug}\`; they will conflict.`,
          'The merge applies the first in file order, and this one is then stale. Agree on one text in review and delete the other file.',
          'warning',
        ),
      );
    }
  }
  return out;
}
