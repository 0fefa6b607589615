import { sha256 } from '../core/sha256.ts';
import type { MergePlan } from '../plan/merge/merge-plan.ts';
import type { FileOps } from './file-ops.ts';
import { journalFor, MERGE_JOURNAL, type MergeJournal, parseJournal } from './merge-journal.ts';

/**
 * A merge that must not go ahead: its state folder is unsafe, or a file changed while the merge was being
 * planned. Nothing has been written when it is thrown.
 */
export class MergeJournalError extends Error {}

/** Where the merge writes: the library's files, and the tools' own state folder for the journal. */
export interface MergeTargets {
  library: FileOps;
  state: FileOps;
}

/** What finishing an interrupted merge did. */
export interface JournalOutcome {
  /** Name (in the state folder) a journal that could not be finished in full was moved to, or null. */
  setAside: string | null;
  /** Persona files it left alone because they changed since it was recorded; their contributions stay pending. */
  skipped: string[];
  /** True when the journal could not even be read (its name is still `setAside`). */
  unreadable: boolean;
}

/**
 * Writes a merge plan: first the journal (the whole outcome, atomically), then each persona (atomically),
 * then the removal of the applied contributions, then the journal goes. Every step is repeatable, so
 * `finishJournal` after a crash anywhere completes the same merge.
 */
export async function applyMergePlan(plan: MergePlan, targets: MergeTargets): Promise<void> {
  if (plan.personas.length === 0 && plan.removals.length === 0 && plan.parked.length === 0) return;
  const { library, state } = targets;
  // Every target is checked before the first change, so a refused merge leaves everything as it was.
  library.checkWritable?.([
    ...plan.personas.map((p) => p.file),
    ...plan.removals.map((r) => r.file),
    ...plan.parked.flatMap((p) => [p.file, p.to]),
  ]);
  state.checkWritable?.([MERGE_JOURNAL]);
  await sweepTemporaryFiles([MERGE_JOURNAL], state);
  const journal = journalFor(plan);
  // The plan was made from files read a moment ago; if one changed since, stop before anything is written.
  for (const write of journal.writes) {
    if ((await writeState(write, library)) !== 'before')
      throw new MergeJournalError(
        `${write.file} changed while the merge was being planned; run the merge again.`,
      );
  }
  for (const removal of [...journal.removals, ...journal.moves]) {
    const bytes = await library.read(removal.file);
    if (bytes === null || sha256(bytes) !== removal.sha256)
      throw new MergeJournalError(
        `${removal.file} changed while the merge was being planned; run the merge again.`,
      );
  }
  await state.write(MERGE_JOURNAL, `${JSON.stringify(journal, null, 2)}\n`);
  await finishJournal(journal, targets);
}

/**
 * Reads the journal of an interrupted merge: null when there is none. One that cannot be read is set aside
 * (never followed, never blocking the merges after it), and reported through `setAside`.
 */
export async function readJournal(
  state: FileOps,
): Promise<{ journal: MergeJournal | null; setAside: string | null }> {
  const bytes = await state.read(MERGE_JOURNAL);
  if (bytes === null) return { journal: null, setAside: null };
  const journal = parseJournal(new TextDecoder().decode(bytes));
  if (journal) return { journal, setAside: null };
  return { journal: null, setAside: await setAside(bytes, state) };
}

/**
 * Rolls a journaled merge forward to its end. Safe to repeat, and safe to interrupt again. A persona edited
 * since the journal was written is left as it is, and so are the contributions that went into it (the merge
 * plans them again against the edited text); the journal is then set aside rather than deleted, so what it
 * would have written can still be looked at, and it never blocks a later merge.
 */
export async function finishJournal(journal: MergeJournal, targets: MergeTargets): Promise<JournalOutcome> {
  const { library, state } = targets;
  const pending: MergeJournal['writes'] = [];
  const skipped = new Set<string>();
  for (const write of journal.writes) {
    const current = await writeState(write, library);
    if (current === 'other') skipped.add(write.file);
    if (current === 'before') pending.push(write);
  }
  const removals = journal.removals.filter((r) => !skipped.has(r.persona));
  library.checkWritable?.([...pending.map((w) => w.file), ...removals.map((r) => r.file)]);
  for (const write of pending) await library.write(write.file, write.text);
  await sweepTemporaryFiles(
    journal.writes.map((w) => w.file),
    library,
  );
  for (const removal of removals) {
    const bytes = await library.read(removal.file);
    // A file under the same name with other content is a new contribution, not the applied one.
    if (bytes !== null && sha256(bytes) === removal.sha256) await library.remove(removal.file);
  }
  // A move writes its new place first and then removes the old one only if it is still the parked text,
  // so repeating it after a crash neither loses nor duplicates the correction.
  library.checkWritable?.(journal.moves.flatMap((m) => [m.file, m.to]));
  for (const move of journal.moves) {
    const old = await library.read(move.file);
    const placed = await library.read(move.to);
    if (old === null || sha256(old) !== move.sha256) continue;
    if (placed === null) await library.write(move.to, Buffer.from(move.bytes, 'base64'));
    else if (sha256(placed) !== move.sha256) continue; // someone else's file there: keep ours where it was
    await library.remove(move.file);
  }
  // Folders left empty go too, deepest first, up to (not including) contributions/ itself.
  const dirs = new Set<string>();
  for (const { file } of [...removals, ...journal.moves])
    for (
      let dir = file.slice(0, file.lastIndexOf('/'));
      dir.includes('/');
      dir = dir.slice(0, dir.lastIndexOf('/'))
    )
      dirs.add(dir);
  for (const dir of [...dirs].sort((a, b) => b.length - a.length)) await library.removeEmptyDir(dir);
  let setAsideName: string | null = null;
  if (skipped.size > 0) {
    const bytes = await state.read(MERGE_JOURNAL);
    if (bytes !== null) setAsideName = await setAside(bytes, state);
  } else {
    await state.remove(MERGE_JOURNAL);
  }
  await sweepTemporaryFiles([MERGE_JOURNAL], state);
  return { setAside: setAsideName, skipped: [...skipped], unreadable: false };
}

/** Moves the journal to a name of its own (from its content, so repeating this is harmless) and returns it. */
async function setAside(bytes: Uint8Array, state: FileOps): Promise<string> {
  const name = `merge-journal.${sha256(bytes).slice(0, 12)}.set-aside.json`;
  await state.write(name, new TextDecoder().decode(bytes));
  await state.remove(MERGE_JOURNAL);
  return name;
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
    const dir = slash === -1 ? '.' : file.slice(0, slash);
    const name = file.slice(slash + 1);
    for (const entry of await ops.list(dir)) {
      if (entry.startsWith(`${name}.`) && /^\d+$/.test(entry.slice(name.length + 1)))
        await ops.remove(dir === '.' ? entry : `${dir}/${entry}`);
    }
  }
}
