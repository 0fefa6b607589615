import type { Diagnostic } from '../../core/diagnostic.ts';

/**
 * Marks which diagnostics the pull request introduced, by comparing with the same validator's findings on
 * the base branch. Positions shift when lines are added above a problem, so identity is file + rule +
 * message, counted as a multiset (two identical problems on main and three in the PR: one is new). This is
 * also what surfaces breakage in files the PR never touched, such as links broken by an id rename.
 */
export function compareWithBase<T extends Diagnostic>(
  head: readonly T[],
  base: readonly Diagnostic[] | null,
): { entries: Array<T & { introduced: boolean }>; resolved: number } {
  if (base === null) return { entries: head.map((d) => ({ ...d, introduced: true })), resolved: 0 };
  const remaining = new Map<string, number>();
  for (const d of base) remaining.set(identity(d), (remaining.get(identity(d)) ?? 0) + 1);
  const entries = head.map((d) => {
    const key = identity(d);
    const left = remaining.get(key) ?? 0;
    if (left > 0) remaining.set(key, left - 1);
    return { ...d, introduced: left === 0 };
  });
  let resolved = 0;
  for (const count of remaining.values()) resolved += count;
  return { entries, resolved };
}

function identity(d: Diagnostic): string {
  return `${d.file}\u0000${d.rule}\u0000${d.severity}\u0000${d.message}`;
}
