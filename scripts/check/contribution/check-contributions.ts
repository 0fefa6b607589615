import type { ContributionFacts } from '../../core/contribution.ts';
import { compareCodePoints, type Diagnostic } from '../../core/diagnostic.ts';
import type { PersonaFacts } from '../../core/facts.ts';
import type { SchemaValidator } from '../schema/compile-schema.ts';
import { buildContributionIndex, type ContributionIndex } from './contribution-index.ts';
import { type PlannedComparison, plannedComparisons } from './planned-comparisons.ts';
import { resolveTarget } from './resolve-target.ts';
import type { PendingContribution } from './rules/pending-context.ts';
import { PENDING_RULES } from './rules/pending-rules.ts';
import { checkAgainstPersona } from './rules/target-rules.ts';

/**
 * The cross-file half of checking contributions: each clean contribution resolved to its persona, its
 * comparison with that persona (`compared`, by contribution file: computed by `compareWithPersonas`, or
 * remembered), then the pending contributions against each other. Per-file diagnostics are not repeated here.
 */
export function checkContributions(
  contributions: readonly ContributionFacts[],
  index: ContributionIndex,
  compared: ReadonlyMap<string, readonly Diagnostic[]>,
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
    out.push(...(compared.get(facts.file) ?? []));
    pending.push({ facts, contribution, target });
  }
  for (const rule of PENDING_RULES) out.push(...rule(pending));
  return out;
}

/** Each planned comparison's diagnostics, by contribution file, with the personas' data at hand. */
export function compareWithPersonas(
  planned: readonly PlannedComparison[],
  dataOf: ReadonlyMap<string, Record<string, unknown>>,
  validatePersona: SchemaValidator,
): Map<string, Diagnostic[]> {
  const out = new Map<string, Diagnostic[]>();
  for (const { contribution: facts, target } of planned) {
    const data = dataOf.get(target.file);
    if (!facts.contribution || !data) continue;
    out.set(
      facts.file,
      checkAgainstPersona({ facts, contribution: facts.contribution, target, data, validatePersona }),
    );
  }
  return out;
}

/**
 * All of it at once, for callers that hold every persona's data (intake, `persona contribute`): index, plan,
 * compare, check.
 */
export function checkContributionsWithData(
  contributions: readonly ContributionFacts[],
  personas: readonly PersonaFacts[],
  validatePersona: SchemaValidator,
): Diagnostic[] {
  const index = buildContributionIndex(personas);
  const dataOf = new Map(personas.flatMap((p) => (p.data ? [[p.file, p.data] as const] : [])));
  const compared = compareWithPersonas(plannedComparisons(contributions, index), dataOf, validatePersona);
  return checkContributions(contributions, index, compared);
}
