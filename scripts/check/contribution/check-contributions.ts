import type { ContributionFacts } from '../../core/contribution.ts';
import { compareCodePoints, type Diagnostic } from '../../core/diagnostic.ts';
import type { PersonaFacts } from '../persona/check-persona-file.ts';
import type { SchemaValidator } from '../schema/compile-schema.ts';
import { buildContributionIndex, type ContributionIndex } from './contribution-index.ts';
import { resolveTarget } from './resolve-target.ts';
import type { PendingContribution } from './rules/pending-context.ts';
import { PENDING_RULES } from './rules/pending-rules.ts';
import { checkAgainstPersona } from './rules/target-rules.ts';

/**
 * Memoises one contribution's comparison with its persona. The result depends only on the two files'
 * contents and the schema, so the validation cache keys it by both content hashes.
 */
export type MemoAgainstPersona = (
  contributionFile: string,
  personaFile: string,
  compute: () => Diagnostic[],
) => Diagnostic[];

/**
 * The cross-file half of checking contributions: each clean contribution against its persona as it is on
 * disk, then the pending contributions against each other. Per-file diagnostics are not repeated here.
 */
export function checkContributions(
  contributions: readonly ContributionFacts[],
  personas: readonly PersonaFacts[],
  validatePersona: SchemaValidator,
  memoAgainstPersona: MemoAgainstPersona = (_c, _p, compute) => compute(),
  // A caller that planned comparisons from the same personas passes the index it already built.
  index: ContributionIndex = buildContributionIndex(personas),
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const pending: PendingContribution[] = [];
  const inPathOrder = [...contributions].sort((a, b) => compareCodePoints(a.file, b.file));
  for (const facts of inPathOrder) {
    const { contribution } = facts;
    if (!contribution) continue;
    const { target, diagnostics } = resolveTarget(facts, contribution, index);
    out.push(...diagnostics);
    if (!target?.usable) continue;
    out.push(
      ...memoAgainstPersona(facts.file, target.file, () =>
        checkAgainstPersona({ facts, contribution, target, data: target.data, validatePersona }),
      ),
    );
    pending.push({ facts, contribution, target });
  }
  for (const rule of PENDING_RULES) out.push(...rule(pending));
  return out;
}
