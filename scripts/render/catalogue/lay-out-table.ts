import { markdownTable } from 'markdown-table';
import type { AlignType } from 'mdast';

/**
 * A table of already serialized `cells` (the first row is its header), exactly as `markdown-table` lays it out
 * with the catalogue's `TABLE_OPTIONS`: padded cells, pipes not aligned, short rows not filled up. That joins
 * each row and then the rows, copying a contribute table's ~50 KB twice; this joins every piece once.
 */
export function layOutTable(
  cells: readonly (readonly string[])[],
  align: readonly AlignType[] | null | undefined,
): string {
  const [head] = cells;
  if (head === undefined)
    return markdownTable([], { align: align ? [...align] : [], alignDelimiters: false, fillRows: false });
  let columns = 0;
  for (const row of cells) columns = Math.max(columns, row.length);
  const delimiters = Array.from({ length: columns }, (_, column) => delimiterCell(align?.[column]));
  const pieces: string[] = [];
  // Like `markdown-table`, the delimiter row is as wide as the header, any other row as itself (at least one).
  const addRow = (row: readonly string[], width: number) => {
    if (pieces.length > 0) pieces.push('\n');
    pieces.push('|');
    for (let column = 0; column < Math.max(1, width); column++) {
      const cell = row[column] ?? '';
      // An empty cell is one space wide, not two.
      if (cell === '') pieces.push(' |');
      else pieces.push(' ', cell, ' |');
    }
  };
  addRow(head, head.length);
  addRow(delimiters, head.length);
  for (const row of cells.slice(1)) addRow(row, row.length);
  return pieces.join('');
}

/** `-`, with a colon on the side(s) the column is aligned to. */
function delimiterCell(align: AlignType | undefined): string {
  if (align === 'center') return ':-:';
  if (align === 'left') return ':-';
  if (align === 'right') return '-:';
  return '-';
}
