import { type FlatPlaces, fastParse, fastParseFlat } from '../../../scripts/accel/fast-yaml.ts';
import { keyPlace, valuePlace } from '../../../scripts/check/contribution/contribution-context.ts';
import type { Place } from '../../../scripts/core/diagnostic.ts';
import { type ParsedYaml, parseYaml } from '../../../scripts/parse/parse-yaml.ts';

/**
 * The comparison behind every differential test of a fast reader: on one input, the fast reader either
 * declines, or gives exactly what the reference (`parseYaml`, the `yaml` library) gives: the same data, key
 * order included, no diagnostic from the reference, and, where the fast reader reports places, the places the
 * full path reports.
 */

/** What a fast reader gives for a file it accepts. */
export interface FastReading {
  data: Record<string, unknown>;
  places?: FlatPlaces;
}

export type FastReader = (text: string) => FastReading | undefined;

/** The readers the product has, as the tests call them. */
export const FAST_READERS: Record<string, FastReader> = {
  fastParse: (text) => {
    const data = fastParse(text);
    return data === undefined ? undefined : { data };
  },
  fastParseFlat: (text) => fastParseFlat(text),
};

export type Outcome = { kind: 'declined' } | { kind: 'agreed' } | { kind: 'disagreed'; reason: string };

/** The reference reading of `text`, once per input however many fast readers are compared with it. */
export function referenceReading(text: string): ParsedYaml {
  return parseYaml('differential.yaml', text);
}

/**
 * `fast` on `text` against `reference` (a reading, or a function giving one: it is only needed when the fast
 * reader accepts, so the full parse of inputs that every fast reader declines is skipped); with `mustFail` (an
 * error test of the YAML test suite) accepting the text at all is a disagreement, whatever the reference makes
 * of it.
 */
export function compare(
  text: string,
  fast: FastReader,
  reference: ParsedYaml | (() => ParsedYaml) = () => referenceReading(text),
  mustFail = false,
): Outcome {
  const reading = fast(text);
  if (reading === undefined) return { kind: 'declined' };
  if (mustFail) return { kind: 'disagreed', reason: 'accepted an input the YAML test suite says is invalid' };
  const full = typeof reference === 'function' ? reference() : reference;
  if (full.diagnostics.length > 0 || full.doc === null)
    return {
      kind: 'disagreed',
      reason: `accepted an input the reference reports: ${full.diagnostics.map((d) => d.rule).join(', ')}`,
    };
  const difference = dataDifference(reading.data, full.value, '$');
  if (difference !== null) return { kind: 'disagreed', reason: `data differs at ${difference}` };
  if (reading.places !== undefined) {
    const wrong = placeDifference(reading, full);
    if (wrong !== null) return { kind: 'disagreed', reason: `places differ: ${wrong}` };
  }
  return { kind: 'agreed' };
}

/** `referenceReading(text)`, computed on the first call only. */
export function lazyReference(text: string): () => ParsedYaml {
  let reading: ParsedYaml | undefined;
  return () => {
    reading ??= referenceReading(text);
    return reading;
  };
}

/**
 * Where two parsed values first differ, or null when they are identical: the same types and prototypes, the
 * same keys in the same order, the same strings and numbers (`Object.is`).
 */
export function dataDifference(fast: unknown, reference: unknown, path: string): string | null {
  const describe = (value: unknown) => JSON.stringify(value)?.slice(0, 80) ?? String(value);
  if (Array.isArray(fast) || Array.isArray(reference)) {
    if (!Array.isArray(fast) || !Array.isArray(reference))
      return `${path}: ${describe(fast)} vs ${describe(reference)}`;
    if (fast.length !== reference.length) return `${path}: ${fast.length} items vs ${reference.length}`;
    for (let i = 0; i < fast.length; i++) {
      const inner = dataDifference(fast[i], reference[i], `${path}[${i}]`);
      if (inner !== null) return inner;
    }
    return null;
  }
  if (isObject(fast) || isObject(reference)) {
    if (!isObject(fast) || !isObject(reference))
      return `${path}: ${describe(fast)} vs ${describe(reference)}`;
    if (Object.getPrototypeOf(fast) !== Object.getPrototypeOf(reference)) return `${path}: prototypes differ`;
    const fastKeys = Object.keys(fast);
    const referenceKeys = Object.keys(reference);
    if (fastKeys.join('\0') !== referenceKeys.join('\0'))
      return `${path}: keys ${describe(fastKeys)} vs ${describe(referenceKeys)}`;
    for (const key of fastKeys) {
      const inner = dataDifference(fast[key], reference[key], `${path}.${key}`);
      if (inner !== null) return inner;
    }
    return null;
  }
  return Object.is(fast, reference) ? null : `${path}: ${describe(fast)} vs ${describe(reference)}`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** The fast reader's places against those the full path reads off the document, for every key it read. */
function placeDifference(reading: FastReading, reference: ParsedYaml): string | null {
  const places = reading.places ?? {};
  const keys = Object.keys(reading.data);
  if (Object.keys(places).join('\0') !== keys.join('\0')) return 'not one place per key';
  const ctx = { doc: reference.doc, lines: reference.lines };
  const show = (place: Place | undefined) => JSON.stringify(place);
  for (const key of keys) {
    const fast = places[key];
    const fullKey = keyPlace(ctx, key);
    const fullValue = valuePlace(ctx, key);
    if (show(fast?.key) !== show(fullKey)) return `key of ${key}: ${show(fast?.key)} vs ${show(fullKey)}`;
    if (show(fast?.value) !== show(fullValue))
      return `value of ${key}: ${show(fast?.value)} vs ${show(fullValue)}`;
  }
  return null;
}

/** Declined, agreed and disagreed counts of one reader over one corpus, with the first disagreements. */
export class Tally {
  declined = 0;
  agreed = 0;
  disagreed = 0;
  readonly examples: Array<{ text: string; reason: string }> = [];

  constructor(
    readonly corpus: string,
    readonly reader: string,
  ) {}

  add(text: string, outcome: Outcome): void {
    if (outcome.kind === 'disagreed') {
      this.disagreed++;
      if (this.examples.length < 5) this.examples.push({ text, reason: outcome.reason });
    } else this[outcome.kind]++;
  }

  get total(): number {
    return this.declined + this.agreed + this.disagreed;
  }

  /** The disagreements, for a failing assertion's message. */
  report(): string {
    return this.examples.map(({ text, reason }) => `${reason}\n${JSON.stringify(text)}`).join('\n\n');
  }
}

/**
 * Prints the counts of every tally, when PERSONA_DIFF_COUNTS is set (the numbers a closing note quotes):
 * `PERSONA_DIFF_COUNTS=1 npx vitest run test/validate/fast-parse-differential.test.ts`.
 */
export function printCounts(title: string, tallies: readonly Tally[]): void {
  if (!process.env.PERSONA_DIFF_COUNTS) return;
  const rows = tallies.map(
    (t) =>
      `${t.corpus.padEnd(38)} ${t.reader.padEnd(22)} ${String(t.total).padStart(6)} ${String(t.declined).padStart(8)} ${String(t.agreed).padStart(7)} ${String(t.disagreed).padStart(9)}`,
  );
  const header = `${'corpus'.padEnd(38)} ${'reader'.padEnd(22)} ${'inputs'.padStart(6)} ${'declined'.padStart(8)} ${'agreed'.padStart(7)} ${'disagreed'.padStart(9)}`;
  console.log([`${title}`, header, ...rows].join('\n'));
}
