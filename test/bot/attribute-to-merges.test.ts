import { describe, expect, it } from 'vitest';
import { attributeToMerges } from '../../scripts/check/base/attribute-to-merges.ts';
import { type Diagnostic, diagnostic } from '../../scripts/core/diagnostic.ts';

const problem = (file: string, message = 'broken link'): Diagnostic =>
  diagnostic(
    file,
    { line: 3, column: 1, endLine: 3, endColumn: 9 },
    'link/unknown-persona',
    message,
    'Fix it.',
  );

const a = problem('personas/x/a.yaml');
const b = problem('personas/x/b.yaml');
const c = problem('personas/x/c.yaml');

describe('attributeToMerges (which merge the apply run tells about each problem)', () => {
  it.each<[string, Diagnostic[], Array<[string, Diagnostic[]]>, Record<string, Diagnostic[]>]>([
    ['one merge gets everything', [], [['m1', [a, b]]], { m1: [a, b] }],
    [
      'each problem goes to the merge that introduced it',
      [],
      [
        ['m1', [a]],
        ['m2', [a, b]],
        ['m3', [a, b, c]],
      ],
      { m1: [a], m2: [b], m3: [c] },
    ],
    [
      'a problem there before the first merge goes to the newest one',
      [a],
      [
        ['m1', [a]],
        ['m2', [a, b]],
      ],
      { m1: [], m2: [a, b] },
    ],
    [
      'moved lines are the same problem (file, rule and message)',
      [],
      [
        ['m1', [{ ...a, line: 40, endLine: 40 }]],
        ['m2', [a]],
      ],
      { m1: [a], m2: [] },
    ],
  ])('%s', (_name, before, after, expected) => {
    const problems = after.at(-1)?.[1] ?? [];
    const found = attributeToMerges(
      problems,
      before,
      after.map(([merge, diagnostics]) => ({ merge, diagnostics })),
    );
    expect(Object.fromEntries(found.map((f) => [f.merge, f.introduced]))).toEqual(expected);
  });
});
