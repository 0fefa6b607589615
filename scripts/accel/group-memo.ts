import type { SuggestionMemo } from '../check/library/check-personas.ts';
import type { GroupMemo, LibraryEntry } from '../check/library/library-rule.ts';
import type { Finding } from '../core/facts.ts';
import { hashData } from '../core/sha256.ts';
import type { ResultStore } from './result-store.ts';

interface Kept {
  /** The entries' files and what was collected of each, as they were: the same objects, for an unchanged file. */
  files: string[];
  collected: ReadonlyArray<Readonly<Record<string, unknown>>>;
  findings: Finding[];
}

/**
 * The accelerator's `GroupMemo`, for a resident session: a group's findings are kept with the entries they were
 * found over, and given again while the group has the same entries. The session keeps the facts of unchanged
 * files (the same objects), so a group is the same when its members are, one by one. Groups not asked for in
 * a run are let go at the next.
 */
export class EntryGroupMemo implements GroupMemo {
  private kept = new Map<string, Kept>();
  private used = new Map<string, Kept>();

  findings(rule: string, group: string, entries: readonly LibraryEntry[], check: () => Finding[]): Finding[] {
    const key = `${rule}\0${group}`;
    const before = this.kept.get(key) ?? this.used.get(key);
    const same =
      before !== undefined &&
      before.files.length === entries.length &&
      entries.every((entry, i) => entry.file === before.files[i] && entry.collected === before.collected[i]);
    const now: Kept = same
      ? before
      : { files: entries.map((e) => e.file), collected: entries.map((e) => e.collected), findings: check() };
    this.used.set(key, now);
    return now.findings;
  }

  /** Starts a run: what the last run did not ask for is dropped. */
  nextRun(): void {
    this.kept = this.used;
    this.used = new Map();
  }
}

/**
 * The accelerator's `GroupMemo` for one-shot runs: a group's findings kept in the result store, by the rule, the
 * group and everything its entries are (file, identity, what every rule collected), so a run in which a
 * product's personas did not change takes that product's findings from the store instead of comparing them
 * again (the duplicate-persona rule compares every persona of a product with the others).
 */
export function storedGroups(store: ResultStore): GroupMemo {
  return {
    findings(rule, group, entries, check) {
      const key = `${rule}\0${group}\0${hashData(entries.map((e) => [e.file, e.identity, e.collected]))}`;
      const known = store.get<Finding[]>('group-findings', key);
      if (Array.isArray(known)) return known;
      const findings = check();
      store.set('group-findings', key, findings);
      return findings;
    },
  };
}

/**
 * The accelerator's `SuggestionMemo`: answers kept in the result store, from one run to the next and, in a
 * resident session, from one round to the next (a key covers the library's slugs, so an answer is never given
 * for a list it was not found in).
 */
export function storedSuggestions(store: ResultStore): SuggestionMemo {
  return (key, compute) => {
    const known = store.get<{ match?: string }>('suggestion', key);
    if (known && typeof known === 'object') return known.match;
    const match = compute();
    store.set('suggestion', key, match === undefined ? {} : { match });
    return match;
  };
}
