import type { AppliedContribution, MergePlan } from '../../plan/merge/merge-plan.ts';
import { plural } from './format-text.ts';

/**
 * Human report of `persona merge`. A dry run starts with the unified diff of each persona that would
 * change; both modes list the applied contributions, then every problem of those left in place.
 */
export function formatMergeText(plan: MergePlan, options: { dryRun: boolean }): string {
  const out: string[] = [];
  if (options.dryRun) for (const persona of plan.personas) out.push(persona.diff.replace(/\n$/, ''), '');
  const verb = options.dryRun ? 'would apply' : 'applied';
  for (const applied of plan.applied)
    out.push(`${verb} ${applied.file} → ${applied.personaFile} (${describe(applied)})`);
  if (plan.applied.length > 0) out.push('');
  for (const p of plan.parked)
    out.push(
      `${options.dryRun ? 'would park' : 'parked'} ${p.file} → ${p.to} (stale: ${p.diagnostic.message})`,
    );
  if (plan.parked.length > 0) out.push('');
  for (const d of plan.conflicts) {
    out.push(`${d.file}:${d.line}:${d.column}  ${d.severity}  ${d.message}  [${d.rule}]`);
    if (d.hint) out.push(`    hint: ${d.hint}`);
  }
  if (plan.conflicts.length > 0) out.push('');
  out.push(summaryLine(plan, options.dryRun));
  return `${out.join('\n')}\n`;
}

function describe(a: AppliedContribution): string {
  const item = a.item === null ? '' : ` item ${a.item}`;
  return `${a.action} \`${a.field}\`${item}, by ${a.author}${a.date ? `, ${a.date}` : ''}`;
}

function summaryLine(plan: MergePlan, dryRun: boolean): string {
  const leftInPlace = new Set(plan.conflicts.map((d) => d.file)).size;
  const applied = `${plural(plan.applied.length, 'contribution')} ${dryRun ? 'would be applied' : 'applied'} to ${plural(plan.personas.length, 'persona')}`;
  const parked =
    plan.parked.length > 0
      ? `; ${plural(plan.parked.length, 'stale correction')} ${dryRun ? 'would be parked' : 'parked'} in stale/`
      : '';
  if (leftInPlace === 0) {
    return plan.applied.length === 0 && plan.parked.length === 0
      ? '✔ No pending contributions: nothing to merge.'
      : `✔ ${applied}${parked}.`;
  }
  return `✖ ${applied}${parked}; ${plural(leftInPlace, 'contribution')} left in place with ${plural(plan.conflicts.length, 'problem')}.`;
}
