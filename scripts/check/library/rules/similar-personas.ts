import type { Finding } from '../../../core/facts.ts';
import { collectedBy, type LibraryEntry, type LibraryRule } from '../library-rule.ts';
import { similarPairs, termsOf } from '../text-similarity.ts';
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

const MEASURES = [
  {
    terms: (f: SimilarityFacts) => [...split(f.jobStory), ...split(f.identity)],
    threshold: PROFILE_THRESHOLD,
    at: 'job_story',
    label: 'job story and identity',
    plural: 'job stories and identities, taken together,',
  },
  {
    terms: (f: SimilarityFacts) => split(f.jobStory),
    threshold: FIELD_THRESHOLD,
    at: 'job_story',
    label: 'job story',
    plural: 'job stories',
  },
  {
    terms: (f: SimilarityFacts) => split(f.identity),
    threshold: FIELD_THRESHOLD,
    at: 'identity',
    label: 'identity',
    plural: 'identities',
  },
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
  check(entries) {
    const out: Finding[] = [];
    for (const group of groupBy(entries, (e) => collectedBy(similarPersonas, e)?.product)) {
      if (group.length < 2) continue;
      const matches = new Map<LibraryEntry, Match[]>();
      const facts = group.map((entry) => collectedBy(similarPersonas, entry) as SimilarityFacts);
      for (const measure of MEASURES) {
        for (const { a, b, similarity } of similarPairs(facts.map(measure.terms), measure.threshold)) {
          const tagsOfB = new Set(facts[b]?.tags);
          const sharedTags = [...new Set(facts[a]?.tags)].filter((tag) => tagsOfB.has(tag));
          if (sharedTags.length === 0) continue;
          const [entryA, entryB] = [group[a] as LibraryEntry, group[b] as LibraryEntry];
          for (const [self, other] of [
            [entryA, entryB],
            [entryB, entryA],
          ] as const) {
            const list = matches.get(self) ?? [];
            list.push({ other, similarity, measure, sharedTags });
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
