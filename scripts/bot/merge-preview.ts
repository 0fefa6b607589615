import type { MergePreview } from './report.ts';

/**
 * Reads `persona merge --dry-run --format json` output (the merge contract) and keeps only what concerns
 * the given contribution files: the ones this pull request adds or changes. Returns null when the output
 * is not the contract's shape; the report's schema check then covers each field.
 */
export function selectPreview(mergeJson: string, pullRequestFiles: ReadonlySet<string>): MergePreview | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(mergeJson);
  } catch {
    return null;
  }
  if (!isRecord(parsed)) return null;
  const { applied, conflicts, personas } = parsed;
  if (!Array.isArray(applied) || !Array.isArray(conflicts) || !Array.isArray(personas)) return null;
  const mine = applied.filter((a) => isRecord(a) && pullRequestFiles.has(String(a.file)));
  const touched = new Set(mine.map((a) => String(a.personaFile)));
  return {
    applied: mine.map((a) =>
      pick(a, ['file', 'persona', 'personaFile', 'field', 'action', 'item', 'author']),
    ),
    conflicts: conflicts
      .filter((c) => isRecord(c) && pullRequestFiles.has(String(c.file)))
      .map((c) =>
        pick(c, [
          'file',
          'line',
          'column',
          'endLine',
          'endColumn',
          'severity',
          'rule',
          'message',
          'hint',
          'url',
        ]),
      ),
    personas: personas
      .filter((p) => isRecord(p) && touched.has(String(p.file)))
      .map((p) => ({
        ...pick(p, ['file', 'slug', 'title', 'diff']),
        changes: Array.isArray(p.changes)
          ? p.changes.map((c: unknown) => pick(c, ['field', 'item', 'action', 'before', 'after']))
          : p.changes,
      })),
  } as unknown as MergePreview;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Copies the named keys only, so a newer merge output with extra keys still fits the report schema. */
function pick(value: unknown, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!isRecord(value)) return out;
  for (const key of keys) if (key in value) out[key] = value[key];
  return out;
}
