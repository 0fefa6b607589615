import type { Severity } from '../../core/diagnostic.ts';

/**
 * What GitHub shows of the annotations a job makes with workflow commands (`::error …`): per step, 10 of each
 * kind (error, warning, notice); per job, 50 in all (actions/toolkit, docs/problem-matchers.md). The rest
 * still print in the log, and nowhere else.
 */
export const GITHUB_ANNOTATION_LIMITS = { perStepPerKind: 10, perJob: 50 } as const;

export interface AnnotationCaps {
  /** At most this many of each severity. */
  perKind?: number;
  /** At most this many in all. */
  total?: number;
}

export interface AnnotationSelection<D> {
  /** Errors first, then warnings, each kind in the order given, within the caps. */
  shown: D[];
  /** How many the caps left out (for "N more are in the job summary"). */
  hidden: number;
}

/** Errors before warnings, each in the order given: the most severe first wherever a reader stops. */
export function errorsFirst<D extends { severity: Severity }>(diagnostics: readonly D[]): D[] {
  return [
    ...diagnostics.filter((d) => d.severity === 'error'),
    ...diagnostics.filter((d) => d.severity !== 'error'),
  ];
}

/**
 * Which diagnostics become annotations, and in what order: the one choice both writers make (the validate
 * action through the Actions toolkit, `persona validate --format github` as workflow commands); each formats its own.
 */
export function selectAnnotations<D extends { severity: Severity }>(
  diagnostics: readonly D[],
  caps: AnnotationCaps = {},
): AnnotationSelection<D> {
  const perKind = new Map<Severity, number>();
  const shown: D[] = [];
  for (const d of errorsFirst(diagnostics)) {
    if (caps.total !== undefined && shown.length >= caps.total) break;
    const kindCount = perKind.get(d.severity) ?? 0;
    if (caps.perKind !== undefined && kindCount >= caps.perKind) continue;
    perKind.set(d.severity, kindCount + 1);
    shown.push(d);
  }
  return { shown, hidden: diagnostics.length - shown.length };
}
