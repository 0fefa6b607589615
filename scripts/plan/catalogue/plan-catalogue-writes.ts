import { compareCodePoints } from '../../core/diagnostic.ts';
import { GENERATED_BANNER, GENERATED_NOTE } from '../../render/catalogue/generated-banner.ts';
import { CSV_HEADER } from '../../render/catalogue/personas-csv.ts';

export interface PlannedWrite {
  path: string;
  text: string;
  /** 1-based first line that differs from the file on disk; 1 for a missing file. */
  firstDifferentLine: number;
  missing: boolean;
}

export interface CataloguePlan {
  write: PlannedWrite[];
  /** Files the catalogue generated earlier (they carry its banner) that the personas no longer produce. */
  remove: string[];
  unchanged: string[];
}

/**
 * What to change in the catalogue folder: pure, so `--check` and a real run agree by construction. A file whose
 * text is unchanged is left alone, so file times and git stay quiet. Only files the catalogue recognisably
 * generated are ever removed; anything hand-written in the folder stays.
 */
export function planCatalogueWrites(
  generated: ReadonlyMap<string, string>,
  existing: ReadonlyMap<string, string>,
): CataloguePlan {
  const plan: CataloguePlan = { write: [], remove: [], unchanged: [] };
  for (const [path, text] of generated) {
    const current = existing.get(path);
    if (current === text) plan.unchanged.push(path);
    else
      plan.write.push({
        path,
        text,
        missing: current === undefined,
        firstDifferentLine: current === undefined ? 1 : firstDifferentLine(current, text),
      });
  }
  for (const [path, text] of existing)
    if (!generated.has(path) && isGeneratedFile(path, text)) plan.remove.push(path);
  plan.remove.sort(compareCodePoints);
  return plan;
}

/** Whether a file in the catalogue folder was written by `persona catalogue` (its banner, note or CSV header). */
export function isGeneratedFile(path: string, text: string): boolean {
  if (path.endsWith('.md')) return text.startsWith(`${GENERATED_BANNER}\n`);
  if (path.endsWith('.json')) return text.startsWith(`{\n  "$comment": ${JSON.stringify(GENERATED_NOTE)},`);
  if (path.endsWith('.csv')) return text.startsWith(`${CSV_HEADER}\n`);
  return false;
}

function firstDifferentLine(a: string, b: string): number {
  const left = a.split('\n');
  const right = b.split('\n');
  let line = 0;
  while (line < left.length && line < right.length && left[line] === right[line]) line++;
  return line + 1;
}
