import { compareCodePoints } from '../core/diagnostic.ts';

const ID = /^APP-(\d{3,})$/;

/** A persona as id assignment sees it. */
export interface IdHolder {
  file: string;
  id: string;
  /**
   * When the persona's file arrived on the branch, as a position in its first-parent history (0 is the
   * oldest commit); null when unknown, which counts as newest.
   */
  arrival: number | null;
}

export interface IdChange {
  file: string;
  from: string;
  to: string;
}

/**
 * Ids are never picked by contributors' coordination: two pull requests opened from the same main can both
 * scaffold the next free id, and both merge cleanly. Of the personas that share an id, the one that arrived
 * first keeps it (ids are immutable once on main); every later one gets the next id above the highest in use.
 * That is safe because nothing can reference a persona that arrived in the merge just made: links name slugs.
 * Pure and deterministic: ties go by file path.
 */
export function planIdAssignments(holders: readonly IdHolder[]): IdChange[] {
  let highest = 0;
  const byId = new Map<string, IdHolder[]>();
  for (const holder of holders) {
    const match = ID.exec(holder.id);
    if (!match) continue;
    highest = Math.max(highest, Number(match[1]));
    const group = byId.get(holder.id);
    if (group) group.push(holder);
    else byId.set(holder.id, [holder]);
  }
  const later: IdHolder[] = [];
  for (const group of byId.values()) {
    if (group.length < 2) continue;
    later.push(...[...group].sort(byArrival).slice(1));
  }
  return later.sort(byArrival).map((holder) => {
    highest += 1;
    return { file: holder.file, from: holder.id, to: `APP-${String(highest).padStart(3, '0')}` };
  });
}

function byArrival(a: IdHolder, b: IdHolder): number {
  const left = a.arrival ?? Number.POSITIVE_INFINITY;
  const right = b.arrival ?? Number.POSITIVE_INFINITY;
  return left === right ? compareCodePoints(a.file, b.file) : left - right;
}
