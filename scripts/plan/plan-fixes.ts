import type { Diagnostic } from '../core/diagnostic.ts';
import type { Fix } from '../core/fix.ts';
import { applyResolvedEdits, type ResolvedEdit, resolveEdits } from '../core/text-edits.ts';

export interface FixPass {
  /** The new text of every file a fix changed (a fix without edits, such as `format/bom`'s, changes its file too). */
  texts: Map<string, string>;
  /** The diagnostics whose fixes this pass applies, in file and position order. */
  applied: Array<Diagnostic & { fix: Fix }>;
}

/**
 * One round of fixing: the first fixable diagnostic in `scope` of each file (errors before warnings) is taken, whole or not at all, when
 * its edits fit the current text; the rest wait for the next round, after the files are checked again. One fix
 * per file per round, counting the file a diagnostic is in and every file its fix edits: two fixes that are each
 * right alone can contradict each other (pointing a link at a persona while the fix of another diagnostic adds
 * the same link back), and only checking again tells. Only files in `scope` are ever changed (undefined: every
 * file of `texts`). Pure: texts in, texts out.
 */
export function planFixPass(
  diagnostics: readonly Diagnostic[],
  texts: ReadonlyMap<string, string>,
  scope?: ReadonlySet<string>,
): FixPass {
  const inScope = (file: string) => texts.has(file) && (scope === undefined || scope.has(file));
  const taken = new Map<string, ResolvedEdit[]>();
  const claimed = new Set<string>();
  const applied: FixPass['applied'] = [];
  // Errors first: fixing one can make a warning's fix moot (a link pointed at its persona needs no link back).
  const ordered = [
    ...diagnostics.filter((d) => d.severity === 'error'),
    ...diagnostics.filter((d) => d.severity !== 'error'),
  ];
  for (const d of ordered) {
    const fix = d.fix;
    if (!fix || !inScope(d.file) || !fix.edits.every((e) => inScope(e.file))) continue;
    const files = new Set([d.file, ...fix.edits.map((e) => e.file)]);
    if ([...files].some((file) => claimed.has(file))) continue;
    const byFile = new Map<string, ResolvedEdit[]>();
    let fits = true;
    for (const file of files) {
      const resolved = resolveEdits(
        texts.get(file) as string,
        fix.edits.filter((e) => e.file === file),
      );
      if (!resolved) {
        fits = false;
        break;
      }
      byFile.set(file, resolved);
    }
    if (!fits) continue;
    for (const file of files) claimed.add(file);
    // A fix without edits (`format/bom`'s) still rewrites its file: without the byte order mark.
    for (const [file, edits] of byFile)
      if (edits.length > 0 || fix.edits.length === 0) taken.set(file, edits);
    applied.push({ ...d, fix });
  }
  const out = new Map<string, string>();
  for (const [file, edits] of taken) out.set(file, applyResolvedEdits(texts.get(file) as string, edits));
  return { texts: out, applied };
}
