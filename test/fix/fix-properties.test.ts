import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIXABLE_RULES } from '../../scripts/check/rule-meta.ts';
import type { Diagnostic } from '../../scripts/core/diagnostic.ts';
import { applyTextEdits } from '../../scripts/core/text-edits.ts';
import { formatPersonaSource } from '../../scripts/plan/format-persona-source.ts';
import { personaSource } from '../format/persona-source-arbitrary.ts';
import { personaText } from '../helpers/persona-text.ts';
import {
  type Files,
  fixInMemory,
  identity,
  onlyEditedLinesChanged,
  tally,
  textOf,
  validateInMemory,
} from './fix-helpers.ts';

/**
 * The fixes against the validator itself, on libraries broken at random (a fixed seed, so a failure reproduces):
 * each fix, applied alone, removes its problem and adds no error, and changes nothing outside its lines; fixing
 * everything leaves nothing fixable and a second run changes nothing; and for formatting, the result is what
 * `persona fmt` writes.
 */
const SEED = 18_2026;

const ALPHA = 'personas/acme/acme-alpha.yaml';
const BETA = 'personas/acme/acme-beta.yaml';
const GAMMA = 'personas/acme/acme-gamma.yaml';

/** Three personas linking each other: every rule passes. */
function cleanLibrary(): Record<string, string> {
  return {
    [ALPHA]: personaText('acme-alpha', { id: 'APP-101', links: ['acme-beta', 'acme-gamma'] }),
    [BETA]: personaText('acme-beta', { id: 'APP-102', links: ['acme-alpha'] }),
    [GAMMA]: personaText('acme-gamma', { id: 'APP-103', links: ['acme-alpha'] }),
  };
}

type Mutation = (files: Record<string, string>) => void;
const edit =
  (file: string, from: string | RegExp, to: string): Mutation =>
  (files) => {
    files[file] = (files[file] as string).replace(from, to);
  };

/** Ways contributors break a persona that have one obvious fix, and a few that have none. */
const MUTATIONS: Record<string, Mutation> = {
  'misspelt required key': edit(ALPHA, /^frustrations:/m, 'frustations:'),
  'misspelt key in a link': edit(BETA, /^ {4}relation:/m, '    relaton:'),
  'key in the wrong case': edit(GAMMA, /^outcome:/m, 'Outcome:'),
  'category typo': edit(ALPHA, 'category: technical', 'category: technicl'),
  'category in capitals': edit(BETA, 'category: technical', 'category: "Technical"'),
  'relation typo': edit(GAMMA, 'relation: pairs-with', 'relation: pairs-wth'),
  'tag with capitals and a space': edit(ALPHA, '  - monitoring', '  - "Error Monitoring"'),
  'tag repeating another in capitals': edit(BETA, '  - production', '  - production\n  - Monitoring'),
  'tag twice': edit(GAMMA, '  - production', '  - production\n  - production'),
  'link slug typo': edit(ALPHA, 'persona: acme-gamma', 'persona: acme-gama'),
  'link by id': edit(GAMMA, 'persona: acme-alpha', 'persona: APP-101'),
  'link back removed': edit(BETA, /composability:[\s\S]*$/, 'composability: []\n'),
  'list indented by four': edit(ALPHA, /^ {2}- "Alerts/m, '    - "Alerts'),
  'keys out of order': edit(GAMMA, /^(slug: .*)\n(title: .*)$/m, '$2\n$1'),
  'modeline missing': edit(BETA, /^# yaml-language-server.*\n/, ''),
  'CRLF line endings': (files) => {
    files[GAMMA] = (files[GAMMA] as string).replace(/\n/g, '\r\n');
  },
  'a byte order mark': (files) => {
    files[ALPHA] = `\uFEFF${files[ALPHA]}`;
  },
  'an unknown key nothing resembles': edit(BETA, /^context:/m, 'favourite_colour: blue\ncontext:'),
  'a placeholder': edit(GAMMA, /^identity: .*$/m, 'identity: "TODO"'),
};

function broken(names: readonly string[]): { names: string[]; files: Files } {
  const files = cleanLibrary();
  for (const name of names) MUTATIONS[name]?.(files);
  return { names: [...names], files };
}

const mutated = fc.subarray(Object.keys(MUTATIONS), { minLength: 1, maxLength: 6 }).map(broken);
/** Each mutation alone, run first: every rule's fix is exercised whatever the random draws. */
const EACH_ALONE = Object.keys(MUTATIONS).map((name) => [broken([name])] as [ReturnType<typeof broken>]);

const errors = (diagnostics: readonly Diagnostic[]) => diagnostics.filter((d) => d.severity === 'error');

/** Applies one diagnostic's fix to in-memory files, as `persona fix` writes it (decoded text, no BOM). */
function applyFix(files: Files, d: Diagnostic): Files {
  const out: Files = { ...files };
  const touched = new Set([d.file, ...(d.fix?.edits ?? []).map((e) => e.file)]);
  for (const file of touched) {
    const text = applyTextEdits(
      textOf(files[file] ?? ''),
      (d.fix?.edits ?? []).filter((e) => e.file === file),
    );
    if (text === undefined) throw new Error(`the edits of ${d.rule} do not fit ${file}`);
    out[file] = text;
  }
  return out;
}

describe('fixes, on libraries broken at random', () => {
  it('each fix alone removes its problem, adds no error and touches only its lines', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(mutated, ({ files }) => {
        const before = validateInMemory(files);
        const fixable = before.filter((d) => d.fix);
        for (const d of fixable) {
          seen.add(d.rule);
          expect(FIXABLE_RULES.has(d.rule), d.rule).toBe(true);
          const after = validateInMemory(applyFix(files, d));
          const was = tally(before);
          const now = tally(after);
          expect(now.get(identity(d)) ?? 0, `${d.rule} ${d.message}`).toBeLessThan(was.get(identity(d)) ?? 0);
          const beforeErrors = tally(errors(before));
          for (const [key, count] of tally(errors(after)))
            expect(count, `new error after fixing ${d.rule}: ${key}`).toBeLessThanOrEqual(
              beforeErrors.get(key) ?? 0,
            );
          for (const file of new Set(d.fix?.edits.map((e) => e.file))) {
            const edits = d.fix?.edits.filter((e) => e.file === file) ?? [];
            const text = textOf(files[file] ?? '');
            expect(onlyEditedLinesChanged(text, applyTextEdits(text, edits) as string, edits)).toBe(true);
          }
        }
      }),
      { seed: SEED, numRuns: EACH_ALONE.length + 15, examples: EACH_ALONE },
    );
    // Every fixable rule was exercised.
    expect([...FIXABLE_RULES].filter((rule) => !seen.has(rule))).toEqual([]);
  });

  it('fixing everything leaves nothing fixable, and a second run changes nothing', () => {
    fc.assert(
      fc.property(mutated, ({ names, files }) => {
        const first = fixInMemory(files);
        expect(first.stopped).toBe(false);
        expect(first.remaining.filter((d) => d.fix).map((d) => d.rule)).toEqual([]);
        // Every mutation but one (a key nothing resembles) has a fix: no error is left.
        if (!names.includes('an unknown key nothing resembles'))
          expect(
            errors(first.remaining).map((d) => d.rule),
            names.join(', '),
          ).toEqual([]);
        const second = fixInMemory(first.files);
        expect(second.applied).toEqual([]);
        expect(second.changed).toEqual([]);
      }),
      { seed: SEED, numRuns: 40 },
    );
  });

  it('the accelerator’s fast paths give the same rounds as the reference', () => {
    fc.assert(
      fc.property(mutated, ({ files }) => {
        expect(fixInMemory(files, undefined, true)).toEqual(fixInMemory(files));
      }),
      { seed: SEED, numRuns: 15 },
    );
  });

  it('a fix never writes a file outside the scope it is given', () => {
    fc.assert(
      fc.property(mutated, fc.constantFrom(ALPHA, BETA, GAMMA), ({ files }, only) => {
        const result = fixInMemory(files, new Set([only]));
        for (const { file } of result.changed) expect(file).toBe(only);
      }),
      { seed: SEED, numRuns: 25 },
    );
  });
});

describe('format fixes, on random hand-written personas', () => {
  const FILE = 'personas/acme/acme-alpha.yaml';
  it('fixing everything writes exactly what `persona fmt` writes, and each format fix alone removes its problem', () => {
    let compared = 0;
    fc.assert(
      fc.property(personaSource, (source) => {
        const files: Files = { [FILE]: source.bytes };
        const fmt = formatPersonaSource(FILE, source.bytes);
        const fixed = fixInMemory(files);
        const expected = fmt.kind === 'changed' ? fmt.text : textOf(source.bytes);
        // Fixes of other rules (the random persona need not be valid) change the text: compare the rest.
        if (fixed.applied.every((d) => /^(format|file)\//.test(d.rule))) {
          compared++;
          expect(textOf(fixed.files[FILE] ?? '')).toBe(expected);
        }
        const before = validateInMemory(files);
        for (const d of before.filter((x) => x.fix && /^(format|file)\//.test(x.rule))) {
          const after = validateInMemory(applyFix(files, d));
          expect(
            after.some((x) => identity(x) === identity(d)),
            d.rule,
          ).toBe(false);
        }
      }),
      { seed: SEED, numRuns: 40 },
    );
    // The comparison with fmt is the point: most random personas must reach it.
    expect(compared).toBeGreaterThan(20);
  });
});
