import { afterAll, describe, expect, it } from 'vitest';
import { deriveSeed } from '../../bench/random.ts';
import { fastContributionCheck, fastPersonaCheck } from '../../scripts/accel/fast-checks.ts';
import { fastParseFlat } from '../../scripts/accel/fast-yaml.ts';
import { checkContributionFile } from '../../scripts/check/contribution/check-contribution-file.ts';
import { checkPersonaFile } from '../../scripts/check/persona/check-persona-file.ts';
import { personaLocation } from '../../scripts/check/persona/persona-location.ts';
import { DEFAULT_SETTINGS } from '../../scripts/core/lint-settings.ts';
import { formatPersonaSource } from '../../scripts/plan/format-persona-source.ts';
import { validateContribution, validatePersona } from '../contributions/contribution-helpers.ts';
import { propertyRuns } from '../helpers/property-runs.ts';
import { dataDifference, type Outcome, printCounts, Tally } from './differential/compare-readers.ts';
import { RandomYaml } from './differential/random-yaml.ts';

const PERSONAS = propertyRuns(600);
const CONTRIBUTIONS = propertyRuns(600);

/**
 * The fast paths of the file checks against the same checks with `{ fast: false }`, on seeded random
 * personas and contributions whose texts are written in every YAML style (one line or wrapped, plain, quoted,
 * folded, literal, with comments and escapes). Wherever the fast path is taken, the facts must be those of
 * the full check: for a persona the same data (key order included) and diagnostics (the fast path leaves
 * `places` to a locator, so it gives none), for a contribution everything, places included.
 * `PERSONA_DIFF_COUNTS=1` prints the counts.
 */

const PERSONA_FILE = 'personas/acme/acme-alpha.yaml';
const LOCATION = personaLocation(PERSONA_FILE).location;
const CONTRIBUTION_FILE = 'contributions/acme-alpha/2026-01-02-octocat-goals.yaml';
const encode = (text: string) => new TextEncoder().encode(text);

const counted: Tally[] = [];
afterAll(() => printCounts('File checks, fast path against { fast: false }:', counted));

/** The facts of two checks of one file: identical, or where they first differ. */
function factsOutcome(fast: unknown, full: unknown): Outcome {
  const difference = dataDifference(fast, full, '$');
  return difference === null ? { kind: 'agreed' } : { kind: 'disagreed', reason: difference };
}

describe('the fast path of the file checks against the full check', () => {
  it(`checkPersonaFile on ${PERSONAS.toLocaleString('en-US')} random personas: the same facts`, () => {
    const tally = new Tally('random personas', 'checkPersonaFile');
    for (let index = 0; index < PERSONAS; index++) {
      // Every other file as `persona fmt` writes it: the fast path takes only canonical files, and both halves
      // (hand-written and formatted) must read the same both ways.
      const written = new RandomYaml(deriveSeed(17, index)).persona();
      const formatted = index % 2 === 0 ? formatPersonaSource(PERSONA_FILE, encode(written)) : null;
      const text = formatted?.kind === 'changed' ? formatted.text : written;
      const bytes = encode(text);
      // Declined by the fast path: the reference answers alone, so there is nothing to compare.
      if (
        fastPersonaCheck(
          PERSONA_FILE,
          new TextDecoder().decode(bytes).replace(/^\ufeff/, ''),
          validatePersona,
          LOCATION,
          DEFAULT_SETTINGS,
        ) === undefined
      ) {
        tally.add(text, { kind: 'declined' });
        continue;
      }
      const fast = checkPersonaFile(PERSONA_FILE, bytes, validatePersona, { fast: fastPersonaCheck });
      const full = checkPersonaFile(PERSONA_FILE, bytes, validatePersona);
      // Every field: data, diagnostics, identity and what the cross-file rules collect.
      tally.add(text, factsOutcome(fast, full));
    }
    counted.push(tally);
    expect(tally.disagreed, tally.report()).toBe(0);
    // The fast path takes only canonical, clean files: about one in eight here.
    // Both outcomes in a fair share, or the comparison proves little (of 1,500: over 150 and 300).
    expect(tally.agreed).toBeGreaterThan(PERSONAS / 10);
    expect(tally.declined).toBeGreaterThan(PERSONAS / 5);
  });

  it(`checkContributionFile on ${CONTRIBUTIONS.toLocaleString('en-US')} random contributions: the same facts, places included`, () => {
    const tally = new Tally('random contributions', 'checkContributionFile');
    for (let index = 0; index < CONTRIBUTIONS; index++) {
      const text = new RandomYaml(deriveSeed(18, index)).contribution();
      const bytes = encode(text);
      // Both checks give places, so whether the fast path was taken shows only in what its reader accepts.
      if (fastParseFlat(text) === undefined) {
        tally.add(text, { kind: 'declined' });
        continue;
      }
      const fast = checkContributionFile(CONTRIBUTION_FILE, bytes, validateContribution, {
        fast: fastContributionCheck,
      });
      const full = checkContributionFile(CONTRIBUTION_FILE, bytes, validateContribution);
      const outcome = factsOutcome(fast, full);
      // A file the full check reports on was left to it by the fast path too (which reports nothing).
      tally.add(
        text,
        outcome.kind === 'agreed' && full.diagnostics.length > 0 ? { kind: 'declined' } : outcome,
      );
    }
    counted.push(tally);
    expect(tally.disagreed, tally.report()).toBe(0);
    expect(tally.agreed).toBeGreaterThan(CONTRIBUTIONS / 5);
    expect(tally.declined).toBeGreaterThan(CONTRIBUTIONS / 5);
  });
});
