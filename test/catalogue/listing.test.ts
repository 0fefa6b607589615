import { describe, expect, it } from 'vitest';
import { FAST_KIT } from '../../scripts/accel/fast-kit.ts';
import { personaOutline } from '../../scripts/core/catalogue-persona.ts';
import { MAX_CATALOGUE_FILE_BYTES } from '../../scripts/render/catalogue/catalogue-limits.ts';
import { buildCatalogueModel } from '../../scripts/render/catalogue/catalogue-model.ts';
import { partPath } from '../../scripts/render/catalogue/catalogue-paths.ts';
import { listingFiles, listingHeader } from '../../scripts/render/catalogue/listing.ts';
import { REFERENCE_KIT } from '../../scripts/render/catalogue/markdown-kit.ts';
import { list, root } from '../../scripts/render/catalogue/mdast.ts';
import { personaCard } from '../../scripts/render/catalogue/persona-card.ts';
import { serializeMarkdown } from '../../scripts/render/catalogue/serialize-markdown.ts';
import { tagListing } from '../../scripts/render/catalogue/tag-pages.ts';
import { generateLibrary, TEST_OPTIONS } from './catalogue-helpers.ts';

const layout = { splitExports: false, graph: 'per-product' as const };

describe('a listing page in numbered parts', () => {
  // 2,500 personas that all carry one tag: about 1.3 MB of cards, so `_tags/shared.md` takes three parts.
  const model = buildCatalogueModel(generateLibrary(2500, 10, { tags: ['shared'] }).map(personaOutline));
  const ctx = { model, options: TEST_OPTIONS, layout, tagDescriptions: { shared: 'Everyone.' } };
  const group = model.tags[0];
  if (!group) throw new Error('no tag');
  const listing = tagListing(group, ctx, FAST_KIT);
  const files = listingFiles(listing, FAST_KIT);

  it('cuts the list into parts under the cap, each holding the next cards, every card once', () => {
    expect(files.length).toBeGreaterThanOrEqual(3);
    expect(files.map((f) => f.path)).toEqual(files.map((_, index) => partPath('_tags/shared.md', index + 1)));
    let cards = 0;
    for (const file of files) {
      const text = file.parts.join('');
      expect(Buffer.byteLength(text)).toBeLessThanOrEqual(MAX_CATALOGUE_FILE_BYTES);
      cards += text.match(/^- \[/gm)?.length ?? 0;
    }
    expect(cards).toBe(2500);
  });

  it('is, part by part, its tree serialized whole, with either kit', () => {
    let start = 0;
    files.forEach((file, index) => {
      const text = file.parts.join('');
      const count = text.match(/^- \[/gm)?.length ?? 0;
      const personas = group.personas.slice(start, start + count);
      start += count;
      const tree = root([
        ...listingHeader(listing, index + 1, files.length),
        { ...list([]), children: personas.map((p) => personaCard(file.path, p)) },
      ]);
      expect(text).toBe(serializeMarkdown(tree));
    });
    const reference = listingFiles(tagListing(group, ctx, REFERENCE_KIT), REFERENCE_KIT);
    expect(reference.map((f) => f.parts.join(''))).toEqual(files.map((f) => f.parts.join('')));
  });

  it('links every part from every part', () => {
    for (const [index, file] of files.entries()) {
      const text = file.parts.join('');
      expect(text).toContain(`(part ${index + 1} of ${files.length})`);
      for (let other = 1; other <= files.length; other++)
        if (other !== index + 1) expect(text).toContain(`](${partPath('shared.md', other)})`);
    }
  });
});
