import { sha256 } from '../core/sha256.ts';
import type { MergePlan } from '../plan/merge/merge-plan.ts';

/** Where a merge in progress records what it is doing; a dotfile, so `persona validate` never reads it. */
export const MERGE_JOURNAL = 'contributions/.merge-journal.json';

/**
 * The complete outcome of one merge, written before any persona is touched. A re-run that finds it rolls
 * the merge forward to the end, so a crash at any point ends in the state of one uninterrupted run.
 */
export interface MergeJournal {
  version: 1;
  /** Persona files: the hash of the text the plan was made from, and the full text to write. */
  writes: Array<{ file: string; before: string; after: string; text: string }>;
  /** Applied contribution files, with the hash of the content that was applied. */
  removals: Array<{ file: string; sha256: string }>;
}

export function journalFor(plan: MergePlan): MergeJournal {
  return {
    version: 1,
    writes: plan.personas.map((p) => ({
      file: p.file,
      before: p.beforeSha256,
      after: sha256(p.after),
      text: p.after,
    })),
    removals: plan.removals.map((r) => ({ file: r.file, sha256: sha256(r.bytes) })),
  };
}

const HASH = /^[0-9a-f]{64}$/;
const SAFE_PATH = (top: string) => new RegExp(`^${top}/(?:[A-Za-z0-9._-]+/)*[A-Za-z0-9._-]+$`);

/** The journal, or null when its text is not one: it is only ever followed if every path stays in place. */
export function parseJournal(text: string): MergeJournal | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  const journal = value as Partial<MergeJournal> | null;
  if (journal?.version !== 1 || !Array.isArray(journal.writes) || !Array.isArray(journal.removals))
    return null;
  const safe = (file: unknown, top: string) =>
    typeof file === 'string' &&
    SAFE_PATH(top).test(file) &&
    !file.split('/').some((s) => s === '..' || s === '.');
  const writesOk = journal.writes.every(
    (w) =>
      safe(w?.file, 'personas') &&
      HASH.test(String(w?.before)) &&
      HASH.test(String(w?.after)) &&
      typeof w?.text === 'string',
  );
  const removalsOk = journal.removals.every(
    (r) => safe(r?.file, 'contributions') && HASH.test(String(r?.sha256)),
  );
  return writesOk && removalsOk ? (journal as MergeJournal) : null;
}
