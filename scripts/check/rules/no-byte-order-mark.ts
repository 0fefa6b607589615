import { type Diagnostic, diagnostic } from '../../core/diagnostic.ts';
import { type RuleMeta, withFix } from '../../core/fix.ts';

/**
 * Fixable, by no text edit: positions count from after the BOM, and a fixed file is written without one
 * (`core/fix.ts`), which is the whole fix.
 */
export const noByteOrderMarkMeta: RuleMeta = { rule: 'format/bom', fixable: true };

/** How a reported formatting problem is fixed: by `persona fmt` for personas, by hand for anything else. */
export type FormatFixer = 'fmt' | 'editor';

/**
 * `format/bom`: the file starts with a UTF-8 byte order mark. It is read from the bytes, because decoding
 * drops it: YAML ignores it, so it only shows up as noise in diffs and in tools that compare bytes.
 */
export function noByteOrderMark(file: string, bytes: Uint8Array, fixer: FormatFixer): Diagnostic[] {
  if (!(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)) return [];
  return [
    withFix(
      noByteOrderMarkMeta,
      diagnostic(
        file,
        { line: 1, column: 1, endLine: 1, endColumn: 1 },
        'format/bom',
        'The file starts with a byte order mark (BOM); the library’s files are UTF-8 without one.',
        fixer === 'fmt'
          ? 'Run `npx persona fmt`, which removes it (or save the file as “UTF-8”, not “UTF-8 with BOM”).'
          : 'Save the file as “UTF-8”, not “UTF-8 with BOM” (in VS Code: click the encoding in the status bar, then “Save with Encoding”).',
        'warning',
      ),
      { description: 'Remove the byte order mark.', edits: [] },
    ),
  ];
}
