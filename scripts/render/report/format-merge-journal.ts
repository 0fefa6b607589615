/** What the merge did with the journal it found (apply/apply-merge-plan.ts's outcome, and its folder). */
export interface JournalReport {
  folder: string;
  setAside: string | null;
  skipped: readonly string[];
  unreadable: boolean;
}

/**
 * What `persona merge` says on stderr about the journal of an interrupted merge it found: that it finished it
 * (or, in a preview, that it assumes it finished), that it could not read it, and which persona files had
 * changed since it was recorded. Empty when there was none.
 */
export function formatMergeJournal(journal: JournalReport | null, dryRun: boolean): string {
  if (!journal) return '';
  const lines: string[] = [];
  const where = `${journal.folder}/${journal.setAside ?? 'merge-journal.json'}`;
  if (journal.unreadable)
    lines.push(
      dryRun
        ? `persona merge: the journal of an interrupted merge (${where}) cannot be read; a real run sets it aside and merges the files as they are.`
        : `persona merge: the journal of an interrupted merge could not be read, so nothing of it was followed; it was set aside as ${where}. Contributions it had applied but not removed are checked again like any other (\`git status\` shows what changed).`,
    );
  else if (dryRun)
    lines.push('persona merge: an interrupted merge is pending; this preview assumes it is finished first.');
  else lines.push('persona merge: finished an interrupted merge first.');
  const { skipped } = journal;
  if (skipped.length > 0)
    lines.push(
      `persona merge: ${skipped.join(', ')} changed since the interrupted merge was recorded, so ${skipped.length === 1 ? 'it was' : 'they were'} not overwritten; ${dryRun ? 'a real run would set the journal aside' : `the journal was set aside as ${where}`} and their contributions are planned again below. To see what was edited: \`git diff -- ${skipped.join(' ')}\`.`,
    );
  return lines.map((line) => `${line}\n`).join('');
}
