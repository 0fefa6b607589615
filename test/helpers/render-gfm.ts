import { compile, micromark, type Options, parse, postprocess, preprocess } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { gfmAutolinkLiteralHtml } from 'micromark-extension-gfm-autolink-literal';
import { gfmFootnoteHtml } from 'micromark-extension-gfm-footnote';
import { gfmStrikethroughHtml } from 'micromark-extension-gfm-strikethrough';
import { gfmTableHtml } from 'micromark-extension-gfm-table';
import { gfmTaskListItemHtml } from 'micromark-extension-gfm-task-list-item';

export interface GfmOptions {
  /**
   * GFM's tag filter, which turns `<script`, `<iframe`, `<style` … into text. GitHub applies it; the safety checks
   * turn it off to prove that the Markdown is inert by itself, without relying on it.
   */
  tagfilter?: boolean;
}

/**
 * Like `cmark-gfm --unsafe`: raw HTML (`allowDangerousHtml`) and `javascript:` links (`allowDangerousProtocol`)
 * stay in the output instead of being dropped, so any HTML or link that escaped the Markdown shows up in the
 * assertions. GitHub then sanitizes; the tests assert there is nothing to sanitize.
 */
const SYNTAX: Options = { allowDangerousHtml: true, allowDangerousProtocol: true, extensions: [gfm()] };

/** Every GFM HTML extension but the tag filter: `gfmHtml()` bundles them with it, so they are listed one by one. */
const WITHOUT_TAGFILTER: Options = {
  ...SYNTAX,
  htmlExtensions: [
    gfmAutolinkLiteralHtml(),
    gfmFootnoteHtml(),
    gfmStrikethroughHtml(),
    gfmTableHtml(),
    gfmTaskListItemHtml(),
  ],
};
const WITH_TAGFILTER: Options = { ...SYNTAX, htmlExtensions: [gfmHtml()] };

/**
 * Markdown rendered to HTML as GitHub's GFM does, before GitHub's sanitizer: micromark with all of GitHub's
 * extensions (tables, autolinks, strikethrough, task lists, footnotes, and the tag filter unless turned off).
 *
 * `npm run test:cmark` (run by .ci/run) holds this renderer to the Debian `cmark-gfm` on every catalogue page.
 */
export function renderGfm(markdown: string, { tagfilter = true }: GfmOptions = {}): string {
  return micromark(markdown, tagfilter ? WITH_TAGFILTER : WITHOUT_TAGFILTER);
}

/**
 * `renderGfm` with the tag filter (`html`, as GitHub shows it) and without it (`unfiltered`), from one parse.
 * The tag filter only changes the HTML step, and parsing is most of micromark's time on the catalogue's long
 * pages, so this halves the cost of the safety checks. A test holds it equal to two `renderGfm` calls.
 */
export function renderGfmBoth(markdown: string): { html: string; unfiltered: string } {
  // The steps `micromark()` itself chains. `compile` only marks lists loose or tight on the events, the same
  // way each time, so one parse can be compiled twice.
  const events = postprocess(
    parse(SYNTAX)
      .document()
      .write(preprocess()(markdown, undefined, true)),
  );
  const html = compile(WITH_TAGFILTER)(events);
  // The tag filter acts on raw HTML only; a page without any (as every catalogue page should be) needs no
  // second compile.
  const hasRawHtml = events.some(
    ([, token]) => token.type === 'htmlFlowData' || token.type === 'htmlTextData',
  );
  return { html, unfiltered: hasRawHtml ? compile(WITHOUT_TAGFILTER)(events) : html };
}
