import type { MergePreview } from '../../core/report.ts';
import type { MergePlan } from '../../plan/merge/merge-plan.ts';

/**
 * The part of a merge dry run that concerns the given contribution files (the ones a pull request adds or
 * changes): what they apply, their problems, and the personas they touch. Each entry keeps exactly the keys
 * of the report schema, in the shape of `persona merge --format json`.
 */
export function previewOf(plan: MergePlan, pullRequestFiles: ReadonlySet<string>): MergePreview {
  const applied = plan.applied.filter((a) => pullRequestFiles.has(a.file));
  const touched = new Set(applied.map((a) => a.personaFile));
  return {
    applied: applied.map(({ file, persona, personaFile, field, action, item, author }) => ({
      file,
      persona,
      personaFile,
      field,
      action,
      item,
      author,
    })),
    conflicts: plan.conflicts
      .filter((c) => pullRequestFiles.has(c.file))
      .map(({ file, line, column, endLine, endColumn, severity, rule, message, hint, url }) => ({
        file,
        line,
        column,
        endLine,
        endColumn,
        severity,
        rule,
        message,
        hint,
        url,
      })),
    personas: plan.personas
      .filter((p) => touched.has(p.file))
      .map((p) => ({
        file: p.file,
        slug: p.slug,
        title: p.title,
        changes: p.changes.map(({ field, item, action, before, after }) => ({
          field,
          item,
          action,
          before,
          after,
        })),
        diff: p.diff,
      })),
  };
}
