import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastPersonaContributeLinks as personaContributeLinks } from '../../scripts/accel/fast-contribute-links.ts';
import { fastMarkdownProcessor } from '../../scripts/accel/fast-markdown.ts';
import { SECTION_ORDER } from '../../scripts/core/persona-fields.ts';
import {
  type ContributeLinkOptions,
  contributeLinks,
  MAX_CONTRIBUTE_URL_LENGTH,
  type PageTarget,
} from '../../scripts/render/catalogue/contribute-links.ts';
import type { ContributionAction } from '../../scripts/render/catalogue/contribution-template.ts';
import { link, paragraph, root, text } from '../../scripts/render/catalogue/mdast.ts';
import { markdownProcessor } from '../../scripts/render/catalogue/serialize-markdown.ts';
import { markdownText } from '../catalogue/markdown-arbitraries.ts';
import { randomStrings } from '../catalogue/random-strings.ts';

const OPTIONS: ContributeLinkOptions[] = [
  { repositoryUrl: 'https://github.com/persona-library/persona-library', branch: 'main' },
  { repositoryUrl: 'https://github.com/o/r/', branch: 'release/2.0' },
  // Not plain: no destinations, and the serializer escapes the URL itself.
  { repositoryUrl: 'https://example.com/a b&c(d)', branch: 'ma in' },
];

const reference = markdownProcessor();
const fast = fastMarkdownProcessor();

/** Every kind of target a page has, and one target for each of `texts` as `original`. */
function targets(texts: readonly string[]): PageTarget[] {
  const actions: ContributionAction[] = ['confirm', 'correct', 'extend'];
  const out: PageTarget[] = [];
  for (const field of SECTION_ORDER)
    for (const action of actions) out.push({ field, action }, { field, action, item: 3 });
  texts.forEach((original, index) => {
    const field = SECTION_ORDER[index % SECTION_ORDER.length] ?? 'goals';
    const action = actions[index % actions.length] ?? 'correct';
    out.push({ field, action: 'correct', original }, { field, action, item: 1 + (index % 12), original });
  });
  return out;
}

const LONG = 'A sentence of about sixty characters, said again and again. '.repeat(70);
const TEXTS = [
  ...randomStrings(400, 5),
  'Review the shared calendar when a customer escalates.',
  '12: not plain YAML',
  '# a comment?',
  'true',
  'ends with a space ',
  'two\n\nparagraphs',
  '😀 emoji and “quotes” — and a dash',
  LONG,
  LONG.repeat(2),
  LONG.slice(0, MAX_CONTRIBUTE_URL_LENGTH / 3),
];

describe('fastPersonaContributeLinks', () => {
  it('makes exactly the links contributeLinks makes, whatever the persona and texts', () => {
    const personas = [
      { slug: 'atlasbase-analytics-steward', id: 'APP-2959', title: 'The Atlasbase Analytics Steward' },
      { slug: 'odd/slug', id: 'APP-001', title: "It's (really) *50%* & more: #1 <b> 😀" },
      { slug: 'x', id: 'APP-002', title: `${LONG.slice(0, 300)}  spaced   out ` },
    ];
    for (const options of OPTIONS)
      for (const persona of personas) {
        const made = personaContributeLinks(persona, options);
        for (const target of targets(TEXTS)) {
          const expected = contributeLinks({ ...persona, ...target }, options);
          const actual = made(target);
          expect(actual.map(({ label, url }) => ({ label, url }))).toEqual(expected);
        }
      }
  });

  it('gives destinations that serialize as the URLs themselves would', () => {
    for (const options of OPTIONS) {
      const made = personaContributeLinks({ slug: 's', id: 'APP-003', title: 'T & (t)' }, options);
      for (const target of targets(TEXTS.slice(0, 60)))
        for (const each of made(target)) {
          if (options === OPTIONS[2]) expect(each.destination).toBeUndefined();
          const withData = link(each.url, text(each.label));
          if (each.destination !== undefined) withData.data = { destination: each.destination };
          const tree = root([paragraph(text('see '), withData, text(' (form)'))]);
          expect(fast.stringify(tree)).toBe(
            reference.stringify(
              root([paragraph(text('see '), link(each.url, text(each.label)), text(' (form)'))]),
            ),
          );
        }
    }
  });

  // fast-check, with a fixed seed: any persona and target, the links and their serialization both as the
  // reference makes them.
  it('makes the links contributeLinks makes, and destinations that serialize as their URLs (fast-check)', () => {
    const kebab = fc.stringMatching(/^[a-z0-9]{1,8}(?:-[a-z0-9]{1,8}){0,3}$/);
    const persona = fc.record({
      slug: fc.oneof(kebab, markdownText(8)),
      id: fc.oneof(fc.constantFrom('APP-101', 'APP-2959'), markdownText(4)),
      title: markdownText(30),
    });
    const target: fc.Arbitrary<PageTarget> = fc.record(
      {
        field: fc.constantFrom(...SECTION_ORDER),
        action: fc.constantFrom<ContributionAction>('confirm', 'correct', 'extend'),
        item: fc.integer({ min: 1, max: 12 }),
        original: fc.oneof(
          { weight: 4, arbitrary: markdownText(40) },
          // Long enough that a link must leave it out.
          { weight: 1, arbitrary: markdownText(8).map((piece) => `${piece}${LONG.slice(0, 2500)}`) },
        ),
      },
      { requiredKeys: ['field', 'action'] },
    );
    fc.assert(
      fc.property(
        persona,
        fc.constantFrom(...OPTIONS),
        fc.array(target, { minLength: 1, maxLength: 4 }),
        (who, options, wanted) => {
          const made = personaContributeLinks(who, options);
          for (const each of wanted) {
            const actual = made(each);
            expect(actual.map(({ label, url }) => ({ label, url }))).toEqual(
              contributeLinks({ ...who, ...each }, options),
            );
            for (const one of actual) {
              const withData = link(one.url, text(one.label));
              if (one.destination !== undefined) withData.data = { destination: one.destination };
              expect(fast.stringify(root([paragraph(text('see '), withData)]))).toBe(
                reference.stringify(root([paragraph(text('see '), link(one.url, text(one.label)))])),
              );
            }
          }
        },
      ),
      { seed: 15, numRuns: 300 },
    );
  });
});
