import { type Diagnostic, diagnostic } from '../../core/diagnostic.ts';
import { firstDifferentLine } from '../../core/first-different-line.ts';
import { type RuleMeta, withFix } from '../../core/fix.ts';
import { lineRunEdits } from '../../core/text-edits.ts';

/** Fixable: the fix is what `persona fmt` writes, as edits of the lines that differ. */
export const canonicalFormMeta: RuleMeta = { rule: 'format/not-canonical', fixable: true };

/**
 * `format/not-canonical`: the file differs from `canonical`, the text `persona fmt` would write, and the
 * diagnostic points at the first line that differs. `text` is the decoded file (without a BOM).
 *
 * Each problem is reported once. Line endings and a BOM have rules of their own, so the comparison reads CRLF
 * as LF. A first line that is not the modeline is `file/missing-modeline`'s to report, so the comparison then
 * leaves the canonical first line (always the modeline) out: a file whose only fault is a missing modeline
 * gets that one warning, and any other difference is still found, at its line in the file as it is.
 */
export function canonicalForm(file: string, text: string, canonical: string, modeline: string): Diagnostic[] {
  const lf = text.replaceAll('\r\n', '\n');
  if (lf === canonical) return [];
  const expected = firstLineOf(lf) === modeline ? canonical : canonical.slice(canonical.indexOf('\n') + 1);
  if (lf === expected) return [];
  return [
    withFix(canonicalFormMeta, notCanonicalDiagnostic(file, firstDifferentLine(lf, expected)), {
      description: 'Rewrite the file in canonical format, as `persona fmt` does.',
      // Compared as LF, like the rule: CRLF line endings are `format/line-endings`' to fix.
      edits: lineRunEdits(file, text, lf, expected),
    }),
  ];
}

export function notCanonicalDiagnostic(file: string, line: number): Diagnostic {
  return diagnostic(
    file,
    { line, column: 1, endLine: line, endColumn: 1 },
    'format/not-canonical',
    `The file is not in canonical format (first difference on line ${line}).`,
    'Run `npx persona fmt` to rewrite it: canonical key order, no line folding, two-space indents.',
    'warning',
  );
}

function firstLineOf(text: string): string {
  const end = text.indexOf('\n');
  return end === -1 ? text : text.slice(0, end);
}
