import type { Finding, PersonaIdentity } from '../../core/facts.ts';
import type { RuleMeta } from '../../core/fix.ts';
import type { TagVocabulary } from '../../core/tag-key.ts';

/** One persona as the cross-file rules see it: its identity and what each rule collected from it. */
export interface LibraryEntry {
  file: string;
  identity: PersonaIdentity;
  collected: Readonly<Record<string, unknown>>;
}

/**
 * A rule across personas, in one file. `collect` takes what the rule needs from one persona's data (plain
 * JSON: it is stored with the file's other results, by content hash, so a rule never needs a format of its
 * own); `check` reports on the whole library from what was collected, placing each finding at a value's path.
 */
export interface LibraryRule<Collected = unknown> {
  name: string;
  /** The rule id its findings carry, and whether they may carry a fix. */
  meta: RuleMeta;
  collect?(data: Record<string, unknown>): Collected;
  check(entries: readonly LibraryEntry[], help: LibraryHelp): Finding[];
  /**
   * For a rule that compares personas only within groups (the personas of one product): the group of an
   * entry (none: the rule never reports it). Its findings over the library are then its findings over each
   * group, so a resident run can keep those of groups in which nothing changed (`GroupMemo`).
   */
  groupOf?(entry: LibraryEntry): string | undefined;
}

/**
 * Keeps a grouped rule's findings per group between runs (the accelerator's, for `validate --watch`): `check`
 * is called only for a group whose entries are not exactly those it was last called with.
 */
export interface GroupMemo {
  findings(rule: string, group: string, entries: readonly LibraryEntry[], check: () => Finding[]): Finding[];
}

/** What rules share: suggestions among every slug of the library, computed once, and the tag vocabulary. */
export interface LibraryHelp {
  suggestSlug(input: string): string | undefined;
  /** The one slug a fix may put in place of `input` (`uniqueMatch`), if any. */
  uniqueSlug(input: string): string | undefined;
  /** The library's `tags.yaml`, when it has a readable one. */
  vocabulary: TagVocabulary | null;
}

/** What `rule` collected from `entry`. */
export function collectedBy<C>(rule: LibraryRule<C>, entry: LibraryEntry): C | undefined {
  return entry.collected[rule.name] as C | undefined;
}
