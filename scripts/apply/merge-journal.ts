import { isPlainName } from '../core/reported-path.ts';
import { sha256 } from '../core/sha256.ts';
import type { MergePlan } from '../plan/merge/merge-plan.ts';

/**
 * The journal's name in the tools' state folder (`toolStateFor`): outside the working tree, so no commit can
 * put one there for the merge to roll forward.
 */
export const MERGE_JOURNAL = 'merge-journal.json';

/**
 * The complete outcome of one merge, written before any persona is touched. A re-run that finds it rolls
 * the merge forward to the end, so a crash at any point ends in the state of one uninterrupted run.
 */
export interface MergeJournal {
  version: 2;
  /** Persona files: the hash of the text the plan was made from, and the full text to write. */
  writes: Array<{ file: string; before: string; after: string; text: string }>;
  /**
   * Applied contribution files, with the hash of the content that was applied and the persona file it went
   * into: if that persona was edited by hand since, the contribution is not removed but planned again.
   */
  removals: Array<{ file: string; sha256: string; persona: string }>;
  /** Stale corrections parked in `stale/`: the file, where it goes, and its bytes (base64) with their hash. */
  moves: Array<{ file: string; to: string; sha256: string; bytes: string }>;
}

export function journalFor(plan: MergePlan): MergeJournal {
  const personaOf = new Map(plan.applied.map((a) => [a.file, a.personaFile]));
  return {
    version: 2,
    writes: plan.personas.map((p) => ({
      file: p.file,
      before: p.beforeSha256,
      after: sha256(p.after),
      text: p.after,
    })),
    removals: plan.removals.map((r) => ({
      file: r.file,
      sha256: sha256(r.bytes),
      persona: personaOf.get(r.file) ?? '',
    })),
    moves: plan.parked.map((p) => ({
      file: p.file,
      to: p.to,
      sha256: sha256(p.bytes),
      // The bytes as read (a BOM included), so the parked copy is the same file and hashes the same.
      bytes: Buffer.from(p.bytes).toString('base64'),
    })),
  };
}

const HASH = /^[0-9a-f]{64}$/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** The journal, or null when its text is not one: it is only ever followed if every path stays in place. */
export function parseJournal(text: string): MergeJournal | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  const journal = value as Partial<MergeJournal> | null;
  if (
    journal?.version !== 2 ||
    !Array.isArray(journal.writes) ||
    !Array.isArray(journal.removals) ||
    !Array.isArray(journal.moves)
  )
    return null;
  // The same names the listing reads: a journal could name nothing else, and names nothing hidden.
  const safe = (file: unknown, top: string) => {
    if (typeof file !== 'string') return false;
    const [first, ...rest] = file.split('/');
    return (
      first === top && rest.length > 0 && rest.every((part) => isPlainName(part) && !part.startsWith('.'))
    );
  };
  const writesOk = journal.writes.every(
    (w) =>
      safe(w?.file, 'personas') &&
      HASH.test(String(w?.before)) &&
      HASH.test(String(w?.after)) &&
      typeof w?.text === 'string',
  );
  const removalsOk = journal.removals.every(
    (r) => safe(r?.file, 'contributions') && HASH.test(String(r?.sha256)) && safe(r?.persona, 'personas'),
  );
  const movesOk = journal.moves.every(
    (m) =>
      safe(m?.file, 'contributions') &&
      safe(m?.to, 'contributions') &&
      HASH.test(String(m?.sha256)) &&
      typeof m?.bytes === 'string' &&
      BASE64.test(m.bytes),
  );
  return writesOk && removalsOk && movesOk ? (journal as MergeJournal) : null;
}
