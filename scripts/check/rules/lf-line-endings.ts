import { type Diagnostic, diagnostic } from '../../core/diagnostic.ts';
import { type RuleMeta, type TextEdit, withFix } from '../../core/fix.ts';
import type { FormatFixer } from './no-byte-order-mark.ts';

/** Fixable: the CR before each line feed is removed, nothing else. */
export const lfLineEndingsMeta: RuleMeta = { rule: 'format/line-endings', fixable: true };

/**
 * `format/line-endings`: the file has CRLF line endings, reported once, at the first. YAML reads CRLF and LF
 * alike, so the data is not at stake; a file with both shows every CRLF line as changed in the next diff.
 * A lone CR is not a line break to YAML (it is text, or an error), so only CRLF counts here.
 */
export function lfLineEndings(file: string, text: string, fixer: FormatFixer): Diagnostic[] {
  const first = text.indexOf('\r\n');
  if (first === -1) return [];
  let line = 1;
  let lineStart = 0;
  let breaks = 0;
  let crlf = 0;
  const edits: TextEdit[] = [];
  let lineNumber = 1;
  let currentStart = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) {
    breaks++;
    if (text.charCodeAt(at - 1) === 0x0d) {
      crlf++;
      const column = at - currentStart;
      edits.push({ file, line: lineNumber, column, endLine: lineNumber, endColumn: column + 1, text: '' });
    }
    if (at < first) {
      line++;
      lineStart = at + 1;
    }
    lineNumber++;
    currentStart = at + 1;
  }
  const column = first - lineStart + 1;
  const howMany =
    crlf === breaks ? `all ${breaks} line breaks are` : `${crlf} of its ${breaks} line breaks are`;
  return [
    withFix(
      lfLineEndingsMeta,
      diagnostic(
        file,
        { line, column, endLine: line, endColumn: column + 1 },
        'format/line-endings',
        `This line ends with CRLF (Windows line endings): ${howMany} CRLF, where the library uses LF.`,
        fixer === 'fmt'
          ? 'Run `npx persona fmt`, which writes LF line endings (and set your editor to LF for `.yaml` files).'
          : 'Set your editor to LF line endings and save the file again (in VS Code: click “CRLF” in the status bar).',
        'warning',
      ),
      { description: 'Write LF line endings instead of CRLF.', edits },
    ),
  ];
}
