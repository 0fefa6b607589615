import { distance } from 'fastest-levenshtein';

/**
 * Candidates lower-cased once, for a list that many inputs are compared with (every slug of a large library,
 * for each broken link).
 */
export class Candidates {
  readonly texts: readonly string[];
  readonly lowerCase: readonly string[];
  /** Indices of the candidates by the length of their lower-case form. */
  readonly byLength = new Map<number, number[]>();
  constructor(texts: Iterable<string>) {
    this.texts = [...texts];
    this.lowerCase = this.texts.map((text) => text.toLowerCase());
    this.lowerCase.forEach((text, i) => {
      const group = this.byLength.get(text.length);
      if (group) group.push(i);
      else this.byLength.set(text.length, [i]);
    });
  }
}

/**
 * The closest candidate to `input`, if it is close enough to be a plausible typo.
 * Ties break by code-point order so the suggestion never depends on input order.
 */
export function didYouMean(input: string, candidates: Iterable<string> | Candidates): string | undefined {
  const needle = input.toLowerCase();
  const { distance: best, matches } = nearest(needle, candidates);
  // Of equally close candidates, the first in code-point order.
  const first = matches.reduce<string | undefined>((a, b) => (a === undefined || b < a ? b : a), undefined);
  if (first === undefined) return undefined;
  return best > 0 && best <= typoCap(needle.length, first.length) ? first : undefined;
}

/** " Did you mean `x`?" or an empty string, ready to append to a hint. */
export function didYouMeanSuffix(input: string, candidates: Iterable<string>): string {
  const match = didYouMean(input, candidates);
  return match === undefined ? '' : ` Did you mean \`${match}\`?`;
}

/**
 * The one candidate a fix may put in place of `input`: the closest, when no other candidate is as close and it
 * is close enough to be a typo (as for `didYouMean`), or when it differs from `input` only in case. Undefined
 * when `input` is itself a candidate, when nothing is close, or when two candidates tie: a guess is not a fix.
 */
export function uniqueMatch(input: string, candidates: Iterable<string> | Candidates): string | undefined {
  const prepared = candidates instanceof Candidates ? candidates : new Candidates(candidates);
  if (prepared.texts.includes(input)) return undefined;
  const needle = input.toLowerCase();
  const { distance: best, matches } = nearest(needle, prepared);
  const [only, other] = matches;
  if (only === undefined || other !== undefined) return undefined;
  return best <= typoCap(needle.length, only.length) ? only : undefined;
}

/** How many edits still read as a typo between texts of these lengths: a third of the longer, at least 2. */
function typoCap(a: number, b: number): number {
  return Math.max(2, Math.floor(Math.max(a, b) / 3));
}

/**
 * Every candidate at the smallest edit distance from `needle` (lower case), within the typo cap. Candidates are
 * visited by length difference, smallest first: the distance is at least that difference, so once it exceeds
 * the best distance found (or the cap) nothing further can be as close. Exact, and with a near match found early
 * most of a large list is never compared.
 */
function nearest(
  needle: string,
  candidates: Iterable<string> | Candidates,
): { distance: number; matches: string[] } {
  const prepared = candidates instanceof Candidates ? candidates : new Candidates(candidates);
  const matches: string[] = [];
  let best = Number.POSITIVE_INFINITY;
  for (let gap = 0; gap <= best; gap++) {
    const lengths = gap === 0 ? [needle.length] : [needle.length - gap, needle.length + gap];
    const open = lengths.filter((length) => length >= 0 && gap <= typoCap(needle.length, length));
    if (open.length === 0) break;
    for (const length of open) {
      for (const i of prepared.byLength.get(length) ?? []) {
        const d = distance(needle, prepared.lowerCase[i] as string);
        if (d < best) {
          best = d;
          matches.length = 0;
        }
        if (d === best) matches.push(prepared.texts[i] as string);
      }
    }
  }
  return { distance: best, matches };
}
