import { markdownTable } from 'markdown-table';
import type { AlignType } from 'mdast';
import { describe, expect, it } from 'vitest';
import { layOutTable } from '../../scripts/render/catalogue/lay-out-table.ts';

/** What the table extension would lay out, with the catalogue's options (see `TABLE_OPTIONS`). */
function reference(cells: string[][], align: AlignType[] | null): string {
  return markdownTable(cells, { align, alignDelimiters: false, fillRows: false, padding: true });
}

describe('layOutTable', () => {
  it('lays out tables as markdown-table does, ragged rows, empty cells and alignments included', () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed % n;
    };
    const values = ['', 'a', 'two words', '[link](https://x.test/a\\&b)', '`code`', 'é · 🙂'];
    const aligns: AlignType[] = [null, 'left', 'right', 'center'];
    for (let round = 0; round < 500; round++) {
      const cells = Array.from({ length: 1 + random(4) }, () =>
        Array.from({ length: random(5) }, () => values[random(values.length)] as string),
      );
      const align =
        random(3) === 0 ? null : Array.from({ length: random(6) }, () => aligns[random(4)] ?? null);
      expect(layOutTable(cells, align)).toBe(reference(cells, align));
    }
  });

  it('lays out a table without rows as markdown-table does', () => {
    expect(layOutTable([], null)).toBe(reference([], null));
  });
});
