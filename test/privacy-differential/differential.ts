import fc from 'fast-check';
import { expect, it } from 'vitest';
import type { PrivacyDetector, PrivacyScope } from '../../scripts/check/privacy/privacy-detector.ts';
import { propertyRuns } from '../helpers/property-runs.ts';
import { benchCorpus, type Corpus, DEFAULT_SCOPE, fixtureCorpus, privacyScope } from './privacy-texts.ts';

/** Fixed, so that a failure reproduces; fast-check prints the shrunk counterexample. */
export const SEED = 2026_19;
// 600 cases per property in `npm test` (its time budget), 6,000 in the slow project.
export const RUNS = propertyRuns(600);

let corpora: { bench: Corpus; fixtures: Corpus } | undefined;
/** The bench and fixture texts, made once per test file. */
export function sharedCorpora(): { bench: Corpus; fixtures: Corpus } {
  corpora ??= { bench: benchCorpus(), fixtures: fixtureCorpus() };
  return corpora;
}

/**
 * The differential tests of a fast detector: on every text, `find` gives exactly the reference's findings
 * (spans, what, order) and `mayContain` the reference's answer.
 */
export function itFindsWhatTheReferenceFinds(
  fast: PrivacyDetector,
  reference: PrivacyDetector,
  randomTexts: ReadonlyArray<[string, fc.Arbitrary<string>]>,
): void {
  const same = (text: string, scope: PrivacyScope) => {
    expect(fast.find(text, scope)).toEqual(reference.find(text, scope));
    expect(fast.mayContain(text)).toBe(reference.mayContain(text));
  };

  it.each(randomTexts)(`on ${RUNS} random texts of %s (seed ${SEED})`, (_name, texts) => {
    fc.assert(
      fc.property(texts, privacyScope, (text, scope) => same(text, scope)),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('on the texts of the generated bench library', () => {
    const { bench } = sharedCorpora();
    for (const text of bench.texts) same(text, DEFAULT_SCOPE);
  });

  it('on the rule fixtures, the shipped personas and the docs', () => {
    const { fixtures } = sharedCorpora();
    for (const text of fixtures.texts) same(text, DEFAULT_SCOPE);
  });
}
