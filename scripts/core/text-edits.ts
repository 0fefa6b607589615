import type { TextEdit } from './fix.ts';
import { changedLineRuns } from './unified-diff.ts';

/** Offsets of the start of each line (the first is 0), for turning 1-based positions into offsets. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
  return starts;
}

/**
 * The offset of a 1-based (line, column), or undefined when the text has no such position: a column past the
 * end of its line (the line break excluded), or a line the text does not have.
 */
export function offsetAt(
  text: string,
  starts: readonly number[],
  line: number,
  column: number,
): number | undefined {
  if (!Number.isInteger(line) || !Number.isInteger(column) || line < 1 || column < 1) return undefined;
  const start = starts[line - 1];
  if (start === undefined) return undefined;
  const next = starts[line];
  const lineEnd = next === undefined ? text.length : next - 1;
  const offset = start + column - 1;
  return offset <= lineEnd ? offset : undefined;
}

/** The inverse of `offsetAt`: the 1-based (line, column) of an offset. */
export function positionAt(starts: readonly number[], offset: number): { line: number; column: number } {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((starts[middle] as number) <= offset) low = middle;
    else high = middle - 1;
  }
  return { line: low + 1, column: offset - (starts[low] as number) + 1 };
}

export interface ResolvedEdit {
  start: number;
  end: number;
  text: string;
}

/** Edits as offsets, sorted; undefined when one has no place in `text`, ends before it starts, or two overlap. */
export function resolveEdits(text: string, edits: readonly TextEdit[]): ResolvedEdit[] | undefined {
  const starts = lineStarts(text);
  const resolved: ResolvedEdit[] = [];
  for (const edit of edits) {
    const start = offsetAt(text, starts, edit.line, edit.column);
    const end = offsetAt(text, starts, edit.endLine, edit.endColumn);
    if (start === undefined || end === undefined || end < start) return undefined;
    resolved.push({ start, end, text: edit.text });
  }
  resolved.sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 1; i < resolved.length; i++) if (overlap(resolved[i - 1], resolved[i])) return undefined;
  return resolved;
}

/**
 * Two edits overlap when they share a character, or when both insert at the same point (their order would be a
 * guess). Edits that only touch (one ends where the next starts) do not.
 */
export function overlap(a: ResolvedEdit | undefined, b: ResolvedEdit | undefined): boolean {
  if (!a || !b) return false;
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  return a.start < b.end && b.start < a.end;
}

/** The text with the edits applied, or undefined when they do not fit it (see `resolveEdits`). */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string | undefined {
  const resolved = resolveEdits(text, edits);
  return resolved ? applyResolvedEdits(text, resolved) : undefined;
}

/** The text with edits already resolved against it (and known not to overlap) applied. */
export function applyResolvedEdits(text: string, edits: readonly ResolvedEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let at = 0;
  for (const edit of sorted) {
    out += text.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return out + text.slice(at);
}

/**
 * Edits that turn `text` into `target`, one per run of changed lines, each replacing whole lines. Lines are
 * compared in `comparable` (the text with the differences that must not count taken out, such as the CR of
 * CRLF), which has the same lines as `text`; the edits are placed in `text`.
 */
export function lineRunEdits(file: string, text: string, comparable: string, target: string): TextEdit[] {
  const starts = lineStarts(text);
  return changedLineRuns(comparable, target).map((run) => {
    const from = positionAt(starts, starts[run.start] ?? text.length);
    const to = positionAt(starts, starts[run.start + run.count] ?? text.length);
    return {
      file,
      line: from.line,
      column: from.column,
      endLine: to.line,
      endColumn: to.column,
      text: run.text,
    };
  });
}
