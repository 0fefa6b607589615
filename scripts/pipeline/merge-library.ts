import path from 'node:path';
import {
  applyMergePlan,
  finishJournal,
  MergeJournalError,
  readJournal,
  writeState,
} from '../apply/apply-merge-plan.ts';
import { diskOps, type FileOps } from '../apply/file-ops.ts';
import type { MergeJournal } from '../apply/merge-journal.ts';
import { compileSchema } from '../check/schema/compile-schema.ts';
import { type Diagnostic, sortDiagnostics } from '../core/diagnostic.ts';
import { sha256 } from '../core/sha256.ts';
import type { MergePlan } from '../plan/merge/merge-plan.ts';
import { planMerge } from '../plan/merge/plan-merge.ts';
import { readContributionSchema } from '../read/read-contribution-schema.ts';
import { type LibraryListing, listLibrary, readCapped, type SourceFile } from '../read/read-library.ts';
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
  let files = readMergeInputs(root, await listLibrary(root));
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

/**
 * The library's files as the merge reads them. Contributions are read up front (they are few and small, and
 * decide which personas matter); personas are read one at a time as the planner reaches them, so the bytes
 * of the many personas no contribution names are dropped as soon as they are checked.
 */
interface MergeInputs {
  personaFiles: Iterable<SourceFile>;
  contributionFiles: SourceFile[];
  diagnostics: Diagnostic[];
}

function readMergeInputs(root: string, listing: LibraryListing): MergeInputs {
  const read = (file: string): SourceFile => ({ file, bytes: readCapped(path.join(root, file)) });
  return {
    personaFiles: {
      *[Symbol.iterator]() {
        for (const file of listing.personaFiles) yield read(file);
      },
    },
    contributionFiles: listing.contributionFiles.map(read),
    diagnostics: listing.diagnostics,
  };
}

/** The library as it will be once the journaled merge is finished, in memory only. */
async function asIfFinished(files: MergeInputs, journal: MergeJournal, ops: FileOps): Promise<MergeInputs> {
  const written = new Map(journal.writes.map((w) => [w.file, new TextEncoder().encode(w.text)]));
  const removed = new Map(journal.removals.map((r) => [r.file, r.sha256]));
  for (const write of journal.writes) {
    if ((await writeState(write, ops)) === 'other')
      throw new MergeJournalError(
        `${write.file} changed since the interrupted merge was recorded; see \`persona merge\`.`,
      );
  }
  const personaFiles = files.personaFiles;
  return {
    ...files,
    personaFiles: {
      *[Symbol.iterator]() {
        for (const f of personaFiles) yield { file: f.file, bytes: written.get(f.file) ?? f.bytes };
      },
    },
    contributionFiles: files.contributionFiles.filter((f) => removed.get(f.file) !== sha256(f.bytes)),
  };
}
