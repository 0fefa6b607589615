import { distance } from 'fastest-levenshtein';

/**
 * Candidates lower-cased once, for a list that many inputs are compared with (every slug of a large library,
 * for each broken link).
 */
export class Candidates {
  readonly texts: readonly string[];
  readonly lowerCase: readonly string[];
  constructor(texts: Iterable<string>) {
    this.texts = [...texts];
    this.lowerCase = this.texts.map((text) => text.toLowerCase());
  }
}

/**
 * The closest candidate to `input`, if it is close enough to be a plausible typo.
 * Ties break by code-point order so the suggestion never depends on input order.
 */
export function didYouMean(input: string, candidates: Iterable<string> | Candidates): string | undefined {
  const prepared = candidates instanceof Candidates ? candidates : new Candidates(candidates);
  const needle = input.toLowerCase();
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (let i = 0; i < prepared.texts.length; i++) {
    const candidate = prepared.texts[i] as string;
    // The edit distance is at least the difference in length; skip what cannot beat the best or pass the cap.
    const gap = Math.abs(candidate.length - needle.length);
    if (gap > bestDistance || gap > Math.max(2, Math.floor(Math.max(needle.length, candidate.length) / 3)))
      continue;
    const d = distance(needle, prepared.lowerCase[i] as string);
    if (d < bestDistance || (d === bestDistance && best !== undefined && candidate < best)) {
      best = candidate;
      bestDistance = d;
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
