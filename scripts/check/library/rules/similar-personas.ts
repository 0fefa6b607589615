import type { Finding } from '../../../core/facts.ts';
import { collectedBy, type LibraryEntry, type LibraryRule } from '../library-rule.ts';
import { mergeNumbers, similarNumberedPairs, TermNumbers, termsOf } from '../text-similarity.ts';
import { groupBy } from './shared-values.ts';

/** What the rule keeps of each persona: plain and small (the terms as one string), stored with its results. */
export interface SimilarityFacts {
  product?: string;
  tags: string[];
  /** The terms of the job story and of the identity, space-separated (see `termsOf`). */
  jobStory: string;
  identity: string;
}

/**
 * How alike two personas' texts must be (TF-IDF cosine) to count as one persona written twice: their job story
 * and identity taken together, or either alone. Measured (test/validate/similar-personas.test.ts, the table in
 * docs/rules.md#lintduplicate-persona): the shipped personas of one product are at most 0.12 alike together; the
 * bench's generated personas, built from a few word lists, reach 0.58 together and 0.71 for a job story alone
 * among 26,000 pairs at 10,000 personas; a persona copied and then edited (its sentences reordered and one added,
 * a sentence of each text rewritten, a tenth of its words replaced) stays at 0.70 or more together.
 */
export const PROFILE_THRESHOLD = 0.65;
export const FIELD_THRESHOLD = 0.8;

/** What is compared: the two texts together, and each alone, each with its threshold and where it is reported. */
const MEASURES = [
  {
    key: 'together',
    threshold: PROFILE_THRESHOLD,
    at: 'job_story',
    label: 'job story and identity',
    plural: 'job stories and identities, taken together,',
  },
  { key: 'jobStory', threshold: FIELD_THRESHOLD, at: 'job_story', label: 'job story', plural: 'job stories' },
  { key: 'identity', threshold: FIELD_THRESHOLD, at: 'identity', label: 'identity', plural: 'identities' },
] as const;

const split = (terms: string) => (terms === '' ? [] : terms.split(' '));

interface Match {
  other: LibraryEntry;
  similarity: number;
  measure: (typeof MEASURES)[number];
  sharedTags: string[];
}

/**
 * `lint/duplicate-persona`: two personas of one product that share a tag and tell a similar job story or
 * identity are likely one persona written twice. Each gets a warning naming the other, so reviewers merge them
 * instead of forking the library's picture of those people. Compared within each product only (the rule's
 * meaning, and what keeps it linear in the library's size), with the product's own IDF: words every persona
 * of the product uses (its name, its domain) weigh little.
 */
export const similarPersonas: LibraryRule<SimilarityFacts> = {
  name: 'similar-personas',
  meta: { rule: 'lint/duplicate-persona', fixable: false },
  collect(data) {
    const text = (key: string) =>
      typeof data[key] === 'string' ? termsOf(data[key] as string).join(' ') : '';
    const tags = Array.isArray(data.tags)
      ? data.tags.filter((tag): tag is string => typeof tag === 'string').map((tag) => tag.toLowerCase())
      : [];
    return {
      ...(typeof data.product === 'string' ? { product: data.product } : {}),
      tags,
      jobStory: text('job_story'),
      identity: text('identity'),
    };
  },
  groupOf: (entry) => collectedBy(similarPersonas, entry)?.product,
  check(entries) {
    const out: Finding[] = [];
    for (const group of groupBy(entries, (e) => collectedBy(similarPersonas, e)?.product)) {
      if (group.length < 2) continue;
      const matches = new Map<LibraryEntry, Match[]>();
      const facts = group.map((entry) => collectedBy(similarPersonas, entry) as SimilarityFacts);
      // Terms and tags as numbers once for the group; the texts together are the two lists merged.
      const numbers = new TermNumbers();
      const jobStory = facts.map((f) => numbers.of(split(f.jobStory)));
      const identity = facts.map((f) => numbers.of(split(f.identity)));
      const texts = {
        together: jobStory.map((ids, i) => mergeNumbers(ids, identity[i] as Int32Array)),
        jobStory,
        identity,
      };
      const sharing = tagSharing(facts.map((f) => f.tags));
      for (const measure of MEASURES) {
        const pairs = similarNumberedPairs(texts[measure.key], numbers.size, measure.threshold, sharing.any);
        for (const { a, b, similarity } of pairs) {
          const [entryA, entryB] = [group[a] as LibraryEntry, group[b] as LibraryEntry];
          for (const [self, other] of [
            [entryA, entryB],
            [entryB, entryA],
          ] as const) {
            const list = matches.get(self) ?? [];
            list.push({ other, similarity, measure, sharedTags: sharing.shared(a, b) });
            matches.set(self, list);
          }
        }
      }
      for (const [entry, list] of matches) out.push(finding(entry, list));
    }
    return out;
  },
};

/** One warning per persona, naming its likeliest duplicate; others alike are listed in the hint. */
function finding(entry: LibraryEntry, list: Match[]): Finding {
  list.sort(
    (x, y) =>
      // To a millionth: two texts that are the same are as alike together as alone, whatever the rounding.
      Math.round(y.similarity * 1e6) - Math.round(x.similarity * 1e6) ||
      (x.other.file < y.other.file ? -1 : x.other.file > y.other.file ? 1 : 0) ||
      MEASURES.indexOf(x.measure) - MEASURES.indexOf(y.measure),
  );
  const best = list[0] as Match;
  const others = [...new Set(list.map((m) => m.other.file))].filter((file) => file !== best.other.file);
  const percent = Math.round(best.similarity * 100);
  return {
    file: entry.file,
    at: [best.measure.at],
    rule: 'lint/duplicate-persona',
    severity: 'warning',
    message: `This persona looks like a duplicate of \`${best.other.file}\`: the same product, shared tags (${best.sharedTags
      .slice(0, 5)
      .map((tag) => `\`${tag}\``)
      .join(', ')}) and a similar ${best.measure.label}.`,
    hint: `Their ${best.measure.plural} are ${percent}% alike (TF-IDF cosine; the rule warns from ${Math.round(PROFILE_THRESHOLD * 100)}% for the two together, ${Math.round(FIELD_THRESHOLD * 100)}% for either alone).${others.length > 0 ? ` Also alike: ${others.map((f) => `\`${f}\``).join(', ')}.` : ''} If they describe the same people, merge them into one persona; if not, make the difference plain in \`job_story\` and \`identity\`.`,
  };
}

/**
 * Whether two personas of a group share a tag, asked for many pairs: each persona's tags as a bit set over the
 * group's tags, so the answer is a few ANDs; and which tags they share, for the few pairs reported.
 */
function tagSharing(tagsOf: ReadonlyArray<readonly string[]>) {
  const bit = new Map<string, number>();
  for (const tags of tagsOf) for (const tag of tags) if (!bit.has(tag)) bit.set(tag, bit.size);
  const words = Math.ceil(bit.size / 32) || 1;
  const sets = tagsOf.map((tags) => {
    const set = new Uint32Array(words);
    for (const tag of tags) {
      const b = bit.get(tag) as number;
      set[b >>> 5] = (set[b >>> 5] as number) | (1 << (b & 31));
    }
    return set;
  });
  return {
    any: (a: number, b: number) => {
      const x = sets[a] as Uint32Array;
      const y = sets[b] as Uint32Array;
      for (let w = 0; w < words; w++) if (((x[w] as number) & (y[w] as number)) !== 0) return true;
      return false;
    },
    shared: (a: number, b: number) => {
      const other = new Set(tagsOf[b]);
      return [...new Set(tagsOf[a])].filter((tag) => other.has(tag));
    },
  };
}
