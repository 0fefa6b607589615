import type { Diagnostic } from './diagnostic.ts';
import type { PlannedFix } from './yaml-change.ts';

/** A file of the library as read: its path (relative to the root, with `/`) and bytes. */
export interface SourceFile {
  file: string;
  /** At most MAX_FILE_BYTES + 1 bytes: enough to tell that a file is too large without reading it all. */
  bytes: Uint8Array;
}

/** What names a persona: the values other files refer to it by. */
export interface PersonaIdentity {
  id?: string;
  slug?: string;
  title?: string;
}

/**
 * Everything later stages need to know about one persona file, as plain data (no YAML document), so it can
 * cross a worker boundary and be stored by content hash.
 */
export interface PersonaFacts {
  file: string;
  /**
   * The parsed mapping; null when the file has no usable mapping, or when the caller did not ask to keep it
   * (a result from the store holds no data: read the file again, explicitly, to get it).
   */
  data: Record<string, unknown> | null;
  /** Whether the file has a usable top-level mapping (its data can be read). */
  readable: boolean;
  diagnostics: Diagnostic[];
  identity: PersonaIdentity;
  /** What each cross-file rule collected from this persona (`LibraryRule.collect`), by rule name. */
  collected: Record<string, unknown>;
}

/** A diagnostic of a cross-file rule, placed at a value's path in its file; the place is found afterwards. */
export interface Finding
  extends Omit<Diagnostic, 'line' | 'column' | 'endLine' | 'endColumn' | 'url' | 'fix'> {
  /** The path of the value the finding is about, e.g. `['composability', 2, 'persona']`. */
  at: ReadonlyArray<string | number>;
  /** Its fix, as changes to the files' data; it becomes text edits when the files are read again to place it. */
  fix?: PlannedFix;
}

/** The identity of a persona's data (empty when it has no usable mapping). */
export function identityOf(data: Record<string, unknown> | null): PersonaIdentity {
  const identity: PersonaIdentity = {};
  if (!data) return identity;
  for (const key of ['id', 'slug', 'title'] as const) {
    const value = data[key];
    if (typeof value === 'string') identity[key] = value;
  }
  return identity;
}
