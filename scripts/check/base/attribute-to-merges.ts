import type { Diagnostic } from '../../core/diagnostic.ts';
import { compareWithBase } from './compare-with-base.ts';

/**
 * Which merge introduced each problem. `before` is the library's errors before the first merge; `after` its
 * errors after each merge, oldest first, the last being where `problems` were found. A problem is the first
 * merge's whose library has it anew (by file, rule and message, as compareWithBase counts them); what no
 * earlier merge introduced goes to the last one.
 */
export function attributeToMerges<M>(
  problems: readonly Diagnostic[],
  before: readonly Diagnostic[],
  after: ReadonlyArray<{ merge: M; diagnostics: readonly Diagnostic[] }>,
): Array<{ merge: M; introduced: Diagnostic[] }> {
  const out: Array<{ merge: M; introduced: Diagnostic[] }> = [];
  let earlier = before;
  let left = [...problems];
  for (const [index, { merge, diagnostics }] of after.entries()) {
    const last = index === after.length - 1;
    const { entries } = compareWithBase(diagnostics, earlier);
    const fresh = new Set(entries.filter((e) => e.introduced).map(problemKey));
    const introduced = left.filter((p) => last || fresh.has(problemKey(p)));
    left = left.filter((p) => !introduced.includes(p));
    out.push({ merge, introduced });
    earlier = diagnostics;
  }
  return out;
}

const problemKey = (d: Diagnostic) => `${d.file}\u0000${d.rule}\u0000${d.message}`;
