import type { Root, RootContent, Table, TableCell, TableRow } from 'mdast';
import { remark } from 'remark';
import remarkGfm from 'remark-gfm';
import type { OutputSizes, RowRoot } from './scenarios.ts';
import type { ProfileSummary } from './summarize-profile.ts';
import type { TargetResult } from './targets.ts';

export interface ResultRow {
  scenario: string;
  label: string;
  size: number;
  status: 'ok' | 'skipped' | 'failed';
  /** Why a row was skipped or failed. */
  reason?: string;
  root: RowRoot;
  files: number;
  expectedExit: readonly number[];
  samples: Array<{ ms: number; rssMb: number | null; exitCode: number | null; signal: string | null }>;
  medianMs: number | null;
  filesPerSecond: number | null;
  peakRssMb: number | null;
  ratioToFloor: number | null;
  /** Over `peerBasis`: the sum of the two peers' medians for rows over personas and contributions. */
  ratioToPeer: number | null;
  /** What `ratioToPeer` divides by: `peer + peer-contributions`, `peer` (alone), or null when no peer ran. */
  peerBasis: 'peer + peer-contributions' | 'peer' | null;
  /** Over the `peer` row alone (persona files only), whatever `peerBasis` is: `ratioToPeer` before issue 19. */
  ratioToPersonaPeer: number | null;
  /** Over the median of the row `relativeTo` (validate-cold, or catalogue-cold), same size. */
  ratioToCold: number | null;
  relativeTo: string | null;
  /** `os.loadavg()` (1, 5, 15 minutes) before the row's first run and after its last. */
  load?: { before: number[]; after: number[] };
  /** Median at this size over the median at the smallest size, on the row of the largest size. */
  scaling: { from: number; to: number; ratio: number } | null;
  /** With `--profile`: one more run under `node --cpu-prof`, summarized per thread. */
  profile?: RowProfile;
  /** For a row that writes files: what its last timed run wrote. */
  output?: OutputSizes;
}

export interface RowProfile {
  /** Where the `.cpuprofile` files are (open them in Chrome DevTools, Performance panel). */
  dir: string;
  /** The profiled run's wall time, spawn to exit; profiling slows a run down, so it is not a sample. */
  ms: number;
  threads: ThreadProfile[];
  /** Profile files that could not be read or were not CPU profiles. */
  unreadable: string[];
}

export interface ThreadProfile extends ProfileSummary {
  file: string;
  /** `main` or `worker <thread id>`, prefixed by `process <n>` when the command started more than one. */
  thread: string;
}

export interface MachineInfo {
  cpus: number;
  cpuModel: string;
  memoryGb: number;
  platform: string;
  release: string;
  arch: string;
  node: string;
}

const processor = remark().use(remarkGfm).freeze();

/** The results as a GitHub Markdown table (built as mdast, serialized by remark). */
export function resultsTable(rows: readonly ResultRow[], sizes: readonly number[]): string {
  const smallest = Math.min(...sizes);
  const largest = Math.max(...sizes);
  const headers = [
    'command',
    'size',
    'files',
    'median ms',
    'files/s',
    'peak RSS MB',
    '× floor',
    '× peer',
    '× cold',
    largest === smallest ? 'scaling' : `${largest}/${smallest}`,
  ];
  const table: Table = {
    type: 'table',
    align: ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
    children: [
      row(headers),
      ...rows.map((r) =>
        r.status === 'ok'
          ? row([
              r.label,
              String(r.size),
              String(r.files),
              fixed(r.medianMs, 0),
              fixed(r.filesPerSecond, 0),
              fixed(r.peakRssMb, 0),
              fixed(r.ratioToFloor, 2),
              fixed(r.ratioToPeer, 2),
              fixed(r.ratioToCold, 2),
              r.scaling ? fixed(r.scaling.ratio, 2) : '–',
            ])
          : row([r.label, String(r.size), String(r.files), shortStatus(r), '', '', '', '', '', '']),
      ),
    ],
  };
  const tree: Root = { type: 'root', children: [table] };
  return processor.stringify(tree);
}

/** What the ratio columns divide by, in this run (a line per basis that was used). */
export function ratioNotes(rows: readonly ResultRow[]): string {
  const notes: string[] = [];
  const bases = new Set(
    rows
      .filter((r) => r.ratioToPeer !== null && r.scenario !== 'floor' && r.scenario !== 'peer')
      .map((r) => r.peerBasis),
  );
  if (bases.has('peer + peer-contributions'))
    notes.push(
      '× peer: over the sum of the peer and peer-contributions medians at the same size (floor and peer: over peer alone).',
    );
  if (bases.has('peer'))
    notes.push('× peer: over peer alone, as peer-contributions did not run at that size.');
  const relative = [
    ...new Set(rows.filter((r) => r.ratioToCold !== null).map((r) => `${r.scenario} over ${r.relativeTo}`)),
  ];
  if (relative.length > 0) notes.push(`× cold: ${relative.join(', ')}, at the same size.`);
  return notes.map((n) => `${n}\n`).join('');
}

/** The targets judged from this run, as a table: each one's limit, what was measured, and whether it is met. */
export function targetsTable(targets: readonly TargetResult[]): string {
  const limit = (t: TargetResult) =>
    t.unit === '×' ? `${Number.isInteger(t.limit) ? t.limit.toFixed(1) : t.limit} ×` : `${t.limit} ${t.unit}`;
  const table: Table = {
    type: 'table',
    align: ['left', 'right', 'right', 'left', 'left'],
    children: [
      row(['target', 'size', 'limit', 'measured', 'met']),
      ...targets.map((t) =>
        row([
          t.target,
          t.size === null ? '–' : String(t.size),
          limit(t),
          t.measured,
          t.met === null ? 'not measured' : t.met ? 'yes' : 'no',
        ]),
      ),
    ],
  };
  return processor.stringify({ type: 'root', children: [table] });
}

/** `os.loadavg()` before and after the run, for the line under the table. */
export function loadLine(load: { start: number[]; end: number[] }): string {
  const three = (values: number[]) => values.map((v) => v.toFixed(2)).join(' ');
  return `Load average (1, 5, 15 min): ${three(load.start)} at the start, ${three(load.end)} at the end`;
}

/** The files each row that writes some wrote (the catalogue rows), as a table; empty when no row did. */
export function outputTable(rows: readonly ResultRow[]): string {
  const written = rows.filter((r) => r.status === 'ok' && r.output);
  if (written.length === 0) return '';
  const kb = (bytes: number | null) => (bytes === null ? '–' : (bytes / 1024).toFixed(1));
  const table: Table = {
    type: 'table',
    align: ['left', 'right', 'right', 'right', 'right', 'right', 'left'],
    children: [
      row(['command', 'size', 'files', 'total MB', 'persona page median KB', 'max KB', 'largest file']),
      ...written.map((r) => {
        const o = r.output as OutputSizes;
        return row([
          r.label,
          String(r.size),
          String(o.files),
          (o.bytes / 1024 / 1024).toFixed(1),
          kb(o.personaPageMedianBytes),
          kb(o.personaPageMaxBytes),
          o.largest ? `${o.largest.file} (${kb(o.largest.bytes)} KB)` : '–',
        ]);
      }),
    ],
  };
  return processor.stringify({ type: 'root', children: [table] });
}

/**
 * Per profiled row and thread: where the time went and the functions with the most self time (mdast). Each
 * row's profile folder is named by `folderName`, such as its path relative to the summary's folder.
 */
export function profileReport(
  rows: readonly ResultRow[],
  machine: MachineInfo,
  folderName: (dir: string) => string = (dir) => dir,
): string {
  const children: RootContent[] = [
    heading(1, 'Profiles'),
    paragraph(
      `One run of each row under node --cpu-prof, after its timed runs. Machine: ${machineLine(machine)}. Self time is the time a function was on top of the stack; shares are of the thread's busy (not idle) time.`,
    ),
  ];
  for (const r of rows) {
    if (!r.profile) continue;
    children.push(
      heading(2, `${r.label}, ${r.size} personas`),
      paragraph(`Profiled run: ${r.profile.ms.toFixed(0)} ms. Profiles: ${folderName(r.profile.dir)}`),
    );
    if (r.profile.unreadable.length > 0)
      children.push(paragraph(`Unreadable profile files: ${r.profile.unreadable.join(', ')}`));
    for (const t of r.profile.threads) {
      children.push(
        heading(3, t.thread),
        paragraph(
          `wall ${t.wallMs.toFixed(0)} ms · busy ${t.busyMs.toFixed(0)} ms · garbage collection ${t.gcMs.toFixed(0)} ms · idle ${t.idleMs.toFixed(0)} ms`,
        ),
        {
          type: 'table',
          align: ['left', 'left', 'right', 'right'],
          children: [
            row(['function', 'location', 'self ms', 'share']),
            ...t.top.map((e) =>
              row([
                shortName(e.function),
                e.location,
                e.selfMs.toFixed(0),
                t.busyMs > 0 ? `${((e.selfMs / t.busyMs) * 100).toFixed(1)}%` : '–',
              ]),
            ),
          ],
        },
      );
    }
  }
  return processor.stringify({ type: 'root', children });
}

/** V8 names a regular expression's code by its source, which can be hundreds of characters. */
function shortName(name: string): string {
  return name.length <= 60 ? name : `${name.slice(0, 59)}…`;
}

function heading(depth: 1 | 2 | 3, value: string): RootContent {
  return { type: 'heading', depth, children: [{ type: 'text', value }] };
}

function paragraph(value: string): RootContent {
  return { type: 'paragraph', children: [{ type: 'text', value }] };
}

export function machineLine(machine: MachineInfo): string {
  return `${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGb} GB, ${machine.platform} ${machine.release} ${machine.arch}, Node ${machine.node}`;
}

/** Skips say why in a few words; a failure's full reason is listed under the table. */
function shortStatus(r: ResultRow): string {
  return r.status === 'skipped' ? `skipped (${r.reason ?? ''})` : 'failed (see problems below)';
}

function row(cells: readonly string[]): TableRow {
  return {
    type: 'tableRow',
    children: cells.map((value): TableCell => ({ type: 'tableCell', children: [{ type: 'text', value }] })),
  };
}

function fixed(value: number | null, digits: number): string {
  return value === null || !Number.isFinite(value) ? '–' : value.toFixed(digits);
}
