import { describe, expect, it } from 'vitest';
import { createRandom } from '../../bench/random.ts';
import { fastParse, fastParseFlat } from '../../scripts/parse/fast-parse.ts';
import { parseYaml } from '../../scripts/parse/parse-yaml.ts';

/**
 * The fast reader against the full parser on thousands of generated files: block mappings and sequences at
 * random indentation, scalars YAML parsers are known to treat differently, and random damage (a line moved
 * in or out, a duplicated line, a stray `- `). Whenever the fast reader gives data, the full parser must
 * accept the file and give exactly that data.
 */

/** The bench's seeded PRNG (mulberry32), as a bare function. */
const random = (seed: number): (() => number) => createRandom(seed).next;

/** Scalars the fast reader accepts. */
const SAFE_SCALARS = [
  'plain text',
  'Sentences, with; punctuation (and/or) +more.',
  "it's",
  'null',
  'Null',
  'NULL',
  'true',
  'True',
  'FALSE',
  'yes',
  'No',
  'off',
  'Infinity',
  'NaN',
  '0',
  '7',
  '123456789012345',
  '2026-11-20',
  'https://example.com/a?b=1&c=%20',
  '"double"',
  '"esc \\u00e9 \\t \\n \\" \\\\ \\/ end"',
  '"\\ud83d\\ude00 pair"',
  '"# not a comment"',
  "'single ''quoted'''",
  "'tab\tinside'",
  "'# not a comment'",
  '[]',
  'non-ascii café',
  'snake_case_value',
  'Ask?! 100% & more = @x *y "z" $5 ~w',
];
/** Scalars where parsers disagree or YAML has more than one reading: declined, or resolved as the full parse. */
const TRICKY_SCALARS = [
  '0123',
  '1.5',
  '1e3',
  '2026-11-20T10:00:00Z',
  'http://x.y/z:1',
  '"yaml only \\x41 \\e \\N"',
  '"bad \\q escape"',
  '"tab\tinside"',
  "'lone\rcarriage'",
  '"lone\rcarriage"',
  '[a]',
  '~',
  'a: b',
  'x #y',
  'trailing space ',
  'del\x7fchar',
  'nel\x85char',
  // Characters YAML calls non-printable or special: the full parser accepts them as text, and so may we.
  ...['\x01', '\x0b', '\x0c', '\x1b', '\x7f', '\x85', '\u2028', '\ufeff', '\ufffe', '\ud800'].flatMap(
    (ch) => [`"x${ch}y"`, `'x${ch}y'`],
  ),
];
const KEYS = ['a', 'b', 'c', 'id', 'goals', 'persona', '_x', 'k9'];
const ODD_KEYS = ['True', 'null', 'NULL', 'false'];

function pick<T>(next: () => number, items: readonly T[]): T {
  return items[Math.floor(next() * items.length)] as T;
}

const scalarOf = (next: () => number) => pick(next, next() < 0.9 ? SAFE_SCALARS : TRICKY_SCALARS);
const keyOf = (next: () => number) => pick(next, next() < 0.97 ? KEYS : ODD_KEYS);

type Tree = string | Tree[] | { [key: string]: Tree };

function tree(next: () => number, depth: number): Tree {
  const roll = next();
  if (depth >= 3 || roll < 0.45) return scalarOf(next);
  const size = 1 + Math.floor(next() * 4);
  if (roll < 0.7) return Array.from({ length: size }, () => tree(next, depth + 1));
  const out: Record<string, Tree> = {};
  for (let i = 0; i < size; i++) out[keyOf(next)] = tree(next, depth + 1);
  return out;
}

/** Serializes with random but mostly valid block layout: indentation step, gap after `- `, indentless lists. */
function lines(next: () => number, value: Tree, indent: number, out: string[]): void {
  const step = 1 + Math.floor(next() * 3);
  if (Array.isArray(value)) {
    for (const item of value) {
      const gap = ' '.repeat(1 + Math.floor(next() * 2));
      if (typeof item === 'string') out.push(`${' '.repeat(indent)}-${gap}${item}`);
      else if (Array.isArray(item) || Object.keys(item).length === 0) {
        out.push(`${' '.repeat(indent)}-${gap}${keyOf(next)}:`);
        lines(next, item, indent + 1 + gap.length + step, out);
      } else {
        const inner: string[] = [];
        lines(next, item, indent + 1 + gap.length, inner);
        const first = inner[0] ?? '';
        inner[0] = `${' '.repeat(indent)}-${gap}${first.trimStart()}`;
        out.push(...inner);
      }
    }
    return;
  }
  if (typeof value === 'string') {
    out.push(`${' '.repeat(indent)}${keyOf(next)}: ${value}`);
    return;
  }
  for (const [key, child] of Object.entries(value)) {
    const comment = next() < 0.1 ? ' # note' : '';
    if (typeof child === 'string') out.push(`${' '.repeat(indent)}${key}: ${child}${comment}`);
    else {
      out.push(`${' '.repeat(indent)}${key}:${comment}`);
      const indentless = Array.isArray(child) && next() < 0.3;
      lines(next, child, indentless ? indent : indent + step, out);
    }
    if (next() < 0.05) out.push(next() < 0.5 ? '' : `${' '.repeat(Math.floor(next() * 6))}# comment`);
  }
}

function damage(next: () => number, text: string[]): string[] {
  const out = [...text];
  const at = Math.floor(next() * out.length);
  const line = out[at] ?? '';
  switch (Math.floor(next() * 5)) {
    case 0:
      out[at] = ` ${line}`;
      break;
    case 1:
      out[at] = line.startsWith(' ') ? line.slice(1) : line;
      break;
    case 2:
      out.splice(at, 0, line);
      break;
    case 3:
      out.splice(at, 0, `${line.match(/^ */)?.[0] ?? ''}- ${scalarOf(next)}`);
      break;
    default:
      out[at] = `${line}\r`;
  }
  return out;
}

function generate(seed: number): string {
  const next = random(seed);
  const top: Record<string, Tree> = {};
  const size = 1 + Math.floor(next() * 6);
  for (let i = 0; i < size; i++) top[keyOf(next)] = tree(next, 0);
  const out: string[] = [];
  lines(next, top, 0, out);
  const text = next() < 0.35 ? damage(next, out) : out;
  return `${text.join(next() < 0.1 ? '\r\n' : '\n')}\n`;
}

describe('fastParse against the full parser', () => {
  it('gives exactly the full parse, or declines', () => {
    const runs = 4000;
    let accepted = 0;
    let acceptedCrlf = 0;
    for (let seed = 1; seed <= runs; seed++) {
      const text = generate(seed);
      const fast = fastParse(text);
      if (fast === undefined) continue;
      accepted++;
      if (text.includes('\r\n')) acceptedCrlf++;
      const full = parseYaml('f.yaml', text);
      expect(full.diagnostics, `seed ${seed}:\n${text}`).toEqual([]);
      expect(fast, `seed ${seed}:\n${text}`).toStrictEqual(full.value);
    }
    // The generator must exercise both outcomes, or the comparison above proves little.
    expect(accepted).toBeGreaterThan(runs * 0.2);
    expect(accepted).toBeLessThan(runs * 0.95);
    expect(acceptedCrlf).toBeGreaterThan(0);
  });

  it('reads flat files (one `key: value` per line) exactly as the full parser, or declines', () => {
    let accepted = 0;
    for (let seed = 1; seed <= 2000; seed++) {
      const next = random(seed);
      const lines = Array.from({ length: 1 + Math.floor(next() * 8) }, () => {
        const roll = next();
        if (roll < 0.08) return '# a comment';
        if (roll < 0.12) return '';
        return `${keyOf(next)}: ${scalarOf(next)}${next() < 0.1 ? ' # note' : ''}`;
      });
      const text = `${lines.join(next() < 0.1 ? '\r\n' : '\n')}\n`;
      const flat = fastParseFlat(text);
      if (flat === undefined) continue;
      accepted++;
      const full = parseYaml('f.yaml', text);
      expect(full.diagnostics, `seed ${seed}:\n${text}`).toEqual([]);
      expect(flat.data, `seed ${seed}:\n${text}`).toStrictEqual(full.value);
    }
    expect(accepted).toBeGreaterThan(400);
  });

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
  ])('reads %s', (_name, text, expected) => {
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
    ['a top level indented', '  a: 1\n'],
  ])('declines %s', (_name, text) => {
    expect(fastParse(text)).toBeUndefined();
  });
});
