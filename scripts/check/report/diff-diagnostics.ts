import type { Diagnostic } from '../../core/diagnostic.ts';

/**
 * What changed between two reports of the same library: the diagnostics that are new, and those that went
 * away. A diagnostic is the same one when its file, rule, severity and message are (counted as a multiset, as
 * the comparison with a base branch counts): one that only moved, because lines were added above it, did not
 * change. New ones carry their current place, gone ones their last.
 */
export function diffDiagnostics<D extends Diagnostic>(
  before: readonly D[],
  after: readonly D[],
): { added: D[]; removed: D[] } {
  const remaining = new Map<string, D[]>();
  for (const d of before) {
    const list = remaining.get(identity(d));
    if (list) list.push(d);
    else remaining.set(identity(d), [d]);
  }
  const added: D[] = [];
  for (const d of after) {
    const list = remaining.get(identity(d));
    if (list && list.length > 0) list.shift();
    else added.push(d);
  }
  const removed = [...remaining.values()].flat();
  const order = new Map(before.map((d, i) => [d, i]));
  removed.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  return { added, removed };
}

function identity(d: Diagnostic): string {
  return `${d.file}\u0000${d.rule}\u0000${d.severity}\u0000${d.message}`;
}
