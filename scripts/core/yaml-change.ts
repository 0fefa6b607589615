/** A path to a value in a YAML document, as keys and list indexes: `['composability', 2, 'persona']`. */
export type ValuePath = ReadonlyArray<string | number>;

/**
 * A change to a YAML document, said by what it does to the data. `parse/yaml-edits.ts` turns it into text
 * edits that touch only the lines concerned, and checks that reading the edited text gives exactly the data
 * with this change made (and nothing else), or gives no edits at all.
 */
export type YamlChange =
  /** The text value at `at` becomes `value`, in the quoting style it has where the style allows. */
  | { kind: 'set-text'; at: ValuePath; value: string }
  /** The key `from` of the mapping at `at` becomes `to`; its value and place stay. */
  | { kind: 'rename-key'; at: ValuePath; from: string; to: string }
  /** A mapping of text values is added at the end of the list at `at`, in the list's own indentation. */
  | { kind: 'append-item'; at: ValuePath; item: ReadonlyArray<readonly [string, string]> }
  /** The list item at `at` (its last segment is its index) is removed, with its line. */
  | { kind: 'delete-item'; at: ValuePath };

/** A fix said in YAML changes, for a rule that finds problems before the files are read again to place them. */
export interface PlannedFix {
  description: string;
  changes: ReadonlyArray<{ file: string; change: YamlChange }>;
}
