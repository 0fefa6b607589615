import { placeOf } from '../../../core/contribution.ts';
import { type Diagnostic, diagnostic } from '../../../core/diagnostic.ts';
import { normalizeItem } from '../contribution-effect.ts';
import { groupBy, type PendingContribution } from './pending-context.ts';

/**
 * The same person confirming a field in two pending files, or two pending extensions adding the same item:
 * the merge would apply the first and refuse the second, so say so now.
 */
export function noDuplicatePending(pending: readonly PendingContribution[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const confirms = groupBy(pending, (p) =>
    p.contribution.action === 'confirm'
      ? JSON.stringify([p.target.file, p.contribution.field, p.contribution.author])
      : null,
  );
  for (const [first, ...later] of confirms) {
    for (const p of later) {
      out.push(
        diagnostic(
          p.facts.file,
          placeOf(p.facts, 'author'),
          'contribution/duplicate-confirm',
          `\`${p.contribution.author}\` already confirms \`${p.contribution.field}\` of \`${p.target.slug}\` in \`${first?.facts.file}\`.`,
          'Each person confirms a field once. Delete one of the two files.',
        ),
      );
    }
  }
  const extensions = groupBy(pending, (p) =>
    p.contribution.action === 'extend'
      ? JSON.stringify([p.target.file, p.contribution.field, normalizeItem(p.contribution.value ?? '')])
      : null,
  );
  for (const [first, ...later] of extensions) {
    for (const p of later) {
      out.push(
        diagnostic(
          p.facts.file,
          placeOf(p.facts, 'value'),
          'contribution/duplicate-item',
          `\`${first?.facts.file}\` already adds this item to \`${p.contribution.field}\` of \`${p.target.slug}\`.`,
          'Delete one of the two files; to support the other, confirm its item once it is merged.',
        ),
      );
    }
  }
  return out;
}
