import { type Diagnostic, diagnostic, sortDiagnostics } from '../../core/diagnostic.ts';

export const MAX_DIAGNOSTICS_PER_FILE = 50;

/** A file with 40,000 bad keys should not bury every other file's report; keep the first ones and say so. */
export function capDiagnostics(
  file: string,
  diagnostics: Diagnostic[],
  max = MAX_DIAGNOSTICS_PER_FILE,
): Diagnostic[] {
  if (diagnostics.length <= max) return diagnostics;
  const kept = sortDiagnostics(diagnostics).slice(0, max);
  const last = kept.at(-1);
  kept.push(
    diagnostic(
      file,
      last
        ? { line: last.line, column: last.column, endLine: last.endLine, endColumn: last.endColumn }
        : { line: 1, column: 1, endLine: 1, endColumn: 1 },
      'file/too-many-problems',
      `This file has ${diagnostics.length.toLocaleString('en-US')} problems; only the first ${max} are listed.`,
      'Fix these first (often one mistake, such as wrong indentation, causes many), then validate again.',
    ),
  );
  return kept;
}
