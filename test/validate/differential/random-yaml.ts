import { createRandom, deriveSeed, type Random } from '../../../bench/random.ts';

/**
 * Seeded random YAML shaped like personas and contributions, written in every scalar style YAML has, for the
 * differential tests of the fast readers. The generator does not know what a file means: the `yaml` library
 * is the judge. It only has to write files close to what the fast readers accept (so that most comparisons
 * are real agreements, and the near misses are the interesting ones), and files that are not.
 */

/** Persona-ish words, some outside ASCII. */
const WORDS = `
  the team reviews every alert before a deploy goes out late on Friday they want errors grouped by
  release so I can roll back in minutes When dashboard on-call follow-up team's it’s café naïve Zürich
  東京 Ωmega 😀 — “quoted” x86_64 e-mail 50% A/B (beta) v2.0
`
  .trim()
  .split(/\s+/);

const ASCII_WORDS = WORDS.filter((word) => /^[\x20-\x7e]+$/.test(word));

/** Characters YAML gives meaning to somewhere, and characters it treats specially. */
const MARKS = [
  ':',
  ': ',
  ' #',
  '#',
  '- ',
  '-',
  "'",
  '"',
  '\\',
  '%',
  '@',
  '`',
  '&',
  '*',
  '!',
  '|',
  '>',
  '{',
  '}',
  '[',
  ']',
  ',',
  '?',
  '~',
  '\t',
  '\u00a0',
  '\u0085',
  '\u2028',
  '\ufeff',
  '\x7f',
  '\x01',
];

/** Whole scalars that resolve to something other than text somewhere, or read differently in YAML 1.1. */
const RESOLVING = [
  'true',
  'True',
  'TRUE',
  'false',
  'FALSE',
  'null',
  'Null',
  'NULL',
  '~',
  'yes',
  'No',
  'on',
  'off',
  '0',
  '7',
  '42',
  '0123',
  '00',
  '1.5',
  '1e3',
  '.inf',
  '-.inf',
  '.NaN',
  '0x1F',
  '0o17',
  '+1',
  '-3',
  '1_000',
  '2026-11-20',
  '2026-13-45',
  '2026-11-20T10:00:00Z',
  '12:30',
  'https://example.com/a?b=1&c=%20',
  'http://x.y/z:1',
  'https://example.com/#frag',
  '123456789012345',
  '1234567890123456',
  '[]',
  '[ ]',
  '{}',
  '""',
  "''",
  '-',
  '?',
  '!',
  '&a x',
  '*a',
  '!!str x',
  '!!int 3',
  '!custom x',
  '@x',
  '`x`',
  '%x',
];

/** Escapes of double-quoted YAML: JSON's, YAML's own, and ones YAML refuses. */
const ESCAPES = [
  '\\n',
  '\\t',
  '\\"',
  '\\\\',
  '\\/',
  '\\u00e9',
  '\\u2028',
  '\\ud83d\\ude00',
  '\\ud800',
  '\\b',
  '\\f',
  '\\r',
  '\\x41',
  '\\e',
  '\\N',
  '\\_',
  '\\L',
  '\\P',
  '\\0',
  '\\a',
  '\\v',
  '\\ ',
  '\\\t',
  '\\U0001F600',
  '\\q',
  '\\u12',
];

/** Keys a persona or contribution has, and keys the core schema or the tools read differently. */
const KEYS = `
  id slug title product category tags aha_moment job_story goals frustrations composability persona
  relation note field action item value original author rationale evidence a _x k9
`
  .trim()
  .split(/\s+/);
const ODD_KEYS = [
  'True',
  'null',
  'NULL',
  'false',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'clé',
  'a-b',
  '"quoted key"',
  "'single key'",
  'a b',
  'a ',
  '? a',
  '[a]',
  '1',
  '0123',
  '~',
  '"a\\nb"',
];

/** How one file is written: everything that varies between files but not within one. */
interface Layout {
  /** Extra indentation of a nested block. */
  step: number;
  /** Chance that a scalar takes a style beyond single-line plain and quoted text. */
  exotic: number;
  /** Chance of a comment after a value or between entries. */
  comments: number;
  /** Chance that a sequence under a key is not indented further than the key. */
  indentless: number;
  /** Whether prose has words outside ASCII (which the fast readers leave to the full parser unless quoted). */
  unicode: boolean;
}

export class RandomYaml {
  private readonly random: Random;
  private layout: Layout;

  constructor(seed: number) {
    this.random = createRandom(seed);
    this.layout = this.newLayout();
  }

  private newLayout(): Layout {
    const r = this.random;
    return {
      step: r.pick([1, 2, 2, 2, 3, 4]),
      exotic: r.pick([0, 0, 0.02, 0.08, 0.25, 0.6]),
      comments: r.pick([0, 0.05, 0.15]),
      indentless: r.pick([0, 0.3, 1]),
      unicode: r.chance(0.2),
    };
  }

  /** A persona-like file: a block mapping of text, lists and lists of mappings, now and then nested deep. */
  document(): string {
    const r = this.random;
    this.layout = this.newLayout();
    const out: string[] = [];
    if (r.chance(0.4)) out.push('# yaml-language-server: $schema=../../schemas/persona.schema.json');
    const keys = r.int(1, 10);
    this.mappingEntries(out, 0, 1, keys, 3);
    // Close to the depth limit of the full parser (16), on either side of it.
    if (r.chance(0.08)) this.deepChain(out, r.int(14, 18));
    return this.finish(out);
  }

  /** A contribution-like file: one `key: value` per line at the top, in any scalar style. */
  flat(): string {
    const r = this.random;
    this.layout = this.newLayout();
    const out: string[] = [];
    if (r.chance(0.6)) out.push('# yaml-language-server: $schema=../../schemas/contribution.schema.json');
    for (const key of this.keys(r.int(1, 9))) {
      if (r.chance(this.layout.comments))
        out.push(r.pick(['# a comment', '', '   # indented comment', '  ']));
      this.entry(out, 0, 1, key, 0);
    }
    return this.finish(out);
  }

  /**
   * A complete persona for `personas/acme/acme-alpha.yaml` whose texts are written in random styles: one
   * line or wrapped, plain, quoted, folded or literal, lists in block or flow style, with comments. Most are
   * valid; some break a rule or the schema (as people's files do), and all the full path reads off them.
   */
  persona(): string {
    const r = this.random;
    // About twenty texts a file: exotic styles are rarer than in `document`, or hardly any file would be one
    // the fast path takes, and the comparison would have little to compare.
    this.layout = { ...this.newLayout(), exotic: r.pick([0, 0, 0, 0.02, 0.1, 0.3]) };
    const out: string[] = [];
    if (r.chance(0.95)) out.push('# yaml-language-server: $schema=../../schemas/persona.schema.json');
    const text = (key: string, value: string) => this.styledEntry(out, key, value);
    const list = (key: string, items: string[]) => {
      if (r.chance(0.05) && !items.some((item) => /[,[\]{}#"']/.test(item))) {
        out.push(`${key}: [${items.join(', ')}]`);
        return;
      }
      out.push(`${key}:`);
      const indent = r.chance(this.layout.indentless) ? 0 : this.layout.step;
      for (const item of items) this.styledEntry(out, null, item, indent);
    };
    out.push(`id: APP-${r.int(100, 999)}`);
    out.push('slug: acme-alpha');
    text('title', r.pick(['The Acme Alpha persona', 'The Acme Alpha: an “analyst”', "Acme's #1 fan"]));
    out.push('product: acme', `category: ${r.pick(['technical', 'business', 'data'])}`);
    list('tags', r.sample(['monitoring', 'production', 'on-call', 'release-notes', 'data'], r.int(1, 3)));
    text('aha_moment', this.prose());
    text('job_story', `When ${this.prose(false)}, I want ${this.prose(false)}, so ${this.prose()}`);
    for (const key of ['identity', 'intention', 'outcome']) text(key, this.prose());
    for (const key of ['goals', 'frustrations', 'worldview'])
      list(
        key,
        Array.from({ length: r.int(1, 3) }, () => this.prose()),
      );
    for (const key of ['scenario', 'context', 'success_signal', 'churn_trigger']) text(key, this.prose());
    list('impact', [this.prose()]);
    if (r.chance(0.5)) out.push('composability: []');
    else {
      out.push('composability:');
      const pad = ' '.repeat(this.layout.step);
      out.push(`${pad}- persona: acme-beta`, `${pad}  relation: ${r.pick(['pairs-with', 'contrast'])}`);
      this.styledEntry(out, 'note', this.prose(), pad.length + 2);
    }
    return this.finish(out, 0.1);
  }

  /** A contribution for `contributions/acme-alpha/2026-01-02-octocat-goals.yaml`, its texts in random styles. */
  contribution(): string {
    const r = this.random;
    this.layout = { ...this.newLayout(), exotic: r.pick([0, 0, 0, 0.02, 0.1, 0.3]) };
    const out: string[] = [];
    if (r.chance(0.95)) out.push('# yaml-language-server: $schema=../../schemas/contribution.schema.json');
    out.push(`persona: ${r.pick(['acme-alpha', 'APP-101'])}`);
    const field = r.pick(['goals', 'job_story', 'identity', 'frustrations']);
    const action = r.pick(['confirm', 'correct', 'extend']);
    out.push(`field: ${field}`, `action: ${action}`);
    if (r.chance(0.4)) out.push(`item: ${r.int(1, 3)}`);
    if (action !== 'confirm' || r.chance(0.1)) this.styledEntry(out, 'value', this.prose());
    if (action === 'correct' || r.chance(0.1)) this.styledEntry(out, 'original', this.prose());
    out.push(`author: ${r.pick(['octocat', 'a-b', 'x'])}`);
    if (r.chance(0.6)) this.styledEntry(out, 'rationale', this.prose());
    if (r.chance(0.3))
      out.push(`evidence: ${r.pick(['https://example.com/a?b=1', '"https://example.com/x"'])}`);
    if (r.chance(this.layout.comments)) out.splice(r.int(1, out.length), 0, '# a comment');
    return this.finish(out, 0.1);
  }

  /** A sentence of persona prose: mostly words and commas, now and then a mark YAML cares about. */
  private prose(end = true): string {
    const r = this.random;
    const words = Array.from({ length: r.int(3, 14) }, () => {
      const word = r.pick(this.layout.unicode ? WORDS : ASCII_WORDS);
      if (r.chance(0.03)) return `${word}${r.pick([':', ' #1', ',', ';', ' -', '!', '?'])}`;
      return word;
    });
    const sentence = words.join(' ');
    return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}${end ? '.' : ''}`;
  }

  /**
   * `key: text` at `indent` (or `- text` when `key` is null), with the text written in one of YAML's styles
   * so that it reads back as `text` (or, for a clipped block, `text` and a line break).
   */
  private styledEntry(out: string[], key: string | null, text: string, indent = 0): void {
    const r = this.random;
    const pad = ' '.repeat(indent);
    const lead = key === null ? `${pad}- ` : `${pad}${key}: `;
    const below = ' '.repeat(indent + (key === null ? 2 : this.layout.step));
    const plainSafe = /^[A-Za-z][^#:\t\n]*$/.test(text) && !/\s$/.test(text);
    const style = r.chance(this.layout.exotic)
      ? r.pick(['plain-wrapped', 'double-wrapped', 'single-wrapped', 'folded', 'literal', 'escaped'])
      : r.pick(['plain', 'plain', 'double', 'single']);
    const double = (t: string) => `"${t.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
    let lines: string[];
    switch (style) {
      case 'plain':
        lines = [plainSafe ? text : double(text)];
        break;
      case 'plain-wrapped':
        lines = this.cutAtSpaces(plainSafe ? text : double(text), below);
        break;
      case 'double':
        lines = [double(text)];
        break;
      case 'double-wrapped':
        lines = this.cutAtSpaces(double(text), below);
        break;
      case 'single':
        lines = [this.singleQuoted(text)];
        break;
      case 'single-wrapped':
        lines = this.cutAtSpaces(this.singleQuoted(text), below);
        break;
      case 'escaped': {
        const escaped = double(text).replace(/[^\x20-\x7e]/g, (c) =>
          r.chance(0.5) ? c : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
        );
        lines = [escaped.replace(/ /, r.pick([' ', '\\x20', '\\t', '\\u0020']))];
        break;
      }
      default: {
        // The comment goes on the header line. Folded: cut at single spaces, which folding turns back into
        // spaces. Literal: one line, as it is.
        const [first = '', ...others] = style === 'folded' ? this.cutAtSpaces(text, below) : [text];
        const header = `${style === 'folded' ? '>' : '|'}${r.pick(['', '-', '+'])}${this.trailingComment()}`;
        out.push(`${lead}${header}`, below + first, ...others);
        if (r.chance(0.2)) out.push('');
        return;
      }
    }
    const [first = '', ...others] = lines;
    const comment = this.trailingComment();
    if (others.length === 0) out.push(`${lead}${first}${comment}`);
    else out.push(`${lead}${first}`, ...others.slice(0, -1), `${others.at(-1)}${comment}`);
  }

  /** `text` cut at some of its single spaces into lines, every line after the first indented by `below`. */
  private cutAtSpaces(text: string, below: string): string[] {
    const r = this.random;
    const lines: string[] = [];
    let current = '';
    const parts = text.split(' ');
    parts.forEach((part, index) => {
      const cut =
        current !== '' &&
        part !== '' &&
        (r.chance(0.25) || (index === parts.length - 1 && lines.length === 0));
      if (cut) {
        lines.push(current);
        current = below + part;
      } else current = current === '' ? part : `${current} ${part}`;
    });
    lines.push(current);
    return lines;
  }

  /** Damage now and then, then the line endings. */
  private finish(lines: string[], damage = 0.25): string {
    const r = this.random;
    const out = r.chance(damage) ? this.damage(lines) : lines;
    const crlf = r.chance(0.1);
    let text = out.join(crlf ? '\r\n' : '\n');
    if (!r.chance(0.05)) text += crlf ? '\r\n' : '\n';
    if (r.chance(0.01)) text = `\ufeff${text}`;
    return text;
  }

  /**
   * The keys of one mapping: distinct, except for a duplicate now and then; sometimes one the core schema or
   * the tools read differently, or one past YAML's limit of 1024 characters for an implicit key.
   */
  private keys(count: number): string[] {
    const r = this.random;
    const keys = r.sample(KEYS, count);
    for (let i = 0; i < keys.length; i++) {
      if (r.chance(0.03)) keys[i] = r.pick(ODD_KEYS);
      else if (r.chance(0.002)) keys[i] = 'k'.repeat(r.int(1018, 1030));
    }
    if (keys.length > 1 && r.chance(0.03)) keys.push(r.pick(keys));
    return keys;
  }

  private mappingEntries(
    out: string[],
    indent: number,
    depth: number,
    count: number,
    maxDepth: number,
  ): void {
    this.keys(count).forEach((key, i) => {
      if (i > 0 && this.random.chance(this.layout.comments))
        out.push(`${' '.repeat(this.random.int(0, indent + 2))}# between entries`);
      this.entry(out, indent, depth, key, maxDepth);
    });
  }

  /** `key: value` at `indent`, in a mapping `depth` levels down, with a nested block at most `maxDepth`. */
  private entry(out: string[], indent: number, depth: number, key: string, maxDepth: number): void {
    const r = this.random;
    const pad = ' '.repeat(indent);
    const roll = r.next();
    if (depth >= maxDepth || roll < 0.6) {
      const { head, rest } = this.scalar(indent);
      out.push(`${pad}${key}:${head === '' ? '' : ' '}${head}${this.trailingComment()}`, ...rest);
      return;
    }
    out.push(`${pad}${key}:${this.trailingComment()}`);
    if (roll < 0.85) {
      const inner = r.chance(this.layout.indentless) ? indent : indent + this.layout.step;
      this.sequence(out, inner, depth + 1, r.int(1, 4), maxDepth);
    } else {
      this.mappingEntries(out, indent + this.layout.step, depth + 1, r.int(1, 4), maxDepth);
    }
  }

  private sequence(out: string[], indent: number, depth: number, count: number, maxDepth: number): void {
    const r = this.random;
    for (let i = 0; i < count; i++) {
      const gap = ' '.repeat(r.pick([1, 1, 1, 2, 3]));
      const dash = `${' '.repeat(indent)}-${gap}`;
      if (depth >= maxDepth || r.chance(0.7)) {
        const { head, rest } = this.scalar(indent);
        out.push(`${dash}${head}${this.trailingComment()}`, ...rest);
      } else {
        // A mapping in the item: its first key on the dash's line, the others lined up under it.
        const inner: string[] = [];
        const column = dash.length;
        for (const key of r.sample(['persona', 'relation', 'note', 'a', 'b'], r.int(1, 3)))
          this.entry(inner, column, depth + 1, key, maxDepth);
        inner[0] = `${dash}${(inner[0] ?? '').trimStart()}`;
        out.push(...inner);
      }
    }
  }

  /**
   * One more top-level key holding nested mappings and sequences, `levels` collections deep counting the
   * top-level mapping as the full parser counts depth, sometimes ending in `[]` (a collection too).
   */
  private deepChain(out: string[], levels: number): void {
    const r = this.random;
    const ending = r.pick(['[]', 'x', '']);
    // `[]` is one level itself.
    const target = ending === '[]' ? levels - 1 : levels;
    out.push(`deep:`);
    let depth = 1;
    let column = 0; // where the last key sits
    const tail = () => (depth >= target && ending !== '' ? ` ${ending}` : '');
    while (depth < target) {
      if (depth + 2 <= target && r.chance(0.3)) {
        // A sequence holding a mapping: two levels on one line.
        const pad = ' '.repeat(column + r.pick([0, 2]));
        depth += 2;
        out.push(`${pad}- level${depth}:${tail()}`);
        column = pad.length + 2;
      } else {
        const pad = ' '.repeat(column + r.pick([1, 2]));
        depth += 1;
        out.push(`${pad}level${depth}:${tail()}`);
        column = pad.length;
      }
    }
  }

  private trailingComment(): string {
    return this.random.chance(this.layout.comments) ? this.random.pick([' # note', '  #note', ' #']) : '';
  }

  /**
   * A scalar for a key or a dash at `indent`: the text that follows `key: ` on its line (`head`), and any lines
   * below it (`rest`).
   */
  private scalar(indent: number): { head: string; rest: string[] } {
    const r = this.random;
    const one = (head: string) => ({ head, rest: [] as string[] });
    if (!r.chance(this.layout.exotic)) {
      switch (r.int(0, 9)) {
        case 0:
          return one(
            r.pick(['true', 'null', 'False', '0', '42', '2026-11-20', 'https://example.com/a?b=1', '[]']),
          );
        case 1:
        case 2:
          return one(this.doubleQuoted(this.sentence(false), false));
        case 3:
          return one(this.singleQuoted(this.sentence(false)));
        case 4:
          return one('');
        default:
          return one(this.plainWords());
      }
    }
    const below = this.continuationIndent(indent);
    switch (r.int(0, 10)) {
      case 0:
        return one(r.pick(RESOLVING));
      case 1:
        return one(this.sentence(true)); // plain, with marks anywhere
      case 2:
        return this.wrap(this.plainWords(), below, (s) => s);
      case 3:
        return one(this.doubleQuoted(this.sentence(true), true));
      case 4:
        return this.wrap(this.sentence(r.chance(0.5)), below, (s) => this.doubleQuoted(s, r.chance(0.5)));
      case 5:
        return one(this.singleQuoted(this.sentence(true)));
      case 6:
        return this.wrap(this.sentence(r.chance(0.5)), below, (s) => this.singleQuoted(s));
      case 7:
      case 8:
        return this.block(below);
      case 9:
        return this.flowSequence(below);
      default:
        return one(
          r.pick(['{a: 1, b: x}', '{}', '&anchor x', '*anchor', '!!str 12', '|', '>', '"unterminated']),
        );
    }
  }

  /** Where the lines of a scalar continue: deeper than its key as YAML wants, or not quite. */
  private continuationIndent(indent: number): string {
    const r = this.random;
    const roll = r.next();
    if (roll < 0.75) return ' '.repeat(indent + r.int(1, 4));
    if (roll < 0.85) return ' '.repeat(indent);
    if (roll < 0.9) return '';
    if (roll < 0.95) return `${' '.repeat(indent + 1)}\t`;
    return `\t${' '.repeat(indent)}`;
  }

  /**
   * `text` over several lines: the whole written by `quote`, then cut at some of its spaces, each cut a line
   * break followed by `below`; now and then with a blank line, trailing spaces or an escaped line break.
   */
  private wrap(text: string, below: string, quote: (s: string) => string): { head: string; rest: string[] } {
    const r = this.random;
    const written = quote(text);
    const lines: string[] = [];
    let current = '';
    for (const part of written.split(' ')) {
      if (current !== '' && r.chance(0.3)) {
        const ending = r.pick(['', '', '', ' ', '  ', '\\']);
        lines.push(current + ending);
        if (r.chance(0.1)) lines.push(r.pick(['', '  ', below]));
        current = below + part;
      } else current = current === '' ? part : `${current} ${part}`;
    }
    lines.push(current);
    if (lines.length === 1) {
      // Always at least one line break, or this is not the style it claims.
      const at = written.indexOf(' ');
      if (at > 0) return { head: written.slice(0, at), rest: [below + written.slice(at + 1)] };
    }
    return { head: lines[0] ?? '', rest: lines.slice(1) };
  }

  /** A literal or folded block scalar: indicator, chomping, sometimes an indentation indicator. */
  private block(below: string): { head: string; rest: string[] } {
    const r = this.random;
    const indicator = r.pick(['|', '>']);
    const chomp = r.pick(['', '-', '+']);
    const explicit = r.chance(0.1) ? String(r.int(1, 3)) : '';
    const head = `${indicator}${r.chance(0.5) ? explicit + chomp : chomp + explicit}${r.chance(0.1) ? ' # block' : ''}`;
    const rest: string[] = [];
    for (let i = 0, count = r.int(1, 4); i < count; i++) {
      const roll = r.next();
      if (roll < 0.1) rest.push('');
      else if (roll < 0.2)
        rest.push(`${below}  ${this.sentence(true)}`); // more indented: kept as is when folded
      else rest.push(`${below}${this.sentence(r.chance(0.3))}`);
    }
    for (let i = 0, trailing = r.int(0, 2); i < trailing; i++) rest.push(r.pick(['', below]));
    return { head, rest };
  }

  /** `[a, "b", 'c']`, on one line or several, now and then with a trailing comma or nothing inside. */
  private flowSequence(below: string): { head: string; rest: string[] } {
    const r = this.random;
    const items = Array.from({ length: r.int(0, 4) }, () => {
      const roll = r.next();
      if (roll < 0.4) return this.plainWords().split(' ').slice(0, 2).join(' ');
      if (roll < 0.6) return this.doubleQuoted(this.sentence(false), false);
      if (roll < 0.7) return this.singleQuoted(this.sentence(false));
      return r.pick(RESOLVING);
    });
    const comma = r.chance(0.1) && items.length > 0 ? ',' : '';
    if (r.chance(0.7)) return { head: `[${items.join(', ')}${comma}]`, rest: [] };
    const [first = '', ...others] = items;
    return {
      head: `[${first}${others.length > 0 ? ',' : ''}`,
      rest: [
        ...others.map((item, i) => `${below}${item}${i < others.length - 1 ? ',' : ''}`),
        `${below}${comma}]`,
      ],
    };
  }

  /** ASCII words: what a fast reader's plain text is made of. */
  private plainWords(): string {
    const r = this.random;
    const words = Array.from({ length: r.int(1, 8) }, () => r.pick(ASCII_WORDS));
    const text = words.join(' ').replace(/^[^A-Za-z]+/, '');
    return text === '' ? 'word' : text;
  }

  /** Words, and with `marks` YAML's special characters and non-ASCII text among them. */
  private sentence(marks: boolean): string {
    const r = this.random;
    const parts: string[] = [];
    for (let i = 0, count = r.int(1, 12); i < count; i++) {
      if (marks && r.chance(0.25)) {
        const mark = r.pick(MARKS);
        parts.push(r.chance(0.5) ? mark : `${mark}${r.pick(WORDS)}`);
      } else if (marks || r.chance(0.8)) parts.push(r.pick(WORDS));
      else parts.push(r.pick(['and', 'or', 'Review', 'when', 'x']));
    }
    let text = parts.join(r.chance(0.05) ? '  ' : ' ');
    if (!marks) text = text.replace(/[^\x20-\x7e]/g, 'u');
    if (marks && r.chance(0.05)) text = ` ${text} `;
    return text;
  }

  /**
   * `"…"`: quotes and backslashes escaped, then (with `yamlEscapes`) some characters swapped for escapes YAML
   * knows, or refuses.
   */
  private doubleQuoted(text: string, yamlEscapes: boolean): string {
    const r = this.random;
    let body = text.replace(/[\\"]/g, (c) => `\\${c}`);
    if (r.chance(0.3)) {
      const at = r.int(0, body.length);
      const inserted = yamlEscapes ? r.pick(ESCAPES) : r.pick(ESCAPES.slice(0, 8));
      // Not in the middle of an escape already there.
      if (body[at - 1] !== '\\') body = body.slice(0, at) + inserted + body.slice(at);
    }
    return `"${body}"`;
  }

  private singleQuoted(text: string): string {
    return `'${text.replaceAll("'", "''")}'`;
  }

  /** One change a hand edit or a bad merge makes. */
  private damage(lines: string[]): string[] {
    const r = this.random;
    const out = [...lines];
    const at = r.int(0, Math.max(0, out.length - 1));
    const line = out[at] ?? '';
    switch (r.int(0, 13)) {
      case 0:
        out[at] = ` ${line}`;
        break;
      case 1:
        out[at] = line.replace(/^ /, '');
        break;
      case 2:
        out.splice(at, 0, line);
        break;
      case 3:
        out.splice(at, 1);
        break;
      case 4:
        out[at] = `\t${line}`;
        break;
      case 5:
        out[at] = `${line}${r.pick([' ', '\t', '  '])}`;
        break;
      case 6:
        out.splice(at, 0, r.pick(['---', '...', '--- # doc']));
        break;
      case 7:
        out.splice(at, 0, `${line.match(/^ */)?.[0] ?? ''}- ${this.plainWords()}`);
        break;
      case 8:
        out.splice(at, 2, `${line} ${(out[at + 1] ?? '').trimStart()}`);
        break;
      case 9:
        out[at] = `${line.slice(0, line.length >> 1)}\r${line.slice(line.length >> 1)}`;
        break;
      case 10:
        out.unshift(r.pick(['%YAML 1.2\n---', '%YAML 1.1\n---', '--- !!map', '---']));
        break;
      case 11:
        out[at] = line.replace(/: /, ':\t');
        break;
      case 12:
        out[at] = line.replace(/"/, '');
        break;
      default:
        out[at] = `${line}\r`;
    }
    return out;
  }
}

/** `count` persona-like files, the same for the same seed. */
export function randomDocuments(count: number, seed: number): string[] {
  return Array.from({ length: count }, (_, index) => new RandomYaml(deriveSeed(seed, index)).document());
}

/** `count` contribution-like (flat) files, the same for the same seed. */
export function randomFlatFiles(count: number, seed: number): string[] {
  return Array.from({ length: count }, (_, index) => new RandomYaml(deriveSeed(seed, index)).flat());
}
