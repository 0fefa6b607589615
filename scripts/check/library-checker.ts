import type { ContributionFacts } from '../core/contribution.ts';
import type { Diagnostic } from '../core/diagnostic.ts';
import type { PersonaFacts } from '../core/facts.ts';
import type { LintSettings } from '../core/lint-settings.ts';
import type { PlannedComparison } from './contribution/planned-comparisons.ts';

/**
 * The per-file half of validation, and the comparisons of contributions with their personas: what a
 * library's files say, each on its own. The reference implementation reads and checks every file
 * (scripts/pipeline/reference-checker.ts); the accelerator answers the same questions from its result store
 * and worker pool (scripts/accel/accelerated-checker.ts). Same questions, same answers: the differential tests
 * hold them to it.
 */
export interface LibraryChecker {
  /**
   * Each persona file's facts, in the order given. `keepData`: true keeps every persona's data in them;
   * 'if-parsed' only the data of files parsed in this run (the rest have null: read it with `dataOf`).
   */
  personas(
    files: readonly string[],
    options: {
      keepData: boolean | 'if-parsed';
      /**
       * Personas (by slug or id) whose data the caller will want (contributions' targets): kept when this run
       * parsed them, whatever `keepData`; a result from the accelerator's store still has none.
       */
      keepDataFor?: readonly string[];
    },
  ): Promise<PersonaFacts[]>;
  contributions(files: readonly string[]): Promise<ContributionFacts[]>;
  /** Each planned comparison's diagnostics, by contribution file. */
  compare(
    planned: readonly PlannedComparison[],
    personas: readonly PersonaFacts[],
  ): Promise<Map<string, Diagnostic[]>>;
  /** The data of one persona, read again from its file (null when it has no usable mapping). */
  dataOf(file: string): Record<string, unknown> | null;
  /** What the files were checked with and each one's content hash, when the checker knows them (the accelerator). */
  checked?(): CheckedFiles;
}

/**
 * The content hash of each file a checker checked or took from its store, under the key of what it checked them
 * with (schemas and settings): another run with the same key and a file of the same path and hash would find
 * the same facts.
 */
export interface CheckedFiles {
  key: string;
  hashes: ReadonlyMap<string, string>;
  /** Whether every persona's facts carry its data (null only where the file has none), as `keepData: true` asks. */
  withData: boolean;
}

/** What validating a whole library gives: every file's facts and every diagnostic, sorted. */
export interface ValidationResult {
  personas: PersonaFacts[];
  contributions: ContributionFacts[];
  contributionCount: number;
  /** The files validated, and what the listing itself found (links, hidden files, misplaced names). */
  listing: { personaFiles: string[]; contributionFiles: string[]; diagnostics: Diagnostic[] };
  diagnostics: Diagnostic[];
  /** Each tag's description from the vocabulary (`tags.yaml`), empty when the library has none. */
  tagDescriptions: ReadonlyMap<string, string>;
  /** Reads one persona file again for its data (null when it has none): for facts whose data is null. */
  readPersonaData(file: string): Record<string, unknown> | null;
  /** The lint settings the files were checked with (persona.config.yaml, or the defaults). */
  settings: LintSettings;
  /** The content hash of each file checked, when the accelerator checked them (see `ValidateOptions.twin`). */
  checked?: CheckedFiles;
}

/**
 * A library validated again and again by a resident process (`persona validate --watch`): each call gives
 * what `validateLibrary` would give now. `changed` names the root-relative paths that changed since the last
 * call (null: unknown, check everything). The reference re-validates everything; the accelerator's session
 * checks again only what changed (scripts/accel/incremental-session.ts), with the same answers.
 */
export interface LibrarySession {
  validate(changed: readonly string[] | null): Promise<ValidationResult>;
  /** Keeps what the session learnt (the accelerator's store) and lets go of it. */
  close(): void;
}
