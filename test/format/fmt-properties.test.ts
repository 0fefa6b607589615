import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastPersonaCheck } from '../../scripts/accel/fast-checks.ts';
import { fastParse } from '../../scripts/accel/fast-yaml.ts';
import { isPlainlyCanonical } from '../../scripts/accel/plainly-canonical.ts';
import { checkPersonaFile } from '../../scripts/check/persona/check-persona-file.ts';
import { personaLocation } from '../../scripts/check/persona/persona-location.ts';
import type { Diagnostic } from '../../scripts/core/diagnostic.ts';
import { DEFAULT_SETTINGS } from '../../scripts/core/lint-settings.ts';
import { PERSONA_CANONICAL_OPTIONS, PERSONA_MODELINE } from '../../scripts/core/persona-fields.ts';
import { canonicalYaml } from '../../scripts/parse/canonical-yaml.ts';
import { parseYaml } from '../../scripts/parse/parse-yaml.ts';
import { formatPersonaSource } from '../../scripts/plan/format-persona-source.ts';
import { personaValidator } from '../helpers/check-in-memory.ts';
import { propertyRuns } from '../helpers/property-runs.ts';
import { personaSource } from './persona-source-arbitrary.ts';

/**
 * `persona fmt` against random hand-written personas (see persona-source-arbitrary.ts for what varies). The
 * seed is fixed so a failure reproduces; fast-check prints the shrunk counterexample and its path.
 */
const SEED = 15_2026;
const RUNS = propertyRuns(200);

const FILE = 'personas/acme/acme-alpha.yaml';
const LOCATION = personaLocation(FILE).location;
const encode = (text: string) => new TextEncoder().encode(text);
const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
/** What fmt reports and validate reports alike, each once. */
const FORMAT_RULES = new Set([
  'format/bom',
  'format/line-endings',
  'format/not-canonical',
  'file/missing-modeline',
]);
const formatProblems = (diagnostics: readonly Diagnostic[]) =>
  diagnostics
    .filter((d) => FORMAT_RULES.has(d.rule))
    .map((d) => `${d.line}:${d.column} ${d.severity} ${d.rule}`)
    .sort();

/** The text fmt leaves: what it writes, or the file itself when it is already canonical. */
function formatted(bytes: Uint8Array): string {
  const outcome = formatPersonaSource(FILE, bytes);
  if (outcome.kind === 'refused') throw new Error(`fmt refused: ${JSON.stringify(outcome.diagnostics)}`);
  return outcome.kind === 'changed' ? outcome.text : decode(bytes);
}

function occurrences(text: string, part: string): number {
  let count = 0;
  for (let at = text.indexOf(part); at !== -1; at = text.indexOf(part, at + 1)) count++;
  return count;
}

describe(`persona fmt on ${RUNS} random hand-written personas (seed ${SEED})`, () => {
  it('keeps the data and every comment, writes LF without a BOM, and formats its output to itself', () => {
    fc.assert(
      fc.property(personaSource, (source) => {
        // The generator is held to its own model first, so the properties below test fmt, not the generator.
        const read = parseYaml(FILE, decode(source.bytes).replace(/^\uFEFF/, ''));
        expect(read.diagnostics).toEqual([]);
        expect(read.value).toEqual(source.data);

        const out = formatted(source.bytes);
        expect(formatPersonaSource(FILE, encode(out)).kind).toBe('canonical');
        expect(parseYaml(FILE, out).value).toEqual(source.data);
        for (const text of new Set(source.comments)) {
          const written = source.comments.filter((c) => c === text).length;
          expect(occurrences(out, `# ${text}`), `comment "${text}"`).toBeGreaterThanOrEqual(written);
        }
        expect(out).not.toMatch(/\r|^\uFEFF/);
        expect(out.startsWith(`${PERSONA_MODELINE}\n`)).toBe(true);
        expect(out.split('\n').filter((line) => line.trim() === PERSONA_MODELINE)).toHaveLength(1);
        // One final newline; more only when they are the text of a `|+` block at the end.
        expect(out.endsWith('\n')).toBe(true);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('validate reports a format problem exactly when fmt would rewrite, the same with or without the fast path', () => {
    let fastPathTaken = 0;
    let rewritten = 0;
    fc.assert(
      fc.property(personaSource, (source) => {
        const fast = checkPersonaFile(FILE, source.bytes, personaValidator, { fast: fastPersonaCheck });
        const full = checkPersonaFile(FILE, source.bytes, personaValidator);
        expect(fast).toEqual(full);
        const text = new TextDecoder().decode(source.bytes).replace(/^\ufeff/, '');
        if (fastPersonaCheck(FILE, text, personaValidator, LOCATION, DEFAULT_SETTINGS) !== undefined)
          fastPathTaken++;

        const outcome = formatPersonaSource(FILE, source.bytes);
        const reported = formatProblems(full.diagnostics);
        expect(outcome.kind).toBe(reported.length > 0 ? 'changed' : 'canonical');
        if (outcome.kind === 'changed') {
          rewritten++;
          expect(formatProblems(outcome.diagnostics)).toEqual(reported);
          // Each problem once: one rule never appears twice for the same file.
          expect(new Set(reported.map((r) => r.split(' ')[2])).size).toBe(reported.length);
          // fmt's output has nothing left to report.
          expect(
            formatProblems(checkPersonaFile(FILE, encode(outcome.text), personaValidator).diagnostics),
          ).toEqual([]);
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
    // Both sides of the comparison were exercised.
    expect(fastPathTaken).toBeGreaterThan(RUNS / 10);
    expect(rewritten).toBeGreaterThan(RUNS / 3);
  });
});

/** Small damage to a tidy file: the near misses the fast path's line check must not take for canonical. */
const LINE_EDITS = ['swap', 'indent', 'outdent', 'blank', 'space', 'duplicate', 'delete', 'quote'] as const;
const nearlyCanonical = personaSource
  .filter((source) => source.tidy)
  .chain((source) =>
    fc.tuple(fc.constant(source.lfText), fc.constantFrom(...LINE_EDITS), fc.nat(), fc.nat({ max: 3 })),
  )
  .map(([text, edit, at, keep]) => (keep === 0 ? text : editLine(text, edit, at)));

function editLine(text: string, edit: (typeof LINE_EDITS)[number], at: number): string {
  const lines = text.slice(0, -1).split('\n');
  const i = 1 + (at % (lines.length - 1));
  const line = lines[i] as string;
  switch (edit) {
    case 'swap':
      if (i + 1 < lines.length) [lines[i], lines[i + 1]] = [lines[i + 1] as string, line];
      break;
    case 'indent':
      lines[i] = `  ${line}`;
      break;
    case 'outdent':
      lines[i] = line.replace(/^ {2}/, '');
      break;
    case 'blank':
      lines.splice(i, 0, '');
      break;
    case 'space':
      lines[i] = `${line} `;
      break;
    case 'duplicate':
      lines.splice(i, 0, line);
      break;
    case 'delete':
      lines.splice(i, 1);
      break;
    case 'quote':
      lines[i] = line.replace(
        /: (.*)$/,
        (_, value: string) => `: ${value.startsWith('"') ? value.slice(1, -1) : `"${value}"`}`,
      );
      break;
  }
  return `${lines.join('\n')}\n`;
}

describe(`the fast path's canonical line check on ${RUNS} tidy and nearly tidy files (seed ${SEED})`, () => {
  it('says a file is canonical only when printing it gives the very same text', () => {
    let sayYes = 0;
    let sayNo = 0;
    fc.assert(
      fc.property(nearlyCanonical, (text) => {
        if (fastParse(text) === undefined) return;
        if (!isPlainlyCanonical(text)) {
          sayNo++;
          return;
        }
        sayYes++;
        const parsed = parseYaml(FILE, text);
        expect(parsed.doc).not.toBeNull();
        expect(canonicalYaml(parsed.doc as NonNullable<typeof parsed.doc>, PERSONA_CANONICAL_OPTIONS)).toBe(
          text,
        );
      }),
      { seed: SEED, numRuns: RUNS },
    );
    expect(sayYes).toBeGreaterThan(RUNS / 5);
    expect(sayNo).toBeGreaterThan(RUNS / 10);
  });
});
