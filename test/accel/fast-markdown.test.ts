import fc from 'fast-check';
import type { PhrasingContent, Root, RootContent, Text } from 'mdast';
import type { State } from 'mdast-util-to-markdown';
import { describe, expect, it } from 'vitest';
import { fastMarkdownProcessor } from '../../scripts/accel/fast-markdown.ts';
import { isInertText } from '../../scripts/accel/fast-markdown-handlers.ts';
import { encodeQueryValue } from '../../scripts/render/catalogue/contribute-links.ts';
import {
  bulletList,
  emphasis,
  heading,
  inlineCode,
  link,
  paragraph,
  root,
  strong,
  table,
  text,
} from '../../scripts/render/catalogue/mdast.ts';
import { MARKDOWN_SETTINGS, markdownProcessor } from '../../scripts/render/catalogue/serialize-markdown.ts';
import { blockNode, character, markdownText } from '../catalogue/markdown-arbitraries.ts';
import { randomStrings } from '../catalogue/random-strings.ts';
import { propertyRuns } from '../helpers/property-runs.ts';

const INERT_RUNS = propertyRuns(1000);

const fast = fastMarkdownProcessor();
const reference = markdownProcessor();

function expectSameMarkdown(tree: Root): void {
  expect(fast.stringify(structuredClone(tree))).toBe(reference.stringify(structuredClone(tree)));
}

/** Deterministic picks from a list. */
function picker(seed: number) {
  let state = seed >>> 0;
  return <T>(items: readonly T[]): T => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return items[state % items.length] as T;
  };
}

const URLS = [
  'https://github.com/o/r/new/main/contributions/x?filename=a_b.yaml&value=%23%20a',
  `https://github.com/o/r/new/main/x?value=${encodeQueryValue("it's (really) *50%* & more: #1 <b>")}`,
  'https://example.com/a&amp;b&#x26;c&',
  'https://example.com/(paren)',
  'https://example.com/with space',
  '../relative/page.md#anchor',
  '#contribute-to-this-persona',
  'mailto:someone@example.com',
  'https://example.com/',
  '',
];

describe('the fast handlers write what the default handlers write', () => {
  it('on random text, labels and URLs in paragraphs, headings, lists and tables', () => {
    const strings = randomStrings(6000, 7);
    const pick = picker(11);
    for (let start = 0; start + 12 <= strings.length; start += 12) {
      const s = strings.slice(start, start + 12) as string[];
      const phrasing = (): PhrasingContent[] => [
        text(s[0] ?? ''),
        link(pick(URLS), text(s[1] ?? '')),
        text(pick([' · ', ', ', '', ' ', ': ', '\n'])),
        pick([
          strong(text(s[2] ?? '')),
          emphasis(text(s[3] ?? '')),
          inlineCode(s[4] ?? ''),
          text(s[5] ?? ''),
        ]),
        link(pick(URLS), text(pick([s[6] ?? '', 'https://example.com/', 'someone@example.com']))),
        text(s[7] ?? ''),
      ];
      const children: RootContent[] = [
        heading(2, text(s[8] ?? '')),
        paragraph(...phrasing()),
        bulletList([phrasing(), [text(s[9] ?? '')]]),
        table([[text('A')], [text(s[10] ?? '')]], [[phrasing(), [link(pick(URLS), text(s[11] ?? ''))]]]),
      ];
      expectSameMarkdown(root(children));
    }
  });

  it('on texts that only differ in their surroundings', () => {
    for (const value of [
      ' a',
      'a ',
      '1. a',
      '1) a',
      '- a',
      'a - b',
      'www.x',
      'W.x',
      'x.',
      'a: b',
      'a:b',
      'review.',
      'review. Next',
      'review.x',
      'w._',
      'W.-',
      'APP-2959)',
      '2026-10-06.',
      'a 12.',
      ' 12.',
      '12.',
      '\t3)',
      'a3)',
      'a!',
      'a&b',
      'a & b',
    ])
      for (const before of [
        text('x'),
        text('1'),
        text('\n'),
        text('['),
        text(']'),
        text('!'),
        text('&'),
        text('W'),
      ])
        expectSameMarkdown(root([paragraph(before, text(value), text('\n')), paragraph(text(value))]));
  });

  it('on marks at the edges of texts, next to links, code and other texts, in every container', () => {
    const values = [
      ')',
      '(',
      '.',
      ':',
      '!',
      '&',
      '-',
      ' -',
      '- ',
      ' ',
      'a',
      '1',
      'w',
      ']',
      '[',
      ' (',
      ') ',
      'a:',
      ':b',
    ];
    const neighbours: PhrasingContent[] = [
      text('x'),
      text('1'),
      text('W'),
      text('-'),
      text(':'),
      text('/'),
      text(']'),
      text(' '),
      text('\n'),
      link('https://example.com/a', text('label')),
      link('../page.md', text('x')),
      inlineCode('code'),
      inlineCode('a|b'),
      strong(text('s')),
    ];
    for (const value of values)
      for (const before of neighbours)
        for (const after of [
          text('x'),
          text('['),
          text('-'),
          text('/'),
          link('#a', text('b')),
          inlineCode('c'),
        ]) {
          const phrasing = (): PhrasingContent[] => [
            structuredClone(before),
            text(value),
            structuredClone(after),
            text(value),
          ];
          expectSameMarkdown(
            root([
              heading(2, ...phrasing()),
              paragraph(...phrasing()),
              paragraph(text(value), structuredClone(after)),
              bulletList([phrasing(), [text(value)]]),
              table([[text(value)], [text('B')]], [[phrasing(), [text(value), structuredClone(before)]]]),
            ]),
          );
        }
  });

  it('isInertText accepts everyday text and refuses what could be escaped', () => {
    expect(isInertText('Plain words, with (parentheses); 50% and “quotes”.', '', '')).toBe(true);
    for (const value of [
      '',
      '*a*',
      '_a_',
      'a\nb',
      '1. a',
      '1) a',
      '- a',
      'www.x',
      'a:',
      'a!',
      'a&b',
      '<b>',
      '[a]',
    ])
      expect(isInertText(value, '', ''), value).toBe(false);
  });

  // fast-check, with a fixed seed so a run is repeatable; a failure prints the shrunk tree and the seed.
  it('on random trees of headings, paragraphs, lists and tables (fast-check)', () => {
    fc.assert(
      fc.property(fc.array(blockNode, { minLength: 1, maxLength: 4 }), (children) => {
        expectSameMarkdown(root(children));
      }),
      { seed: 15, numRuns: propertyRuns(200) },
    );
  });

  it('isInertText only accepts text that `state.safe` leaves unchanged between the same neighbours (fast-check)', () => {
    const oneCharacter = fc.oneof(
      fc.constant(''),
      character.map((piece) => piece.charAt(0)),
    );
    // The reference serializer with a text handler that asks `safe` about the value between the given
    // neighbours, in a paragraph, a heading and a table cell (each brings its own unsafe patterns).
    let neighbours = { before: '', after: '' };
    const written: string[] = [];
    const probe = markdownProcessor().data('settings', {
      ...MARKDOWN_SETTINGS,
      handlers: {
        text: (node: Text, _parent: unknown, state: State) => {
          written.push(state.safe(node.value, neighbours));
          return node.value;
        },
      },
    });
    let inert = 0;
    fc.assert(
      // `after` is one character, as the serializer gives it (the first one the next node writes).
      fc.property(markdownText(), markdownText(2), oneCharacter, (value, before, after) => {
        if (!isInertText(value, before, after)) return;
        inert++;
        neighbours = { before, after };
        written.length = 0;
        probe.stringify(root([paragraph(text(value)), heading(2, text(value)), table([[text(value)]], [])]));
        expect(written).toEqual([value, value, value]);
      }),
      { seed: 15, numRuns: INERT_RUNS },
    );
    // Enough of the generated texts must be inert, or the property says little (of 2,000: over 200).
    expect(inert).toBeGreaterThan(INERT_RUNS / 10);
  });
});
