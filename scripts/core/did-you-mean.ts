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
  const prepared = candidates instanceof Candidates ? candidates : new Candidates(candidates);
  const needle = input.toLowerCase();
  const cap = (length: number) => Math.max(2, Math.floor(Math.max(needle.length, length) / 3));
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  // The edit distance is at least the difference in length, so candidates are visited by that difference,
  // smallest first: once it exceeds the best distance found (or the cap), nothing further can win. Exact,
  // and with a near match found early most of a large list is never compared.
  for (let gap = 0; gap <= bestDistance; gap++) {
    const lengths = gap === 0 ? [needle.length] : [needle.length - gap, needle.length + gap];
    const open = lengths.filter((length) => length >= 0 && gap <= cap(length));
    if (open.length === 0) break;
    for (const length of open) {
      for (const i of prepared.byLength.get(length) ?? []) {
        const candidate = prepared.texts[i] as string;
        const d = distance(needle, prepared.lowerCase[i] as string);
        if (d < bestDistance || (d === bestDistance && best !== undefined && candidate < best)) {
          best = candidate;
          bestDistance = d;
        }
      }
    }
  }
  if (best === undefined) return undefined;
  const allowed = Math.max(2, Math.floor(Math.max(needle.length, best.length) / 3));
  return bestDistance > 0 && bestDistance <= allowed ? best : undefined;
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
  const cap = (length: number) => Math.max(2, Math.floor(Math.max(needle.length, length) / 3));
  const best: string[] = [];
  let bestDistance = Number.POSITIVE_INFINITY;
  // By length difference, smallest first, as in `didYouMean`; ties are collected instead of broken.
  for (let gap = 0; gap <= bestDistance; gap++) {
    const lengths = gap === 0 ? [needle.length] : [needle.length - gap, needle.length + gap];
    const open = lengths.filter((length) => length >= 0 && gap <= cap(length));
    if (open.length === 0) break;
    for (const length of open) {
      for (const i of prepared.byLength.get(length) ?? []) {
        const d = distance(needle, prepared.lowerCase[i] as string);
        if (d < bestDistance) {
          bestDistance = d;
          best.length = 0;
        }
        if (d === bestDistance) best.push(prepared.texts[i] as string);
      }
    }
  }
  const [only, other] = best;
  if (only === undefined || other !== undefined) return undefined;
  return bestDistance <= cap(only.length) ? only : undefined;
}
