import * as core from '@actions/core';
import type { ReportDiagnostic } from '../core/report.ts';
import {
  type AnnotationCaps,
  GITHUB_ANNOTATION_LIMITS,
  selectAnnotations,
} from '../render/report/select-annotations.ts';

/**
 * The validate action's caps: the action annotates in one step, where GitHub shows 10 errors and 10 warnings
 * (see GITHUB_ANNOTATION_LIMITS); more would only be log noise, and 50 errors would have left every warning out.
 */
export const ACTION_ANNOTATION_CAPS: AnnotationCaps = {
  perKind: GITHUB_ANNOTATION_LIMITS.perStepPerKind,
  total: GITHUB_ANNOTATION_LIMITS.perJob,
};

/**
 * Annotations on the exact lines of the diff, most severe first (selectAnnotations); returns how many the caps
 * left out. @actions/core escapes the workflow command (`%`, CR, LF in the message; also `:` and `,` in
 * properties such as the file name).
 */
export function emitAnnotations(
  diagnostics: readonly ReportDiagnostic[],
  caps: AnnotationCaps = ACTION_ANNOTATION_CAPS,
): number {
  const { shown, hidden } = selectAnnotations(diagnostics, caps);
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
  return hidden;
}
