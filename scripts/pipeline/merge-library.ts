import {
  applyMergePlan,
  finishJournal,
  MergeJournalError,
  readJournal,
  writeState,
} from '../apply/apply-merge-plan.ts';
import { diskOps, type FileOps } from '../apply/file-ops.ts';
import { type MergeJournal, sha256 } from '../apply/merge-journal.ts';
import { compileSchema } from '../check/schema/compile-schema.ts';
import { sortDiagnostics } from '../core/diagnostic.ts';
import type { MergePlan } from '../plan/merge/merge-plan.ts';
import { planMerge } from '../plan/merge/plan-merge.ts';
import { readContributionSchema } from '../read/read-contribution-schema.ts';
import { type LibraryFiles, readLibrary } from '../read/read-library.ts';
import { readPersonaSchema } from '../read/read-schemas.ts';

export interface MergeOptions {
  dryRun: boolean;
  /** `--date`: the review date for every contribution, instead of their file-name dates. */
  date: string | null;
  /** The file-system changes; tests inject failures here. */
  ops?: FileOps;
}

export interface MergeOutcome {
  plan: MergePlan;
  /** True when an interrupted merge was found and finished (or, in a dry run, taken into account) first. */
  resumed: boolean;
}

/**
 * read → (finish an interrupted merge) → plan in memory → apply. A dry run plans on the state the
 * interrupted merge would leave, without writing anything.
 */
export async function mergeLibrary(root: string, options: MergeOptions): Promise<MergeOutcome> {
  const ops = options.ops ?? diskOps(root);
  const [personaSchema, contributionSchema] = await Promise.all([
    readPersonaSchema(root),
    readContributionSchema(root),
  ]);
  const journal = await readJournal(ops);
  if (journal && !options.dryRun) await finishJournal(journal, ops);
  let files = await readLibrary(root);
  if (journal && options.dryRun) files = await asIfFinished(files, journal, ops);
  const plan = planMerge({
    personaFiles: files.personaFiles,
    contributionFiles: files.contributionFiles,
    validatePersona: compileSchema(personaSchema),
    validateContribution: compileSchema(contributionSchema),
    date: options.date,
  });
  // Symbolic links and the like under contributions/ were never read, so they can only stay where they are.
  plan.conflicts = sortDiagnostics([
    ...plan.conflicts,
    ...files.diagnostics.filter((d) => d.file.startsWith('contributions/')),
  ]);
  if (!options.dryRun) await applyMergePlan(plan, ops);
  return { plan, resumed: journal !== null };
}

/** The library as it will be once the journaled merge is finished, in memory only. */
async function asIfFinished(files: LibraryFiles, journal: MergeJournal, ops: FileOps): Promise<LibraryFiles> {
  const written = new Map(journal.writes.map((w) => [w.file, new TextEncoder().encode(w.text)]));
  const removed = new Map(journal.removals.map((r) => [r.file, r.sha256]));
  for (const write of journal.writes) {
    if ((await writeState(write, ops)) === 'other')
      throw new MergeJournalError(
        `${write.file} changed since the interrupted merge was recorded; see \`persona merge\`.`,
      );
  }
  return {
    ...files,
    personaFiles: files.personaFiles.map((f) => ({ file: f.file, bytes: written.get(f.file) ?? f.bytes })),
    contributionFiles: files.contributionFiles.filter((f) => removed.get(f.file) !== sha256(f.bytes)),
  };
}
