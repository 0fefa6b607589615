import GithubSlugger from 'github-slugger';

/**
 * The `#fragment` of each heading, in page order, the way GitHub makes them: a repeated slug gets `-1`, `-2`, …
 * so a product or tag named like a fixed heading ("tags", "products") still gets a working link.
 */
export function headingAnchors(headings: readonly string[]): string[] {
  const slugger = new GithubSlugger();
  return headings.map((heading) => `#${slugger.slug(heading)}`);
}
