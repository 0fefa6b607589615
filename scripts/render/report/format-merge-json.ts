import type { MergePlan } from '../../plan/merge/merge-plan.ts';

/**
 * The public JSON of `persona merge --format json`, which the pull-request bot renders as a preview.
 * `summary.applied` and `summary.conflicts` are the lengths of the two lists (a contribution left in place
 * can have more than one problem); `personasChanged` counts personas whose file changes.
 */
export function formatMergeJson(plan: MergePlan): string {
  const report = {
    version: 1,
    summary: {
      applied: plan.applied.length,
      conflicts: plan.conflicts.length,
      personasChanged: plan.personas.length,
    },
    applied: plan.applied.map((a) => ({
      file: a.file,
      persona: a.persona,
      personaFile: a.personaFile,
      field: a.field,
      action: a.action,
      item: a.item,
      author: a.author,
    })),
    conflicts: plan.conflicts,
    // Only with --park-stale: stale corrections moved to stale/, each with the diagnostic that says why.
    ...(plan.parked.length > 0
      ? { parked: plan.parked.map((p) => ({ file: p.file, to: p.to, diagnostic: p.diagnostic })) }
      : {}),
    personas: plan.personas.map((p) => ({
      file: p.file,
      slug: p.slug,
      title: p.title,
      changes: p.changes.map((c) => ({
        field: c.field,
        item: c.item,
        action: c.action,
        before: c.before,
        after: c.after,
      })),
      diff: p.diff,
    })),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}
