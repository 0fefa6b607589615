import { sha256 } from '../core/sha256.ts';
import type { MergePlan } from '../plan/merge/merge-plan.ts';
import type { FileOps } from './file-ops.ts';
import { journalFor, MERGE_JOURNAL, type MergeJournal, parseJournal } from './merge-journal.ts';

/** A journal that cannot be rolled forward safely: a file it would overwrite has changed since. */
export class MergeJournalError extends Error {}

/**
 * Writes a merge plan: first the journal (the whole outcome, atomically), then each persona (atomically),
 * then the removal of the applied contributions, then the journal goes. Every step is repeatable, so
 * `finishJournal` after a crash anywhere completes the same merge.
 */
export async function applyMergePlan(plan: MergePlan, ops: FileOps): Promise<void> {
  if (plan.personas.length === 0 && plan.removals.length === 0) return;
  await sweepTemporaryFiles([MERGE_JOURNAL], ops);
  const journal = journalFor(plan);
  // The plan was made from files read a moment ago; if one changed since, stop before anything is written.
  for (const write of journal.writes) {
    if ((await writeState(write, ops)) !== 'before')
      throw new MergeJournalError(
        `${write.file} changed while the merge was being planned; run the merge again.`,
      );
  }
  for (const removal of journal.removals) {
    const bytes = await ops.read(removal.file);
    if (bytes === null || sha256(bytes) !== removal.sha256)
      throw new MergeJournalError(
        `${removal.file} changed while the merge was being planned; run the merge again.`,
      );
  }
  await ops.write(MERGE_JOURNAL, `${JSON.stringify(journal, null, 2)}\n`);
  await finishJournal(journal, ops);
}

/** Reads the journal of an interrupted merge: null when there is none. */
export async function readJournal(ops: FileOps): Promise<MergeJournal | null> {
  const bytes = await ops.read(MERGE_JOURNAL);
  if (bytes === null) return null;
  const journal = parseJournal(new TextDecoder().decode(bytes));
  if (!journal) {
    throw new MergeJournalError(
      `${MERGE_JOURNAL} is left from an interrupted merge but cannot be read. Check \`git status\`, restore the personas and contributions it concerns, then delete it.`,
    );
  }
  return journal;
}

/** Rolls a journaled merge forward to its end. Safe to repeat, and safe to interrupt again. */
export async function finishJournal(journal: MergeJournal, ops: FileOps): Promise<void> {
  const pending: MergeJournal['writes'] = [];
  for (const write of journal.writes) {
    const state = await writeState(write, ops);
    if (state === 'other') {
      throw new MergeJournalError(
        `${write.file} changed since the interrupted merge recorded in ${MERGE_JOURNAL}, so it is not overwritten. Check \`git diff\`; once the personas are as they should be, delete the journal and run the merge again.`,
      );
    }
    if (state === 'before') pending.push(write);
  }
  for (const write of pending) await ops.write(write.file, write.text);
  await sweepTemporaryFiles(
    journal.writes.map((w) => w.file),
    ops,
  );
  for (const removal of journal.removals) {
    const bytes = await ops.read(removal.file);
    // A file under the same name with other content is a new contribution, not the applied one.
    if (bytes !== null && sha256(bytes) === removal.sha256) await ops.remove(removal.file);
  }
  const dirs = [...new Set(journal.removals.map((r) => r.file.slice(0, r.file.lastIndexOf('/'))))];
  for (const dir of dirs) if (dir !== 'contributions') await ops.removeEmptyDir(dir);
  await ops.remove(MERGE_JOURNAL);
  await sweepTemporaryFiles([MERGE_JOURNAL], ops);
}

/** Whether a journaled persona still has its old text, already has the new one, or has neither. */
export async function writeState(
  write: MergeJournal['writes'][number],
  ops: FileOps,
): Promise<'before' | 'after' | 'other'> {
  const bytes = await ops.read(write.file);
  const hash = bytes === null ? null : sha256(bytes);
  return hash === write.after ? 'after' : hash === write.before ? 'before' : 'other';
}

/**
 * write-file-atomic writes `<file>.<number>` next to the target and renames it; a process killed in between
 * leaves that temporary file behind. Only exact `<name>.<digits>` siblings of files this merge writes go.
 */
async function sweepTemporaryFiles(files: readonly string[], ops: FileOps): Promise<void> {
  for (const file of files) {
    const slash = file.lastIndexOf('/');
    const dir = file.slice(0, slash);
    const name = file.slice(slash + 1);
    for (const entry of await ops.list(dir)) {
      if (entry.startsWith(`${name}.`) && /^\d+$/.test(entry.slice(name.length + 1)))
        await ops.remove(`${dir}/${entry}`);
    }
  }
}
