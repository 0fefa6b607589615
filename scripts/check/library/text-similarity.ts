/**
 * TF-IDF cosine similarity among a small corpus of short texts, with an exact candidate filter so that a
 * corpus of thousands is never compared pair by pair.
 */

/**
 * Words that say nothing about who a persona is: English function words, and the words of the job-story
 * template ("When …, I want …, so …") that every persona shares.
 */
const STOPWORDS = new Set(
  `a about above after again against all also am an and any are as at be because been before being below
  between both but by can could did do does doing down during each even every few for from further get gets
  had has have having he her here hers him his how i if in into is it its itself just least less let like
  made make makes many may me might more most much must my no nor not now of off on once one only or other
  our ours out over own per quite rather same she should so some such than that the their theirs them then
  there these they this those though through to too under until up upon us very via was we were what when
  where whether which while who whom whose why will with within without would yet you your want wants
  wanted i'm they're it's don't can't won't`
    .split(/\s+/)
    .filter((word) => word !== ''),
);

/** The terms of a text: lower-case words of two letters or more, stopwords out, a plural `s` dropped. */
export function termsOf(text: string): string[] {
  const out: string[] = [];
  // Split, not matched: a split makes no match objects, and every persona's texts pass here.
  for (const piece of text.toLowerCase().split(/[^\p{L}\p{N}'’]+/u)) {
    // An apostrophe inside a word stays ("don't"), at either end it goes; a possessive 's goes.
    let word =
      piece.includes("'") || piece.includes('’')
        ? piece
            .replace(/^['’]+|['’]+$/gu, '')
            .replace(/['’]s$/u, '')
            .replace('’', "'")
        : piece;
    if (word.length < 2 || STOPWORDS.has(word)) continue;
    // "deploys" and "deploy" are one term; "process", "status" and "analysis" keep their s.
    if (word.length > 3 && word.endsWith('s') && !/(?:ss|us|is)$/.test(word)) word = word.slice(0, -1);
    out.push(word);
  }
  return out;
}

/** Up to this many documents, every pair is compared: it costs less than building the candidate index. */
const ALL_PAIRS_UP_TO = 48;

/**
 * The pairs of documents (by index) whose TF-IDF cosine similarity is at least `threshold`, with it, among the
 * pairs `accept` lets through (when given; asked before the similarity is computed). IDF is the corpus's own,
 * smoothed (ln((1 + N) / (1 + df)) + 1, as scikit-learn's default), and TF is sublinear (1 + ln tf), so a word
 * repeated in one text does not outweigh the rest.
 *
 * Exact, without comparing every pair of a large corpus (prefix filtering, Bayardo et al., "Scaling up all pairs
 * similarity search", 2007): order each vector's terms rarest first; its prefix is its terms up to where the
 * rest has a norm below the threshold. Two unit vectors with cosine ≥ t share a term of the prefix of each:
 * otherwise the cosine is at most the rest's norm times 1, below t. So each document is compared only with
 * those that hold one of its rarest terms. Vectors are sorted arrays of term numbers, so a comparison is one
 * pass over the shorter.
 */
export function similarPairs(
  documents: ReadonlyArray<readonly string[]>,
  threshold: number,
  accept?: (a: number, b: number) => boolean,
): Array<{ a: number; b: number; similarity: number }> {
  const numbers = new TermNumbers();
  return similarNumberedPairs(
    documents.map((terms) => numbers.of(terms)),
    numbers.size,
    threshold,
    accept,
  );
}

/** Terms as numbers, the same number for the same term, counted from 0: for documents compared together. */
export class TermNumbers {
  private readonly numbers = new Map<string, number>();
  get size(): number {
    return this.numbers.size;
  }
  /** The numbers of `terms`, ascending (a term that repeats, repeated). */
  of(terms: readonly string[]): Int32Array {
    const ids = new Int32Array(terms.length);
    terms.forEach((term, i) => {
      let id = this.numbers.get(term);
      if (id === undefined) {
        id = this.numbers.size;
        this.numbers.set(term, id);
      }
      ids[i] = id;
    });
    return ids.sort();
  }
}

/** Two ascending lists of term numbers as one, ascending: the terms of two texts taken together. */
export function mergeNumbers(a: Int32Array, b: Int32Array): Int32Array {
  const out = new Int32Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out.sort();
}

/** `similarPairs` over documents already numbered (ascending term numbers below `vocabulary`). */
export function similarNumberedPairs(
  termsOfDocument: readonly Int32Array[],
  vocabulary: number,
  threshold: number,
  accept?: (a: number, b: number) => boolean,
): Array<{ a: number; b: number; similarity: number }> {
  const n = termsOfDocument.length;
  const df = new Int32Array(vocabulary);
  const vectors = termsOfDocument.map((ids) => {
    // Runs of equal numbers: each distinct term once, with its count.
    const unique: number[] = [];
    const counts: number[] = [];
    for (let i = 0; i < ids.length; i++) {
      if (i > 0 && ids[i] === ids[i - 1]) counts[counts.length - 1] = (counts.at(-1) as number) + 1;
      else {
        unique.push(ids[i] as number);
        counts.push(1);
        const id = ids[i] as number;
        df[id] = (df[id] as number) + 1;
      }
    }
    return { ids: Int32Array.from(unique), weights: Float64Array.from(counts) };
  });
  // Each term's IDF once, for every document.
  const idf = new Float64Array(vocabulary);
  for (let id = 0; id < vocabulary; id++) idf[id] = Math.log((1 + n) / (1 + (df[id] as number))) + 1;
  for (const vector of vectors) {
    let norm = 0;
    vector.ids.forEach((id, i) => {
      const count = vector.weights[i] as number;
      const weight = (count === 1 ? 1 : 1 + Math.log(count)) * (idf[id] as number);
      vector.weights[i] = weight;
      norm += weight * weight;
    });
    norm = Math.sqrt(norm);
    for (let i = 0; i < vector.weights.length; i++) vector.weights[i] = (vector.weights[i] as number) / norm;
  }
  const out: Array<{ a: number; b: number; similarity: number }> = [];
  const consider = (a: number, b: number, dot: (b: number) => number) => {
    if (accept && !accept(a, b)) return;
    // Rounding can take identical texts a hair over 1.
    const similarity = Math.min(1, dot(b));
    if (similarity >= threshold) out.push({ a, b, similarity });
  };
  if (n <= ALL_PAIRS_UP_TO) {
    for (let a = 0; a < n; a++)
      for (let b = a + 1; b < n; b++)
        consider(a, b, (other) => mergedDot(vectors[a] as Vector, vectors[other] as Vector));
    return out;
  }
  // Which documents hold each term, and, per document being compared, its weights spread out by term.
  const postings: number[][] = Array.from({ length: vocabulary }, () => []);
  vectors.forEach((vector, index) => {
    for (const id of vector.ids) (postings[id] as number[]).push(index);
  });
  const spread = new Float64Array(vocabulary);
  const seen = new Int32Array(n).fill(-1);
  vectors.forEach((vector, a) => {
    if (vector.ids.length === 0) return;
    vector.ids.forEach((id, i) => {
      spread[id] = vector.weights[i] as number;
    });
    const order = [...vector.ids.keys()].sort(
      (x, y) => (df[vector.ids[x] as number] as number) - (df[vector.ids[y] as number] as number) || x - y,
    );
    const dot = (b: number) => {
      const other = vectors[b] as Vector;
      let sum = 0;
      for (let j = 0; j < other.ids.length; j++)
        sum += (other.weights[j] as number) * (spread[other.ids[j] as number] as number);
      return sum;
    };
    let rest = 1;
    for (const i of order) {
      if (Math.sqrt(Math.max(rest, 0)) < threshold) break;
      for (const b of postings[vector.ids[i] as number] as number[]) {
        if (b <= a || seen[b] === a) continue;
        seen[b] = a;
        consider(a, b, dot);
      }
      rest -= (vector.weights[i] as number) ** 2;
    }
    for (const id of vector.ids) spread[id] = 0;
  });
  return out;
}

/** A unit-length TF-IDF vector: its distinct term numbers, ascending, and their weights. */
interface Vector {
  ids: Int32Array;
  weights: Float64Array;
}

/** The dot product of two vectors, in one pass over both sorted term lists. */
function mergedDot(a: Vector, b: Vector): number {
  let sum = 0;
  let i = 0;
  let j = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i] as number;
    const y = b.ids[j] as number;
    if (x === y) sum += (a.weights[i++] as number) * (b.weights[j++] as number);
    else if (x < y) i++;
    else j++;
  }
  return sum;
}
