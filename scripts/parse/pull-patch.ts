/** A line of the new side of a pull request's diff: what a review comment may be placed on. */
export interface DiffLine {
  text: string;
  /** Added by the pull request (`+`), rather than shown around a change (context). */
  added: boolean;
  /** Which hunk of the file it is in: a comment spanning lines must stay inside one. */
  hunk: number;
}

const HUNK_HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

/**
 * The new-side lines of one file's `patch` as the pull request files API gives it (unified diff hunks, no
 * file header), by line number; undefined when the patch is not shaped as hunks (or runs past a hunk's
 * counts), since then no line can be trusted.
 */
export function newSideLines(patch: string): Map<number, DiffLine> | undefined {
  const out = new Map<number, DiffLine>();
  const rows = patch.split('\n');
  if (rows.at(-1) === '') rows.pop();
  let hunk = -1;
  let line = 0;
  let oldLeft = 0;
  let newLeft = 0;
  for (const row of rows) {
    const header = HUNK_HEADER.exec(row);
    if (header) {
      if (oldLeft !== 0 || newLeft !== 0) return undefined;
      hunk++;
      oldLeft = header[2] === undefined ? 1 : Number(header[2]);
      newLeft = header[4] === undefined ? 1 : Number(header[4]);
      line = Number(header[3]);
      continue;
    }
    if (hunk < 0) return undefined;
    const kind = row[0];
    const text = row.slice(1);
    if (kind === '\\') continue; // "\ No newline at end of file"
    if (kind === ' ' || kind === '+') {
      if (newLeft === 0 || (kind === ' ' && oldLeft === 0)) return undefined;
      out.set(line, { text, added: kind === '+', hunk });
      line++;
      newLeft--;
      if (kind === ' ') oldLeft--;
    } else if (kind === '-') {
      if (oldLeft === 0) return undefined;
      oldLeft--;
    } else return undefined;
  }
  return oldLeft === 0 && newLeft === 0 ? out : undefined;
}
