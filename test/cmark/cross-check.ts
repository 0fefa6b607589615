import { spawnSync } from 'node:child_process';
import { firstStructuralDifference } from '../helpers/html-structure.ts';
import { type GfmOptions, renderGfmBoth } from '../helpers/render-gfm.ts';

/** GitHub's GFM extensions, as the Debian `cmark-gfm` names them; `renderGfm` turns on the same ones. */
const EXTENSIONS = ['table', 'autolink', 'strikethrough', 'tasklist', 'footnotes'];

/**
 * GitHub's own GFM renderer, as the Debian `cmark-gfm` package ships it. `--unsafe` keeps raw HTML and
 * `javascript:` links, as `renderGfm` does. Missing cmark-gfm fails loudly: .ci/run installs it.
 */
export function cmarkGfm(markdown: string, { tagfilter = true }: GfmOptions = {}): string {
  const extensions = [...EXTENSIONS, ...(tagfilter ? ['tagfilter'] : [])];
  const result = spawnSync('cmark-gfm', ['--unsafe', ...extensions.flatMap((e) => ['--extension', e])], {
    input: markdown,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error || result.status !== 0)
    throw new Error(
      'cmark-gfm is required for the cross-check and could not be run ' +
        `(${result.error?.message ?? `exit ${result.status}: ${result.stderr}`}). ` +
        'Install it with `apt-get install cmark-gfm`; .ci/run does.',
    );
  return result.stdout;
}

export interface CrossCheck {
  /** Pages compared, each with the tag filter on (as GitHub renders) and off (as the safety checks do). */
  pages: number;
  /** Pages whose HTML was the same byte for byte, in both settings (the rest agree, or are mismatches). */
  byteIdentical: number;
  /** One line per page and setting whose trees differ, naming the first node that differs. */
  mismatches: string[];
}

/** Renders each `[name, markdown]` page with micromark (`renderGfmBoth`) and cmark-gfm, and compares the trees. */
export function crossCheck(pages: Iterable<readonly [string, string]>): CrossCheck {
  const result: CrossCheck = { pages: 0, byteIdentical: 0, mismatches: [] };
  for (const [name, markdown] of pages) {
    result.pages++;
    const micromark = renderGfmBoth(markdown);
    const settings = [
      ['tag filter on', micromark.html, cmarkGfm(markdown)],
      ['tag filter off', micromark.unfiltered, cmarkGfm(markdown, { tagfilter: false })],
    ] as const;
    let identical = true;
    for (const [setting, ours, theirs] of settings) {
      if (ours === theirs) continue;
      identical = false;
      const difference = firstStructuralDifference(ours, theirs);
      if (difference)
        result.mismatches.push(
          `${name} (${setting}): at ${difference.path}, micromark has ${difference.left}, cmark-gfm has ${difference.right}`,
        );
    }
    if (identical) result.byteIdentical++;
  }
  return result;
}
