/** One line of a text, with whether it ends in a newline (the last line of a file may not). */
interface Line {
  text: string;
  eol: boolean;
}

type Op = { kind: ' ' | '-' | '+'; line: Line };

/** Above this many cells the line-by-line table is not built; the changed middle is shown as replaced. */
const MAX_TABLE_CELLS = 4_000_000;

/**
 * A unified diff (`diff -u` format, paths as `a/<file>` and `b/<file>`) between two texts, or '' when they
 * are equal. The lines common to both ends are trimmed first, so a local edit in a long file costs little;
 * the rest is a longest-common-subsequence table, with ties broken the same way every time.
 */
export function unifiedDiff(file: string, before: string, after: string, context = 3): string {
  if (before === after) return '';
  const ops = diffLines(splitLines(before), splitLines(after));
  const hunks = groupHunks(ops, context);
  const out = [`--- a/${file}`, `+++ b/${file}`];
  for (const hunk of hunks) {
    out.push(`@@ -${range(hunk.aStart, hunk.aCount)} +${range(hunk.bStart, hunk.bCount)} @@`);
    for (const op of hunk.ops) {
      out.push(`${op.kind}${op.line.text}`);
      if (!op.line.eol) out.push('\\ No newline at end of file');
    }
  }
  return `${out.join('\n')}\n`;
}

function splitLines(text: string): Line[] {
  if (text === '') return [];
  const parts = text.split('\n');
  const last = parts.pop() as string;
  const lines = parts.map((part) => ({ text: part, eol: true }));
  if (last !== '') lines.push({ text: last, eol: false });
  return lines;
}

const same = (a: Line, b: Line) => a.text === b.text && a.eol === b.eol;

function diffLines(a: Line[], b: Line[]): Op[] {
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && same(a[prefix] as Line, b[prefix] as Line)) prefix++;
  let suffix = 0;
  while (
    suffix < a.length - prefix &&
    suffix < b.length - prefix &&
    same(a[a.length - 1 - suffix] as Line, b[b.length - 1 - suffix] as Line)
  )
    suffix++;
  const midA = a.slice(prefix, a.length - suffix);
  const midB = b.slice(prefix, b.length - suffix);
  const ops: Op[] = a.slice(0, prefix).map((line) => ({ kind: ' ', line }));
  ops.push(...middleOps(midA, midB));
  ops.push(...a.slice(a.length - suffix).map((line) => ({ kind: ' ' as const, line })));
  return ops;
}

function middleOps(a: Line[], b: Line[]): Op[] {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0 || (n + 1) * (m + 1) > MAX_TABLE_CELLS) {
    return [
      ...a.map((line) => ({ kind: '-' as const, line })),
      ...b.map((line) => ({ kind: '+' as const, line })),
    ];
  }
  // lcs[i][j]: length of the longest common subsequence of a[i..] and b[j..].
  const width = m + 1;
  const lcs = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * width + j] = same(a[i] as Line, b[j] as Line)
        ? (lcs[(i + 1) * width + j + 1] as number) + 1
        : Math.max(lcs[(i + 1) * width + j] as number, lcs[i * width + j + 1] as number);
    }
  }
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (same(a[i] as Line, b[j] as Line)) {
      ops.push({ kind: ' ', line: a[i++] as Line });
      j++;
    } else if ((lcs[(i + 1) * width + j] as number) >= (lcs[i * width + j + 1] as number)) {
      ops.push({ kind: '-', line: a[i++] as Line });
    } else {
      ops.push({ kind: '+', line: b[j++] as Line });
    }
  }
  while (i < n) ops.push({ kind: '-', line: a[i++] as Line });
  while (j < m) ops.push({ kind: '+', line: b[j++] as Line });
  return ops;
}

interface Hunk {
  aStart: number;
  aCount: number;
  bStart: number;
  bCount: number;
  ops: Op[];
}

function groupHunks(ops: Op[], context: number): Hunk[] {
  const changed = ops.map((op, index) => (op.kind === ' ' ? -1 : index)).filter((index) => index !== -1);
  // Line numbers (1-based) in the old and new text at each op, so every hunk header is one lookup.
  const aLineAt = new Uint32Array(ops.length + 1);
  const bLineAt = new Uint32Array(ops.length + 1);
  aLineAt[0] = 1;
  bLineAt[0] = 1;
  ops.forEach((op, i) => {
    aLineAt[i + 1] = (aLineAt[i] as number) + (op.kind !== '+' ? 1 : 0);
    bLineAt[i + 1] = (bLineAt[i] as number) + (op.kind !== '-' ? 1 : 0);
  });
  const hunks: Hunk[] = [];
  let k = 0;
  while (k < changed.length) {
    const first = changed[k] as number;
    let last = first;
    while (k + 1 < changed.length && (changed[k + 1] as number) - last <= 2 * context + 1)
      last = changed[++k] as number;
    k++;
    const from = Math.max(0, first - context);
    const to = Math.min(ops.length, last + context + 1);
    const aLine = aLineAt[from] as number;
    const bLine = bLineAt[from] as number;
    const slice = ops.slice(from, to);
    const aCount = slice.filter((op) => op.kind !== '+').length;
    const bCount = slice.filter((op) => op.kind !== '-').length;
    hunks.push({
      aStart: aCount === 0 ? aLine - 1 : aLine,
      aCount,
      bStart: bCount === 0 ? bLine - 1 : bLine,
      bCount,
      ops: slice,
    });
  }
  return hunks;
}

/** `start,count`, with GNU diff's short forms: `start` alone for one line. */
function range(start: number, count: number): string {
  return count === 1 ? `${start}` : `${start},${count}`;
}

/**
 * The runs of lines that differ between two texts, each as: from 0-based line `start` of `before`, `count`
 * lines are replaced by `text` (lines of `after`, each with its line break, the last one maybe without).
 * The same line matching as `unifiedDiff`, without context.
 */
export function changedLineRuns(
  before: string,
  after: string,
): Array<{ start: number; count: number; text: string }> {
  if (before === after) return [];
  const ops = diffLines(splitLines(before), splitLines(after));
  const runs: Array<{ start: number; count: number; text: string }> = [];
  let line = 0;
  let run: { start: number; count: number; text: string } | null = null;
  for (const op of ops) {
    if (op.kind === ' ') {
      run = null;
      line++;
      continue;
    }
    if (!run) {
      run = { start: line, count: 0, text: '' };
      runs.push(run);
    }
    if (op.kind === '-') {
      run.count++;
      line++;
    } else run.text += `${op.line.text}${op.line.eol ? '\n' : ''}`;
  }
  return runs;
}
