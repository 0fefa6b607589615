import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderCommentBody } from '../../scripts/render/bot/comment-body.ts';
import { renderCatalogue } from '../../scripts/render/catalogue/render-catalogue.ts';
import { COMMENT_CONTEXT, hostileReport, report, sha } from '../bot/bot-fixtures.ts';
import { FIXTURES, generateLibrary, TEST_OPTIONS } from '../catalogue/catalogue-helpers.ts';
import { listFiles } from '../helpers/golden.ts';
import { REPO_ROOT } from '../helpers/run-cli.ts';
import { crossCheck } from './cross-check.ts';

/**
 * `npm test` renders GFM with micromark (test/helpers/render-gfm.ts); this project, which .ci/run runs with the
 * Debian cmark-gfm installed, holds micromark to GitHub's own renderer on every page the project makes.
 */
type Pages = Array<[string, string]>;

function pagesIn(dir: string): Pages {
  return listFiles(dir)
    .filter((file) => file.endsWith('.md'))
    .map((file) => [
      path.relative(REPO_ROOT, path.join(dir, file)),
      readFileSync(path.join(dir, file), 'utf8'),
    ]);
}

/**
 * The generated large library: every page that is not a persona page, and one persona page of each product (the
 * others differ from it only in their numbers; micromark takes about a second a megabyte).
 */
function generatedLibraryPages(): Pages {
  const { files } = renderCatalogue(generateLibrary(1200, 12), TEST_OPTIONS);
  const productsSeen = new Set<string>();
  const pages: Pages = [];
  for (const [file, text] of files) {
    if (!file.endsWith('.md')) continue;
    const product = /^(product-\d+)\/product-/.exec(file)?.[1];
    if (product !== undefined) {
      if (productsSeen.has(product)) continue;
      productsSeen.add(product);
    }
    pages.push([`generated/${file}`, text]);
  }
  return pages;
}

const SOURCES: Array<[string, number, () => Pages]> = [
  ['the shipped catalogue', 20, () => pagesIn(path.join(REPO_ROOT, 'catalogue'))],
  ...readdirSync(FIXTURES)
    .filter((name) => existsSync(path.join(FIXTURES, name, 'expected')))
    .sort()
    .map((name): [string, number, () => Pages] => [
      `the ${name} fixture's catalogue`,
      5,
      () => pagesIn(path.join(FIXTURES, name, 'expected')),
    ]),
  ['a generated library of 1,200 personas', 200, generatedLibraryPages],
  [
    "the pull-request bot's comments",
    2,
    () => [
      ['comment with hostile text', renderCommentBody(hostileReport(), COMMENT_CONTEXT)],
      ['comment with no problem', renderCommentBody(report(sha('head'), []), COMMENT_CONTEXT)],
    ],
  ],
];

describe.each(SOURCES)('%s', (name, minimum, pages) => {
  it('renders to the same HTML tree with micromark and cmark-gfm, on every page', () => {
    const result = crossCheck(pages());
    console.info(
      `${name}: ${result.pages} pages cross-checked, ${result.byteIdentical} byte-identical, ` +
        `${result.mismatches.length} structural mismatches`,
    );
    expect(result.mismatches).toEqual([]);
    expect(result.pages).toBeGreaterThanOrEqual(minimum);
  });
});

describe('the cross-check', () => {
  // Footnotes are the one GFM construct the two write differently: micromark writes the markup GitHub shows
  // after its post-processing (`user-content-` ids), cmark-gfm its raw output. No page of ours has footnotes.
  it('reports a page on which the two renderers disagree, with the first node that differs (so a pass means something)', () => {
    const result = crossCheck([['footnote.md', 'A claim.[^1]\n\n[^1]: Its source.\n']]);
    expect(result).toEqual({
      pages: 1,
      byteIdentical: 0,
      mismatches: ['tag filter on', 'tag filter off'].map(
        (setting) =>
          `footnote.md (${setting}): at p[1] > [2], micromark has <sup>, cmark-gfm has <sup class="footnote-ref">`,
      ),
    });
  });

  it('passes a page the two render alike, raw HTML and the tag filter included', () => {
    const page =
      '# Title\n\n<script>x</script>\n\n| a | b |\n| - | :-: |\n| ~~c~~ | www.example.com |\n\n- [ ] task\n';
    expect(crossCheck([['page.md', page]])).toEqual({ pages: 1, byteIdentical: 1, mismatches: [] });
  });
});
