import fc from 'fast-check';
import { LINK_KEY_ORDER, PERSONA_KEY_ORDER, PERSONA_MODELINE } from '../../scripts/core/persona-fields.ts';

/**
 * Random persona files written the ways people write YAML by hand, for the `persona fmt` properties: any key
 * order, two- or four-space indentation, sequences indented under their key or not, every scalar style (plain,
 * quoted, folded over several lines, literal and folded blocks with each chomping indicator), comments before
 * the first key, between keys, inside composability links and at the end, the modeline anywhere or missing,
 * blank lines, CRLF or mixed line endings and a BOM.
 *
 * Each source comes with the data it must read as and every comment it holds, so a generator mistake fails
 * the tests (as "the generator's own file does not read as its model") instead of passing silently.
 */
export interface PersonaSource {
  bytes: Uint8Array;
  /** The text without BOM or CRLF, as written before line endings were chosen. */
  lfText: string;
  data: Record<string, unknown>;
  /** Text of every comment written, modeline excluded; each is unique in the file. */
  comments: string[];
  /** Written in the canonical layout without comments: the case where the fast path may skip printing. */
  tidy: boolean;
}

type TextStyle =
  | 'plain'
  | 'plain-folded'
  | 'double'
  | 'double-escaped'
  | 'double-folded'
  | 'single'
  | 'single-folded'
  | 'literal'
  | 'literal-strip'
  | 'literal-keep'
  | 'folded'
  | 'folded-strip';

interface TextValue {
  kind: 'text';
  value: string;
  style: TextStyle;
}
interface ListValue {
  kind: 'list';
  items: Array<{ text: TextValue; comment: string | null }>;
}
interface LinksValue {
  kind: 'links';
  links: Array<{
    comment: string | null;
    pairs: Array<{ key: string; text: TextValue; comment: string | null; trailing: string | null }>;
  }>;
}
interface IntegerValue {
  kind: 'integer';
  value: number;
}
interface MapValue {
  kind: 'map';
  pairs: Array<{ key: string; value: Value }>;
}
type Value = TextValue | ListValue | LinksValue | IntegerValue | MapValue;

interface Entry {
  key: string;
  value: Value;
  commentsBefore: string[];
  blankBefore: boolean;
  trailing: string | null;
}

interface Layout {
  indent: 2 | 4;
  /** Sequence items indented under their key, or at the key's own column (both valid YAML). */
  indentSequences: boolean;
  /** Columns from a link's `- ` to its keys: 2 (`- persona:`) or the indentation (`-   persona:`). */
  linkKeyOffset: 2 | 4;
}

type ModelinePlace = 'first' | 'missing' | 'after-header' | 'after-first-key' | 'twice' | 'trailing';

const WORDS = [
  'alert',
  'deploy',
  'team',
  'release',
  'quota',
  'on-call',
  'dashboard',
  'they',
  'roll',
  'back',
  'within',
  'minutes',
  'Friday',
  'it’s',
  "it's",
  'say "hi"',
  'café',
  'naïve',
  '中文',
  '100%',
  '(maybe)',
  'e.g.',
  'and/or',
  'x+y',
  'a,b',
  'end.',
  'why?',
  'wow!',
  '@mention',
  '$5',
  '~approx',
  '[bracket]',
  '{brace}',
];
/** Words of the tidy files: ASCII, so that the fast reader takes them in any of its styles. */
const TIDY_WORDS = WORDS.filter((w) => /^[A-Za-z0-9 .,;()/+'_!?&%=@*"$~-]+$/.test(w));
/** Words that only some styles can carry: indicators, `: `, ` #`, escapes, emoji, special values. */
const AWKWARD = [
  'note: this',
  'issue #12',
  'back\\slash',
  '🚀',
  'tab\there',
  'true',
  'null',
  '- dash',
  '# hash',
  '& amp',
  '* star',
  '!bang',
  '%pct',
  '|pipe',
  '>gt',
  '? q',
  "'quoted'",
  '"dq"',
  '`tick`',
  ' lead',
  'trail ',
  '---',
  '...',
  'é\u00a0nbsp',
];

const word = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...WORDS) }, fc.constantFrom(...AWKWARD));
const sentence = fc
  .array(word, { minLength: 1, maxLength: 9 })
  .map((words) => words.join(' '))
  .map((text) => (/^[A-Za-z]/.test(text) ? text : `The ${text}`));
/** Sometimes several lines, for the block styles. */
const multiLine = fc.array(sentence, { minLength: 2, maxLength: 3 }).map((lines) => lines.join('\n'));

const textStyle = fc.constantFrom<TextStyle>(
  'plain',
  'plain-folded',
  'double',
  'double-escaped',
  'double-folded',
  'single',
  'single-folded',
  'literal',
  'literal-strip',
  'literal-keep',
  'folded',
  'folded-strip',
);

/** Text in a style that can carry it; the value is adjusted to what block chomping gives back. */
const textValue = (tidy: boolean): fc.Arbitrary<TextValue> =>
  tidy
    ? fc
        .tuple(
          fc.array(fc.constantFrom(...TIDY_WORDS), { minLength: 1, maxLength: 8 }),
          fc.constantFrom('plain', 'double', 'single'),
        )
        .map(([words, style]) => fitStyle(`The ${words.join(' ')}.`, style as TextStyle))
    : fc
        .tuple(fc.oneof({ weight: 4, arbitrary: sentence }, multiLine), textStyle)
        .map(([value, style]) => fitStyle(value, style));

function fitStyle(value: string, style: TextStyle): TextValue {
  const lines = value.split('\n');
  const blockable = lines.every((line) => line !== '' && !/^\s|\s$/.test(line) && !line.includes('\t'));
  if (style.startsWith('literal') || style.startsWith('folded')) {
    if (!blockable || (style.startsWith('folded') && lines.length > 1))
      return { kind: 'text', value, style: 'double' };
    const body = lines.join('\n');
    const chomped = style === 'literal-keep' ? `${body}\n\n` : style.endsWith('-strip') ? body : `${body}\n`;
    return { kind: 'text', value: chomped, style };
  }
  if (style.startsWith('plain') && !isPlainSafe(value)) return { kind: 'text', value, style: 'double' };
  if ((style.startsWith('single') || style.endsWith('folded')) && /[\n\t]/.test(value))
    return { kind: 'text', value, style: 'double' };
  return { kind: 'text', value, style };
}

/** Conservative: plain text that any YAML reader takes as this very string. */
function isPlainSafe(value: string): boolean {
  return (
    /^[A-Za-z](?:[^\n\t:#]*[^\s:#])?$/.test(value) &&
    !/\s{2}|\s-\s|\u00a0|[[\]{}]/.test(value) &&
    !/^(?:true|false|null|True|False|Null|TRUE|FALSE|NULL)$/.test(value)
  );
}

const login = fc.constantFrom('octocat', 'monalisa', 'hubot', 'a-b', 'x1');
const communityValue: fc.Arbitrary<MapValue> = fc
  .tuple(
    fc.integer({ min: 0, max: 40 }),
    fc.uniqueArray(login, { minLength: 1, maxLength: 3 }),
    fc.constantFrom('2024-05-01', '2025-12-31'),
    fc.integer({ min: 0, max: 9 }),
  )
  .map(([confirmations, contributors, date, confirmed]) => ({
    kind: 'map',
    pairs: [
      { key: 'confirmations', value: { kind: 'integer', value: confirmations } },
      { key: 'contributors', value: listOf(contributors) },
      { key: 'last_reviewed', value: { kind: 'text', value: date, style: 'plain' } },
      {
        key: 'fields',
        value: {
          kind: 'map',
          pairs: [
            {
              key: 'goals',
              value: {
                kind: 'map',
                pairs: [
                  { key: 'confirmed', value: { kind: 'integer', value: confirmed } },
                  { key: 'confirmed_by', value: listOf(contributors) },
                ],
              },
            },
          ],
        },
      },
    ],
  }));

function listOf(values: string[]): ListValue {
  return {
    kind: 'list',
    items: values.map((value) => ({ text: { kind: 'text', value, style: 'plain' }, comment: null })),
  };
}

const LIST_KEYS = ['tags', 'goals', 'frustrations', 'worldview', 'impact'];

/** A comment's text: a tag, so the properties can count it in the output, then words (`:` and `#` included). */
const commentText = fc
  .tuple(
    fc.nat({ max: 9999 }),
    fc.constantFrom('why', 'see: #12', 'note — café', 'TODO later', '"quoted"', "it's"),
  )
  .map(([n, words]) => `c${n} ${words}`);
const maybeComment = (tidy: boolean) => (tidy ? fc.constant(null) : fc.option(commentText, { freq: 3 }));

const listValue = (tidy: boolean, min = 1): fc.Arbitrary<ListValue> =>
  fc
    .array(fc.record({ text: textValue(tidy), comment: maybeComment(tidy) }), {
      minLength: min,
      maxLength: 3,
    })
    .map((items) => ({ kind: 'list', items }));

const linksValue = (tidy: boolean): fc.Arbitrary<LinksValue> =>
  fc
    .array(
      fc.record({
        comment: maybeComment(tidy),
        persona: fc.constantFrom('acme-beta', 'acme-gamma', 'other-thing'),
        relation: fc.constantFrom('pairs-with', 'contrast', 'use-with'),
        note: textValue(tidy),
        order: tidy
          ? fc.constant<string[]>([...LINK_KEY_ORDER])
          : fc.shuffledSubarray<string>([...LINK_KEY_ORDER], { minLength: 3 }),
        comments: fc.array(maybeComment(tidy), { minLength: 3, maxLength: 3 }),
        trailing: fc.array(tidy ? fc.constant(null) : fc.option(commentText, { freq: 5 }), {
          minLength: 3,
          maxLength: 3,
        }),
      }),
      { maxLength: 2 },
    )
    .map((links) => ({
      kind: 'links',
      links: links.map((link) => ({
        comment: link.comment,
        pairs: link.order.map((key, i) => ({
          key,
          text:
            key === 'note'
              ? link.note
              : {
                  kind: 'text' as const,
                  value: key === 'persona' ? link.persona : link.relation,
                  style: 'plain' as const,
                },
          // The first key shares the `- ` line; a comment above it would be the link's own.
          comment: i === 0 ? null : (link.comments[i] ?? null),
          trailing: link.note.style === 'plain' || key !== 'note' ? (link.trailing[i] ?? null) : null,
        })),
      })),
    }));

function valueFor(key: string, tidy: boolean): fc.Arbitrary<Value> {
  if (key === 'id') return fc.constant({ kind: 'text', value: 'APP-101', style: 'plain' });
  if (key === 'slug') return fc.constant({ kind: 'text', value: 'acme-alpha', style: 'plain' });
  if (key === 'product') return fc.constant({ kind: 'text', value: 'acme', style: 'plain' });
  if (key === 'category')
    return fc
      .constantFrom<TextStyle>('plain', 'double')
      .map((style) => ({ kind: 'text', value: 'technical', style }));
  if (key === 'tags') return fc.constant(listOf(['monitoring', 'production']));
  if (LIST_KEYS.includes(key)) return listValue(tidy);
  if (key === 'composability') return linksValue(tidy);
  if (key === 'community') return communityValue;
  if (key === 'job_story')
    return fc
      .constantFrom<TextStyle>('plain', 'double', 'double-folded', 'single')
      .map((style) =>
        fitStyle(
          'When a deploy goes out late, I want errors grouped by release, so I can roll back.',
          tidy ? 'double' : style,
        ),
      );
  return textValue(tidy);
}

/** Every key the schema requires, in canonical order. */
const REQUIRED = PERSONA_KEY_ORDER.filter((key) => key !== 'community');

const entries = (tidy: boolean): fc.Arbitrary<Entry[]> =>
  fc
    .tuple(
      tidy ? fc.constant(REQUIRED) : fc.shuffledSubarray(REQUIRED, { minLength: REQUIRED.length - 3 }),
      fc.boolean(),
      tidy ? fc.constant([]) : fc.constantFrom([], ['zz_unknown'], ['notes']),
      fc.nat(),
    )
    .chain(([keys, withCommunity, extra, seed]) => {
      const all = [...keys, ...(withCommunity ? ['community'] : []), ...extra];
      const ordered = tidy ? all : shuffle(all, seed);
      return fc.tuple(
        ...ordered.map((key) =>
          fc.record({
            key: fc.constant(key),
            value: valueFor(key, tidy),
            commentsBefore: tidy ? fc.constant<string[]>([]) : fc.array(commentText, { maxLength: 2 }),
            blankBefore: tidy ? fc.constant(false) : fc.boolean(),
            trailing: maybeComment(tidy),
          }),
        ),
      );
    });

function shuffle<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let state = seed || 1;
  for (let i = out.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

export const personaSource: fc.Arbitrary<PersonaSource> = fc.boolean().chain((tidy) =>
  fc
    .record({
      entries: entries(tidy),
      layout: tidy
        ? fc.constant<Layout>({ indent: 2, indentSequences: true, linkKeyOffset: 2 })
        : fc.record<Layout>({
            indent: fc.constantFrom(2, 4),
            indentSequences: fc.boolean(),
            linkKeyOffset: fc.constantFrom(2, 4),
          }),
      modeline: tidy
        ? fc.constant<ModelinePlace>('first')
        : fc.constantFrom<ModelinePlace>(
            'first',
            'missing',
            'after-header',
            'after-first-key',
            'twice',
            'trailing',
          ),
      header: tidy ? fc.constant<string[]>([]) : fc.array(commentText, { maxLength: 2 }),
      blankAfterHeader: fc.boolean(),
      end: maybeComment(tidy),
      blankBeforeEnd: fc.boolean(),
      lineEndings: tidy ? fc.constant('lf' as const) : fc.constantFrom('lf', 'lf', 'crlf', 'mixed'),
      bom: tidy ? fc.constant(false) : fc.boolean(),
      mixSeed: fc.nat(),
    })
    .map((model) => ({ ...write(model), tidy })),
);

interface SourceModel {
  entries: Entry[];
  layout: Layout;
  modeline: ModelinePlace;
  header: string[];
  blankAfterHeader: boolean;
  end: string | null;
  blankBeforeEnd: boolean;
  lineEndings: 'lf' | 'crlf' | 'mixed';
  bom: boolean;
  mixSeed: number;
}

/** The modeline as the text of a trailing comment (`id: APP-101 # yaml-language-server: …`). */
const MODELINE_COMMENT = PERSONA_MODELINE.replace(/^# /, '');

function write(model: SourceModel): Omit<PersonaSource, 'tidy'> {
  const out: string[] = [];
  const comments: string[] = [];
  const writers: Writers = {
    comment(text, column) {
      comments.push(text);
      out.push(`${' '.repeat(column)}# ${text}`);
    },
    trailing(text) {
      if (text === null) return '';
      if (text !== MODELINE_COMMENT) comments.push(text);
      return ` # ${text}`;
    },
  };
  const { layout } = model;
  if (model.modeline === 'first' || model.modeline === 'twice') out.push(PERSONA_MODELINE);
  for (const text of model.header) writers.comment(text, 0);
  if (model.modeline === 'after-header') out.push(PERSONA_MODELINE);
  if (model.header.length > 0 && model.blankAfterHeader) out.push('');
  // After a block scalar kept with `|+`, blank lines and comments would belong to its value.
  let keptBlock = false;
  model.entries.forEach((entry, index) => {
    if (!keptBlock) {
      if (entry.blankBefore && index > 0) out.push('');
      for (const text of entry.commentsBefore) writers.comment(text, 0);
    }
    if (index === 1 && (model.modeline === 'after-first-key' || model.modeline === 'twice'))
      out.push(PERSONA_MODELINE);
    const trailing = index === 0 && model.modeline === 'trailing' ? MODELINE_COMMENT : entry.trailing;
    keptBlock = writeValue(out, writers, entry.key, entry.value, 0, layout, trailing);
  });
  if (model.end !== null && !keptBlock) {
    if (model.blankBeforeEnd) out.push('');
    writers.comment(model.end, 0);
  }
  const lfText = `${out.join('\n')}\n`;
  let text = lfText;
  if (model.lineEndings === 'crlf') text = lfText.replace(/\n/g, '\r\n');
  if (model.lineEndings === 'mixed') {
    let n = model.mixSeed;
    text = lfText.replace(/\n/g, () => {
      n = (n * 7 + 3) % 11;
      return n < 5 ? '\r\n' : '\n';
    });
  }
  const encoded = new TextEncoder().encode(text);
  const bytes = model.bom ? new Uint8Array([0xef, 0xbb, 0xbf, ...encoded]) : encoded;
  return { bytes, lfText, data: dataOf(model.entries), comments };
}

interface Writers {
  /** Writes a comment line at `column` and records its text. */
  comment: (text: string, column: number) => void;
  /** ` # text` for the end of a line (recorded), or nothing. */
  trailing: (text: string | null) => string;
}

/**
 * Writes `key: value` at `column` (or after `prefix`, such as a link's `- `), with `trailing` at the end of
 * the key's line when that line can hold a comment. True when it ended with a `|+` block (see `write`).
 */
function writeValue(
  out: string[],
  writers: Writers,
  key: string,
  value: Value,
  column: number,
  layout: Layout,
  trailing: string | null,
  prefix = `${' '.repeat(column)}${key}:`,
): boolean {
  const { indent } = layout;
  if (value.kind === 'integer') {
    out.push(`${prefix} ${value.value}${writers.trailing(trailing)}`);
    return false;
  }
  if (value.kind === 'text') {
    const lines = scalarLines(value, column + indent);
    // After the last line of a multi-line scalar a comment would be part of a plain one; left out for all.
    out.push(`${prefix} ${lines[0]}${lines.length === 1 ? writers.trailing(trailing) : ''}`);
    out.push(...lines.slice(1));
    return value.style === 'literal-keep';
  }
  if (value.kind === 'map') {
    out.push(`${prefix}${writers.trailing(trailing)}`);
    let kept = false;
    for (const pair of value.pairs)
      kept = writeValue(out, writers, pair.key, pair.value, column + indent, layout, null);
    return kept;
  }
  const itemColumn = layout.indentSequences ? column + indent : column;
  const empty = value.kind === 'list' ? value.items.length === 0 : value.links.length === 0;
  out.push(`${prefix}${empty ? ' []' : ''}${writers.trailing(trailing)}`);
  let kept = false;
  if (value.kind === 'list') {
    for (const item of value.items) {
      if (item.comment !== null && !kept) writers.comment(item.comment, itemColumn);
      const lines = scalarLines(item.text, itemColumn + 2);
      out.push(`${' '.repeat(itemColumn)}- ${lines[0]}`, ...lines.slice(1));
      kept = item.text.style === 'literal-keep';
    }
    return kept;
  }
  const keyColumn = itemColumn + layout.linkKeyOffset;
  for (const link of value.links) {
    if (link.comment !== null && !kept) writers.comment(link.comment, itemColumn);
    link.pairs.forEach((pair, i) => {
      if (pair.comment !== null && !kept) writers.comment(pair.comment, keyColumn);
      const dash = `${' '.repeat(itemColumn)}-${' '.repeat(layout.linkKeyOffset - 1)}${pair.key}:`;
      kept = writeValue(
        out,
        writers,
        pair.key,
        pair.text,
        keyColumn,
        layout,
        pair.trailing,
        i === 0 ? dash : undefined,
      );
    });
  }
  return kept;
}

/** The lines of one scalar: the first follows `key: ` or `- `; the rest are already indented to `column`. */
function scalarLines(text: TextValue, column: number): string[] {
  const pad = ' '.repeat(column);
  const { value, style } = text;
  switch (style) {
    case 'plain':
      return [value];
    case 'plain-folded':
      return foldAtSpace(value, pad);
    case 'double':
      return [doubleQuoted(value, false)];
    case 'double-escaped':
      return [doubleQuoted(value, true)];
    case 'double-folded':
      return foldAtSpace(doubleQuoted(value, false), pad);
    case 'single':
      return [`'${value.replace(/'/g, "''")}'`];
    case 'single-folded':
      return foldAtSpace(`'${value.replace(/'/g, "''")}'`, pad);
    case 'literal':
    case 'literal-strip':
    case 'literal-keep': {
      const indicator = style === 'literal' ? '|' : style === 'literal-strip' ? '|-' : '|+';
      const body = value.replace(/\n+$/, '').split('\n');
      return [indicator, ...body.map((line) => `${pad}${line}`), ...(style === 'literal-keep' ? [''] : [])];
    }
    case 'folded':
    case 'folded-strip': {
      const indicator = style === 'folded' ? '>' : '>-';
      return [
        indicator,
        ...foldAtSpace(value.replace(/\n$/, ''), pad).map((line, i) => (i === 0 ? `${pad}${line}` : line)),
      ];
    }
  }
}

/**
 * Breaks a one-line scalar at a single space between two other characters (YAML reads the break back as
 * that space); the continuation is indented to `pad`. Unbroken when there is no such space.
 */
function foldAtSpace(line: string, pad: string): string[] {
  const spaces = [...line.matchAll(/(?<=[^ \\])[ ](?=[^ ])/g)].map((m) => m.index ?? 0);
  const at = spaces[Math.floor(spaces.length / 2)];
  if (
    at === undefined ||
    line.slice(at + 1).startsWith('#') ||
    /^[-?:,[\]{}#&*!|>'"%@`]/.test(line.slice(at + 1))
  )
    return [line];
  return [line.slice(0, at), `${pad}${line.slice(at + 1)}`];
}

function doubleQuoted(value: string, escapeNonAscii: boolean): string {
  const json = JSON.stringify(value);
  return escapeNonAscii
    ? json.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    : json;
}

function dataOf(entries: Entry[]): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const entry of entries) data[entry.key] = valueData(entry.value);
  return data;
}

function valueData(value: Value): unknown {
  switch (value.kind) {
    case 'text':
      return value.value;
    case 'integer':
      return value.value;
    case 'list':
      return value.items.map((item) => item.text.value);
    case 'map':
      return Object.fromEntries(value.pairs.map((pair) => [pair.key, valueData(pair.value)]));
    case 'links':
      return value.links.map((link) =>
        Object.fromEntries(link.pairs.map((pair) => [pair.key, pair.text.value])),
      );
  }
}
