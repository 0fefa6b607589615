import type { ContentEffect } from '../../check/contribution/contribution-effect.ts';
import type { Contribution, ContributionAction } from '../../core/contribution.ts';
import type { Diagnostic } from '../../core/diagnostic.ts';

/** One contribution that the merge applies. */
export interface AppliedContribution {
  file: string;
  /** Slug of the persona. */
  persona: string;
  personaFile: string;
  field: string;
  action: ContributionAction;
  /** The confirmed or corrected item, the number of the new item for an extension; null for a whole field. */
  item: number | null;
  author: string;
  /** The date recorded as `last_reviewed`, or null when the contribution had none. */
  date: string | null;
}

export interface PersonaMergeResult {
  file: string;
  slug: string;
  title: string;
  /**
   * SHA-256 of the text the plan was made from: all the journal needs to tell whether the file is still as
   * read. Only the hash is kept, since at thousands of personas the texts themselves were a large share of
   * the merge's memory.
   */
  beforeSha256: string;
  after: string;
  /** Content changes in the order they were applied; the `community` bookkeeping is only in `diff`. */
  changes: ContentEffect[];
  diff: string;
}

/** Everything the merge would do, computed and re-validated in memory before any file is touched. */
export interface MergePlan {
  /** In file-path order. */
  applied: AppliedContribution[];
  /** Error diagnostics of every contribution that is not applied; those files stay where they are. */
  conflicts: Diagnostic[];
  /** In file-path order. */
  personas: PersonaMergeResult[];
  /** Applied contribution files to remove once the personas are written, with the bytes that were read. */
  removals: Array<{ file: string; bytes: Uint8Array }>;
  /**
   * With `parkStale`: corrections gone stale since they were written, to move from `file` to `to` (in
   * `stale/`) with the bytes that were read, and the diagnostic that says why. In file-path order.
   */
  parked: Array<{
    file: string;
    to: string;
    bytes: Uint8Array;
    diagnostic: Diagnostic;
    contribution: Contribution;
    /** The text the persona has now where the correction expected its `original`. */
    current: string;
  }>;
}
