import fc from 'fast-check';
import type { PhrasingContent, RootContent, Table } from 'mdast';
import { encodeQueryValue } from '../../scripts/render/catalogue/contribute-links.ts';
import {
  bulletList,
  emphasis,
  heading,
  inlineCode,
  link,
  paragraph,
  strong,
  table,
  text,
  untrusted,
  untrustedLine,
} from '../../scripts/render/catalogue/mdast.ts';

/**
 * fast-check arbitraries for the equivalence tests of the catalogue's shortcuts: text made of what Markdown
 * escapes (every ASCII mark), what it treats as space or a line break, letters and digits that complete an
 * autolink or a list number, and any Unicode grapheme.
 */

const MARKS = [...'!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~'];
const SPACES_AND_BREAKS = [
  '\n',
  '\r',
  '\r\n',
  '\t',
  ' ',
  '  ',
  '\u00a0',
  '\u2028',
  '\u0085',
  '\ufeff',
  '\u2060',
];
/**
 * Pieces that only mean something together: list numbers, a table delimiter, autolinks, character references,
 * `](`, an escape.
 */
const SEQUENCES = `1. 1) - * # :- w. www. http:// https://x.y &amp; &#35; ]( ![ <b> \\`.split(' ');

export const character: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...'aAwWxz09') },
  { weight: 4, arbitrary: fc.constantFrom(...MARKS) },
  { weight: 2, arbitrary: fc.constantFrom(...SPACES_AND_BREAKS) },
  { weight: 1, arbitrary: fc.constantFrom(...SEQUENCES) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }) },
);

/** Up to `maxLength` pieces of `character`. */
export const markdownText = (maxLength = 12): fc.Arbitrary<string> =>
  fc.string({ unit: character, maxLength });

/** URLs as the catalogue makes them (percent-encoded queries), as people write them, and anything at all. */
export const url: fc.Arbitrary<string> = fc.oneof(
  markdownText().map((value) => `https://github.com/o/r/new/main/x?value=${encodeQueryValue(value)}&b=1`),
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc.constantFrom('#contribute', '../page.md#anchor', 'mailto:someone@example.com', 'https://example.com/'),
  markdownText(),
);

/** A phrasing node: text (as written, or as persona text goes in), a link, inline code, strong or emphasis. */
export const phrasingNode: fc.Arbitrary<PhrasingContent> = fc.oneof(
  { weight: 4, arbitrary: markdownText().map(text) },
  { weight: 1, arbitrary: markdownText().map(untrusted) },
  { weight: 1, arbitrary: markdownText().map(untrustedLine) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(url, markdownText(), fc.option(markdownText(), { nil: undefined }))
      .map(([to, label, title]) => ({ ...link(to, text(label)), ...(title === undefined ? {} : { title }) })),
  },
  // A link whose text is its URL: written as an autolink.
  { weight: 1, arbitrary: url.map((to) => link(to, text(to))) },
  { weight: 1, arbitrary: markdownText().map(inlineCode) },
  { weight: 1, arbitrary: markdownText().map((value) => strong(text(value))) },
  { weight: 1, arbitrary: markdownText().map((value) => emphasis(text(value))) },
);

export const phrasing = (maxLength = 5): fc.Arbitrary<PhrasingContent[]> =>
  fc.array(phrasingNode, { maxLength });

/** A table with random cells and alignment. */
export const markdownTable: fc.Arbitrary<Table> = fc
  .integer({ min: 1, max: 3 })
  .chain((columns) =>
    fc.tuple(
      fc.array(phrasing(3), { minLength: columns, maxLength: columns }),
      fc.array(fc.array(phrasing(3), { minLength: 1, maxLength: columns + 1 }), { maxLength: 3 }),
      fc.array(fc.constantFrom('left', 'right', 'center', null), { minLength: columns, maxLength: columns }),
    ),
  )
  .map(([header, rows, align]) => ({ ...table(header, rows), align }));

/** The block nodes a catalogue page is made of, with random phrasing in them. */
export const blockNode: fc.Arbitrary<RootContent> = fc.oneof(
  fc
    .tuple(fc.constantFrom(1, 2, 3, 6) as fc.Arbitrary<1 | 2 | 3 | 6>, phrasing())
    .map(([depth, children]) => heading(depth, ...children)),
  phrasing().map((children) => paragraph(...children)),
  fc.array(phrasing(), { minLength: 1, maxLength: 3 }).map(bulletList),
  markdownTable,
);
