import * as core from '@actions/core';
import type { ReportDiagnostic } from '../core/report.ts';

/** GitHub shows 10 annotations of each kind per step and 50 per job; past that they are log noise. */
export const MAX_ANNOTATIONS = 50;

/**
 * Annotations on the exact lines of the diff, most severe first. @actions/core escapes the workflow
 * command (`%`, CR, LF in the message; also `:` and `,` in properties such as the file name).
 */
export function emitAnnotations(diagnostics: readonly ReportDiagnostic[], limit = MAX_ANNOTATIONS): number {
  const ordered = [
    ...diagnostics.filter((d) => d.severity === 'error'),
    ...diagnostics.filter((d) => d.severity !== 'error'),
  ];
  const shown = ordered.slice(0, limit);
  for (const d of shown) {
    const properties: core.AnnotationProperties = {
      title: d.rule,
      file: d.file,
      startLine: d.line,
      endLine: d.endLine,
      // GitHub accepts columns only for a single-line span.
      ...(d.line === d.endLine ? { startColumn: d.column, endColumn: d.endColumn } : {}),
    };
    const message = d.hint ? `${d.message}\n${d.hint}` : d.message;
    if (d.severity === 'error') core.error(message, properties);
    else core.warning(message, properties);
  }
  return ordered.length - shown.length;
}
