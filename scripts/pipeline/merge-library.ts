import path from 'node:path';
import {
  applyMergePlan,
  finishJournal,
  type JournalOutcome,
  MergeJournalError,
  readJournal,
  writeState,
} from '../apply/apply-merge-plan.ts';
import { diskOps, type FileOps } from '../apply/file-ops.ts';
import { MERGE_JOURNAL, type MergeJournal, parseJournal } from '../apply/merge-journal.ts';
import type { FileChecks } from '../check/file-checks.ts';
import { type Diagnostic, sortDiagnostics } from '../core/diagnostic.ts';
import type { PersonaFacts } from '../core/facts.ts';
import { sha256 } from '../core/sha256.ts';
import type { MergePlan } from '../plan/merge/merge-plan.ts';
import { MergeInvariantError, planMerge } from '../plan/merge/plan-merge.ts';
import { readContributionSchema } from '../read/read-contribution-schema.ts';
import { type LibraryListing, listLibrary, readCapped, type SourceFile } from '../read/read-library.ts';
import { readPersonaSchema } from '../read/read-schemas.ts';
import { stateFileProblem, toolStateFor } from '../read/tool-state.ts';
import { libraryFileChecks } from './file-checks.ts';
import { type ValidationResult, validateLibrary } from './validate-library.ts';

export interface MergeOptions {
  dryRun: boolean;
  /** `--date`: the review date for every contribution, instead of their file-name dates. */
  date: string | null;
  /** Move stale corrections to `stale/` instead of leaving them as conflicts (`--park-stale`). */
  parkStale?: boolean;
  /** The file-system changes; tests inject failures here. */
  ops?: FileOps;
  /** The tools' state folder (the journal); tests inject failures here too. */
  stateOps?: FileOps;
  /** Where the state folder is looked up (`PERSONA_STATE_DIR`); the process environment by default. */
  env?: Record<string, string | undefined>;
}

export interface MergeOutcome {
  plan: MergePlan;
  /** True when an interrupted merge was found and finished (or, in a dry run, taken into account) first. */
  resumed: boolean;
  /** What became of that interrupted merge, when there was one (or one that could not be read). */
  journal: (JournalOutcome & { folder: string }) | null;
}

/**
 * read → (finish an interrupted merge) → plan in memory → apply. A dry run plans on the state the
 * interrupted merge would leave, without writing anything.
 */
export async function mergeLibrary(root: string, options: MergeOptions): Promise<MergeOutcome> {
  const ops = options.ops ?? diskOps(root);
  const toolState = toolStateFor(root, options.env);
  const problem = stateFileProblem(root, toolState, MERGE_JOURNAL);
  if (problem) throw new MergeJournalError(`cannot use the merge journal: ${problem}. Nothing was written.`);
  const stateOps = options.stateOps ?? diskOps(toolState.dir);
  const [personaSchema, contributionSchema] = await Promise.all([
    readPersonaSchema(root),
    readContributionSchema(root),
  ]);
  const found = options.dryRun ? await peekJournal(stateOps) : await readJournal(stateOps);
  const journal = found.journal;
  let outcome: JournalOutcome | null = found.setAside
    ? { setAside: found.setAside, skipped: [], unreadable: true }
    : null;
  if (journal && !options.dryRun) outcome = await finishJournal(journal, { library: ops, state: stateOps });
  // The personas as validation sees them (with the accelerator's store and workers); only the ones a
  // contribution merges into are read again, in full, when the planner reaches them.
  const checked = await validateLibrary(root, { contributions: false, personaData: false, env: options.env });
  const checks = libraryFileChecks(
    { persona: personaSchema, contribution: contributionSchema },
    options.env,
    checked.settings,
  );
  let files = readMergeInputs(root, await listLibrary(root), checked.personas);
  if (journal && options.dryRun) files = await asIfFinished(files, journal, ops, checks);
  const bytesOf = new Map(files.contributionFiles.map((f) => [f.file, f.bytes]));
  const plan = withUnreadContributions(
    planMerge({
      personas: files.personas,
      readPersona: files.readPersona,
      contributions: files.contributionFiles.map((f) => checks.contribution(f.file, f.bytes)),
      readContribution: (file) => {
        const bytes = bytesOf.get(file);
        if (!bytes) throw new MergeInvariantError(`${file} was planned but never read`);
        return bytes;
      },
      checks,
      date: options.date,
      parkStale: options.parkStale === true,
    }),
    files.diagnostics,
  );
  if (!options.dryRun) await applyMergePlan(plan, { library: ops, state: stateOps });
  return {
    plan,
    resumed: journal !== null,
    journal: outcome || journal ? { ...(outcome ?? NOTHING_SET_ASIDE), folder: toolState.dir } : null,
  };
}

/**
 * The merge dry run over a library validated with its contributions (the validate action's head): the planner
 * gets validation's personas and contribution facts, so nothing is listed, read or checked again but the
 * personas a contribution merges into (with `focus`, only those the focused contribution files merge into: a
 * pull request's preview plans its own personas, not the library's whole backlog). No journal is looked for: the
 * tools' state is never inside a checkout (tool-state.ts), so a pull request's files are all a preview has.
 */
export async function previewMerge(
  root: string,
  checked: ValidationResult,
  options: { focus?: ReadonlySet<string>; env?: Record<string, string | undefined> } = {},
): Promise<MergePlan> {
  const env = options.env ?? process.env;
  const read = (file: string) => readCapped(path.join(root, file));
  const [persona, contribution] = await Promise.all([readPersonaSchema(root), readContributionSchema(root)]);
  const plan = planMerge({
    personas: checked.personas,
    readPersona: read,
    contributions: checked.contributions,
    readContribution: read,
    checks: libraryFileChecks({ persona, contribution }, env, checked.settings),
    date: null,
    ...(options.focus ? { focus: options.focus } : {}),
  });
  return withUnreadContributions(plan, checked.listing.diagnostics);
}

/** Symbolic links and the like under contributions/ were never read, so they can only stay where they are. */
function withUnreadContributions(plan: MergePlan, listed: readonly Diagnostic[]): MergePlan {
  plan.conflicts = sortDiagnostics([
    ...plan.conflicts,
    ...listed.filter((d) => d.file.startsWith('contributions/')),
  ]);
  return plan;
}

const NOTHING_SET_ASIDE: JournalOutcome = { setAside: null, skipped: [], unreadable: false };

/** The journal as a dry run sees it: read only; one that cannot be read is reported, not moved. */
async function peekJournal(
  state: FileOps,
): Promise<{ journal: MergeJournal | null; setAside: string | null }> {
  const bytes = await state.read(MERGE_JOURNAL);
  if (bytes === null) return { journal: null, setAside: null };
  const journal = parseJournal(new TextDecoder().decode(bytes));
  return journal ? { journal, setAside: null } : { journal: null, setAside: MERGE_JOURNAL };
}

/** The library as the merge reads it: every persona's facts, and the bytes of one persona on demand. */
interface MergeInputs {
  personas: readonly PersonaFacts[];
  readPersona: (file: string) => Uint8Array;
  contributionFiles: SourceFile[];
  diagnostics: Diagnostic[];
}

function readMergeInputs(
  root: string,
  listing: LibraryListing,
  personas: readonly PersonaFacts[],
): MergeInputs {
  const read = (file: string): SourceFile => ({ file, bytes: readCapped(path.join(root, file)) });
  return {
    personas,
    readPersona: (file) => read(file).bytes,
    contributionFiles: listing.contributionFiles.map(read),
    diagnostics: listing.diagnostics,
  };
}

/**
 * The library as it will be once the journaled merge is finished, in memory only: personas edited since it
 * was recorded keep their text and their contributions, as `finishJournal` would leave them.
 */
async function asIfFinished(
  files: MergeInputs,
  journal: MergeJournal,
  ops: FileOps,
  checks: FileChecks,
): Promise<MergeInputs> {
  const skipped = new Set<string>();
  for (const write of journal.writes) if ((await writeState(write, ops)) === 'other') skipped.add(write.file);
  const written = new Map(
    journal.writes.filter((w) => !skipped.has(w.file)).map((w) => [w.file, new TextEncoder().encode(w.text)]),
  );
  const removed = new Map(
    journal.removals.filter((r) => !skipped.has(r.persona)).map((r) => [r.file, r.sha256]),
  );
  const moved = new Map(journal.moves.map((m) => [m.file, m]));
  return {
    ...files,
    // The personas the journal writes, as it writes them.
    personas: files.personas.map((facts) => {
      const bytes = written.get(facts.file);
      return bytes ? checks.persona(facts.file, bytes) : facts;
    }),
    readPersona: (file) => written.get(file) ?? files.readPersona(file),
    contributionFiles: files.contributionFiles.flatMap((f) => {
      if (removed.get(f.file) === sha256(f.bytes)) return [];
      const move = moved.get(f.file);
      return move && move.sha256 === sha256(f.bytes) ? [{ file: move.to, bytes: f.bytes }] : [f];
    }),
  };
}
