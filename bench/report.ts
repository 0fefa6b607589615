import type { Root, Table, TableCell, TableRow } from 'mdast';
import { remark } from 'remark';
import remarkGfm from 'remark-gfm';

export interface ResultRow {
  scenario: string;
  label: string;
  size: number;
  status: 'ok' | 'skipped' | 'failed';
  /** Why a row was skipped or failed. */
  reason?: string;
  root: 'library' | 'clean';
  files: number;
  expectedExit: readonly number[];
  samples: Array<{ ms: number; rssMb: number | null; exitCode: number | null; signal: string | null }>;
  medianMs: number | null;
  filesPerSecond: number | null;
  peakRssMb: number | null;
  ratioToFloor: number | null;
  ratioToPeer: number | null;
  /** Median at this size over the median at the smallest size, on the row of the largest size. */
  scaling: { from: number; to: number; ratio: number } | null;
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
    largest === smallest ? 'scaling' : `${largest}/${smallest}`,
  ];
  const table: Table = {
    type: 'table',
    align: ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
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
              r.scaling ? fixed(r.scaling.ratio, 2) : '–',
            ])
          : row([r.label, String(r.size), String(r.files), shortStatus(r), '', '', '', '', '']),
      ),
    ],
  };
  const tree: Root = { type: 'root', children: [table] };
  return processor.stringify(tree);
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
