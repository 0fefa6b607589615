import { distance } from 'fastest-levenshtein';
import { describe, expect, it } from 'vitest';
import { createRandom } from '../../bench/random.ts';
import { Candidates, didYouMean, uniqueMatch } from '../../scripts/core/did-you-mean.ts';

/** The definition: the nearest candidate (ties by code point), if within max(2, ⌊longer length / 3⌋). */
function reference(input: string, candidates: readonly string[]): string | undefined {
  const needle = input.toLowerCase();
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const d = distance(needle, candidate.toLowerCase());
    if (d < bestDistance || (d === bestDistance && best !== undefined && candidate < best)) {
      best = candidate;
      bestDistance = d;
    }
  }
  if (best === undefined) return undefined;
  const allowed = Math.max(2, Math.floor(Math.max(needle.length, best.length) / 3));
  return bestDistance > 0 && bestDistance <= allowed ? best : undefined;
}

/** The definition of a fix's match: the one nearest candidate (no tie), within the same cap; none for a candidate. */
function uniqueReference(input: string, candidates: readonly string[]): string | undefined {
  if (candidates.includes(input)) return undefined;
  const needle = input.toLowerCase();
  const distances = candidates.map((candidate) => distance(needle, candidate.toLowerCase()));
  const best = Math.min(...distances);
  const nearest = candidates.filter((_, i) => distances[i] === best);
  const [only] = nearest;
  if (only === undefined || nearest.length > 1) return undefined;
  return best <= Math.max(2, Math.floor(Math.max(needle.length, only.length) / 3)) ? only : undefined;
}

/** The bench's seeded PRNG (mulberry32), as a bare function. */
const random = (seed: number): (() => number) => createRandom(seed).next;

describe('didYouMean', () => {
  it.each([
    ['goal', ['goals', 'gaols', 'title'], 'goals'],
    ['acme-p99', ['acme-p9', 'acme-p19', 'acme-p29'], 'acme-p19'],
    ['Goals', ['goals'], undefined],
    ['zzzzzz', ['goals', 'title'], undefined],
    ['', ['a', 'bb'], 'a'],
    ['x', [], undefined],
  ])('%j among %j → %j', (input, candidates, expected) => {
    expect(didYouMean(input, candidates)).toBe(expected);
  });

  it('finds what comparing with every candidate finds, on random lists (uniqueMatch too)', () => {
    const next = random(7);
    const word = (length: number) =>
      Array.from({ length }, () => 'abcdeAB-'[Math.floor(next() * 8)] as string).join('');
    for (let round = 0; round < 300; round++) {
      const list = Array.from({ length: 1 + Math.floor(next() * 60) }, () =>
        word(1 + Math.floor(next() * 14)),
      );
      const prepared = new Candidates(list);
      for (let k = 0; k < 5; k++) {
        const input = next() < 0.5 ? word(1 + Math.floor(next() * 14)) : `${list[0]}x`;
        expect(didYouMean(input, prepared), `${input} in ${list.join(',')}`).toBe(reference(input, list));
        expect(uniqueMatch(input, prepared), `unique: ${input} in ${list.join(',')}`).toBe(
          uniqueReference(input, list),
        );
      }
    }
  });
});
