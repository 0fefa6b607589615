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
  for (const match of text.toLowerCase().matchAll(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu)) {
    let word = match[0].replace(/['’]s$/u, '').replace('’', "'");
    if (word.length < 2 || STOPWORDS.has(word)) continue;
    // "deploys" and "deploy" are one term; "process", "status" and "analysis" keep their s.
    if (word.length > 3 && word.endsWith('s') && !/(?:ss|us|is)$/.test(word)) word = word.slice(0, -1);
    out.push(word);
  }
  return out;
}

/** A unit-length TF-IDF vector: term → weight. */
type Vector = Map<string, number>;

/**
 * The pairs of documents (by index) whose TF-IDF cosine similarity is at least `threshold`, with it.
 * IDF is the corpus's own, smoothed (ln((1 + N) / (1 + df)) + 1, as scikit-learn's default), and TF is
 * sublinear (1 + ln tf), so a word repeated in one text does not outweigh the rest.
 *
 * Exact, without comparing every pair (prefix filtering, Bayardo et al., "Scaling up all pairs similarity
 * search", 2007): order every vector's terms rarest first; a vector's prefix is its terms up to where the rest
 * has a norm below the threshold. Two unit vectors with cosine ≥ t must share a term of the prefix of each:
 * otherwise the cosine is at most the rest's norm times 1, below t. So each document is compared only with
 * those that hold one of its rarest terms.
 */
export function similarPairs(
  documents: ReadonlyArray<readonly string[]>,
  threshold: number,
): Array<{ a: number; b: number; similarity: number }> {
  const df = new Map<string, number>();
  for (const terms of documents) for (const term of new Set(terms)) df.set(term, (df.get(term) ?? 0) + 1);
  const n = documents.length;
  const vectors: Vector[] = documents.map((terms) => {
    const tf = new Map<string, number>();
    for (const term of terms) tf.set(term, (tf.get(term) ?? 0) + 1);
    const vector: Vector = new Map();
    let norm = 0;
    for (const [term, count] of tf) {
      const weight = (1 + Math.log(count)) * (Math.log((1 + n) / (1 + (df.get(term) ?? 0))) + 1);
      vector.set(term, weight);
      norm += weight * weight;
    }
    norm = Math.sqrt(norm);
    for (const [term, weight] of vector) vector.set(term, weight / norm);
    return vector;
  });
  const rarestFirst = (a: string, b: string) =>
    (df.get(a) ?? 0) - (df.get(b) ?? 0) || (a < b ? -1 : a > b ? 1 : 0);
  const postings = new Map<string, number[]>();
  vectors.forEach((vector, index) => {
    for (const term of vector.keys()) {
      const list = postings.get(term);
      if (list) list.push(index);
      else postings.set(term, [index]);
    }
  });
  const out: Array<{ a: number; b: number; similarity: number }> = [];
  vectors.forEach((vector, a) => {
    if (vector.size === 0) return;
    const ordered = [...vector.keys()].sort(rarestFirst);
    // The rest's squared norm, from the end: the prefix stops where what is left is below the threshold.
    let rest = 1;
    const candidates = new Set<number>();
    for (const term of ordered) {
      if (Math.sqrt(Math.max(rest, 0)) < threshold) break;
      for (const b of postings.get(term) ?? []) if (b > a) candidates.add(b);
      rest -= (vector.get(term) ?? 0) ** 2;
    }
    for (const b of candidates) {
      const similarity = cosine(vector, vectors[b] as Vector);
      if (similarity >= threshold) out.push({ a, b, similarity });
    }
  });
  return out;
}

function cosine(a: Vector, b: Vector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [term, weight] of small) dot += weight * (large.get(term) ?? 0);
  // Rounding can take identical texts a hair over 1.
  return Math.min(1, dot);
}
