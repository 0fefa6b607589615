import { describe, expect, it } from 'vitest';
import type { Severity } from '../../scripts/core/diagnostic.ts';
import {
  type AnnotationCaps,
  GITHUB_ANNOTATION_LIMITS,
  selectAnnotations,
} from '../../scripts/render/report/select-annotations.ts';

/** `e3` is the third error given, `w1` the first warning: the order given within each kind must survive. */
function given(spec: string): Array<{ id: string; severity: Severity }> {
  let errors = 0;
  let warnings = 0;
  return [...spec].map((c) =>
    c === 'e' ? { id: `e${++errors}`, severity: 'error' } : { id: `w${++warnings}`, severity: 'warning' },
  );
}

const many = (kind: 'e' | 'w', n: number) => kind.repeat(n);

describe('selectAnnotations (the one choice of both annotation writers)', () => {
  it.each<[string, string, AnnotationCaps, string[], number]>([
    ['no caps: all, errors first', 'wewe', {}, ['e1', 'e2', 'w1', 'w2'], 0],
    ['nothing to show', '', { total: 50 }, [], 0],
    ['a total cap takes errors before any warning', 'wwee', { total: 3 }, ['e1', 'e2', 'w1'], 1],
    [
      'a per-kind cap keeps room for warnings',
      `${many('e', 12)}ww`,
      { perKind: 10 },
      [...Array.from({ length: 10 }, (_, i) => `e${i + 1}`), 'w1', 'w2'],
      2,
    ],
    [
      'both caps: per kind, then in all',
      `${many('e', 12)}${many('w', 12)}`,
      { perKind: 10, total: 15 },
      [
        ...Array.from({ length: 10 }, (_, i) => `e${i + 1}`),
        ...Array.from({ length: 5 }, (_, i) => `w${i + 1}`),
      ],
      9,
    ],
  ])('%s', (_name, spec, caps, shown, hidden) => {
    const selection = selectAnnotations(given(spec), caps);
    expect(selection.shown.map((d) => d.id)).toEqual(shown);
    expect(selection.hidden).toBe(hidden);
  });

  it('states GitHub’s limits: 10 of each kind per step, 50 per job', () => {
    expect(GITHUB_ANNOTATION_LIMITS).toEqual({ perStepPerKind: 10, perJob: 50 });
  });
});
