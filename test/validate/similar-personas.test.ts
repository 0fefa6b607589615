import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createRandom, deriveSeed } from '../../bench/random.ts';
import { prose, TAGS } from '../../bench/words.ts';
import { checkPersonas } from '../../scripts/check/library/check-personas.ts';
import type { LibraryEntry } from '../../scripts/check/library/library-rule.ts';
import {
  FIELD_THRESHOLD,
  PROFILE_THRESHOLD,
  similarPersonas,
} from '../../scripts/check/library/rules/similar-personas.ts';
import { similarPairs, termsOf } from '../../scripts/check/library/text-similarity.ts';
import { identityOf, type PersonaFacts } from '../../scripts/core/facts.ts';
import { REPO_ROOT } from '../helpers/run-cli.ts';

/** The rule uses no suggestion and no vocabulary. */
const NO_HELP = { suggestSlug: () => undefined, uniqueSlug: () => undefined, vocabulary: null };

type Data = Record<string, unknown>;

const shipped: Array<{ file: string; data: Data }> = readdirSync(path.join(REPO_ROOT, 'personas')).flatMap(
  (product) =>
    readdirSync(path.join(REPO_ROOT, 'personas', product)).map((name) => {
      const file = `personas/${product}/${name}`;
      return { file, data: parse(readFileSync(path.join(REPO_ROOT, file), 'utf8')) as Data };
    }),
);

function facts(file: string, data: Data): PersonaFacts {
  const collected = { [similarPersonas.name]: similarPersonas.collect?.(data) };
  return { file, data, readable: true, diagnostics: [], identity: identityOf(data), collected };
}

function entries(personas: Array<{ file: string; data: Data }>): LibraryEntry[] {
  return personas.map(({ file, data }) => facts(file, data));
}

/** The texts the rule compares: the job story and identity together, and each alone. */
const MEASURES: Record<string, (data: Data) => string> = {
  together: (d) => `${d.job_story} ${d.identity}`,
  jobStory: (d) => String(d.job_story),
  identity: (d) => String(d.identity),
};

/** The highest similarity, by measure, among the pairs of one product that share a tag. */
function highestAmong(personas: Array<{ file: string; data: Data }>): Record<string, number> {
  const highest: Record<string, number> = { together: 0, jobStory: 0, identity: 0 };
  const byProduct = new Map<string, Array<{ file: string; data: Data }>>();
  for (const p of personas)
    byProduct.set(String(p.data.product), [...(byProduct.get(String(p.data.product)) ?? []), p]);
  for (const group of byProduct.values())
    for (const [measure, text] of Object.entries(MEASURES))
      for (const { a, b, similarity } of similarPairs(
        group.map((p) => termsOf(text(p.data))),
        0,
      )) {
        const tags = new Set(group[a]?.data.tags as string[]);
        if (((group[b]?.data.tags as string[] | undefined) ?? []).some((t) => tags.has(t)))
          highest[measure] = Math.max(highest[measure] ?? 0, similarity);
      }
  return highest;
}

/** Under both thresholds: the two texts together under PROFILE_THRESHOLD, each alone under FIELD_THRESHOLD. */
function underThresholds(highest: Record<string, number>, margin: number) {
  expect(highest.together).toBeLessThan(PROFILE_THRESHOLD - margin);
  expect(highest.jobStory).toBeLessThan(FIELD_THRESHOLD - margin);
  expect(highest.identity).toBeLessThan(FIELD_THRESHOLD - margin);
}

/** Personas as the bench generates them: twenty per product from the same templates and word lists. */
function generated(products: number, perProduct: number, seed: number) {
  return Array.from({ length: products * perProduct }, (_, i) => {
    const random = createRandom(deriveSeed(seed, i));
    const words = prose(random);
    const product = `product-${i % products}`;
    return {
      file: `personas/${product}/${product}-${i}.yaml`,
      data: {
        product,
        tags: random.sample(TAGS, random.int(2, 5)),
        job_story: words.jobStory(),
        identity: words.identity(),
      },
    };
  });
}

/** How a persona gets written twice: copied, then edited more or less. */
const REWRITES: Array<[string, (text: string, seed: number) => string]> = [
  ['copied as is', (text) => text],
  ['its sentences reordered and one added', (text) => `${reorder(text)} They say so in every retro.`],
  ['a sentence of each text rewritten', (text) => newEnding(text)],
  ['a tenth of its words replaced', (text, seed) => replaceWords(text, 0.1, seed)],
];

/** A job story's outcome, or an identity's last sentence, written anew. */
function newEnding(text: string): string {
  if (text.startsWith('When ')) return text.replace(/, so .*$/s, ', so nothing slips past the team.');
  const sentences = text.match(/[^.!?]+[.!?]+/g) ?? [text];
  return [...sentences.slice(0, -1), ' They now run the weekly review themselves.'].join('');
}

function replaceWords(text: string, share: number, seed: number): string {
  const random = createRandom(seed);
  const fillers = ['team', 'weekly', 'customer', 'quickly', 'project', 'review', 'usually', 'dashboard'];
  return text
    .split(' ')
    .map((word) => (random.chance(share) ? random.pick(fillers) : word))
    .join(' ');
}

function reorder(text: string): string {
  const sentences = text.match(/[^.!?]+[.!?]+/g) ?? [text];
  return [...sentences.slice(1), sentences[0]].map((s) => s.trim()).join(' ');
}

describe('lint/duplicate-persona: the threshold, measured', () => {
  it('the shipped personas of one product stay far under both thresholds', () => {
    underThresholds(highestAmong(shipped), 0.4);
    expect(
      checkPersonas(shipped.map((p) => facts(p.file, p.data))).filter(
        (f) => f.rule === 'lint/duplicate-persona',
      ),
    ).toEqual([]);
  });

  it("generated personas of one product (the bench's few word lists) stay under both", () => {
    underThresholds(highestAmong(generated(40, 20, 7)), 0.05);
  });

  it.each(REWRITES)('a shipped persona %s is reported, naming the original', (_, rewrite) => {
    shipped.forEach((original, n) => {
      const copy = {
        file: `${path.posix.dirname(original.file)}/zz-copy.yaml`,
        data: {
          ...original.data,
          slug: `${original.data.slug}-copy`,
          job_story: rewrite(String(original.data.job_story), n),
          identity: rewrite(String(original.data.identity), n + 100),
        },
      };
      const findings = similarPersonas.check(entries([...shipped, copy]), NO_HELP);
      expect(findings.map((f) => [f.file, f.rule]).sort()).toEqual(
        [
          [copy.file, 'lint/duplicate-persona'],
          [original.file, 'lint/duplicate-persona'],
        ].sort(),
      );
      expect(findings.find((f) => f.file === copy.file)?.message).toContain(`\`${original.file}\``);
    });
  });

  it('needs a shared tag and the same product', () => {
    const [original] = shipped as [{ file: string; data: Data }];
    const copy = (data: Data) => ({ file: 'personas/other/zz.yaml', data: { ...original.data, ...data } });
    const quiet = (data: Data) => similarPersonas.check(entries([original, copy(data)]), NO_HELP);
    expect(quiet({})).toHaveLength(2);
    expect(quiet({ tags: ['something-else'] })).toEqual([]);
    expect(quiet({ product: 'another-product' })).toEqual([]);
  });
});

describe('similarPairs', () => {
  /** TF-IDF cosine of every pair, written out plainly: what the prefix filter must find, no more, no less. */
  function bruteForce(documents: string[][], threshold: number) {
    const n = documents.length;
    const df = (term: string) => documents.filter((d) => d.includes(term)).length;
    const vectors = documents.map((d) => {
      const weights = [...new Set(d)].map((term) => {
        const tf = d.filter((t) => t === term).length;
        return [term, (1 + Math.log(tf)) * (Math.log((1 + n) / (1 + df(term))) + 1)] as const;
      });
      const norm = Math.hypot(...weights.map(([, w]) => w));
      return new Map(weights.map(([t, w]) => [t, w / norm]));
    });
    const out: Array<{ a: number; b: number; similarity: number }> = [];
    for (let a = 0; a < n; a++)
      for (let b = a + 1; b < n; b++) {
        let dot = 0;
        for (const [t, w] of vectors[a] as Map<string, number>)
          dot += w * ((vectors[b] as Map<string, number>).get(t) ?? 0);
        if (dot >= threshold) out.push({ a, b, similarity: dot });
      }
    return out;
  }

  it('finds exactly the pairs that comparing every pair finds (prefix filtering is exact)', () => {
    const vocabulary =
      'alert deploy release invoice payment design token cycle issue trace page incident'.split(' ');
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.constantFrom(...vocabulary), { minLength: 0, maxLength: 12 }), {
          maxLength: 14,
        }),
        fc.double({ min: 0.05, max: 1, noNaN: true }),
        (documents, threshold) => {
          // Pairs within rounding of the threshold may fall either way; every other one must agree.
          const key = (p: { a: number; b: number }) => `${p.a}:${p.b}`;
          const clear = (p: { similarity: number }) => Math.abs(p.similarity - threshold) > 1e-9;
          expect(similarPairs(documents, threshold).filter(clear).map(key).sort()).toEqual(
            bruteForce(documents, threshold).filter(clear).map(key).sort(),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gives identical texts 1 and texts with no word in common 0', () => {
    const pairs = similarPairs(
      [termsOf('Deploys fail on Friday.'), termsOf('deploy failing friday'), termsOf('Invoices overdue.')],
      0,
    );
    const of = (a: number, b: number) => pairs.find((p) => p.a === a && p.b === b)?.similarity ?? 0;
    expect(of(0, 1)).toBeGreaterThan(0.3);
    expect(of(0, 2)).toBe(0);
    expect(
      similarPairs(
        [
          ['x', 'y'],
          ['x', 'y'],
        ],
        0.99,
      )[0]?.similarity,
    ).toBeCloseTo(1, 10);
  });

  it('keeps what each persona collects small and plain', () => {
    const collected = similarPersonas.collect?.(shipped[0]?.data as Data);
    expect(JSON.parse(JSON.stringify(collected))).toEqual(collected);
    expect(JSON.stringify(collected).length).toBeLessThan(1200);
  });
});
