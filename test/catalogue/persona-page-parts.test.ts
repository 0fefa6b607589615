import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { personaPageFromInput } from '../../scripts/render/catalogue/persona-page.ts';
import { planCatalogue, renderPersonaPageParts } from '../../scripts/render/catalogue/render-catalogue.ts';
import { serializeMarkdown } from '../../scripts/render/catalogue/serialize-markdown.ts';
import { CASES, FIXTURES, loadPersonas, TEST_OPTIONS } from './catalogue-helpers.ts';

// Pages are written in parts so that none is one huge string; the parts must be exactly the whole page.
describe('persona page parts', () => {
  it.each(CASES)('%s: concatenated, the parts are the page serialized whole', async (name) => {
    const personas = await loadPersonas(path.join(FIXTURES, name, 'input'));
    const { personaPages } = planCatalogue(personas, TEST_OPTIONS);
    expect(personaPages.length).toBeGreaterThan(0);
    for (const { input } of personaPages) {
      const parts = renderPersonaPageParts(input, TEST_OPTIONS);
      expect(parts.length).toBeGreaterThan(1);
      expect(parts.join('')).toBe(serializeMarkdown(personaPageFromInput(input, TEST_OPTIONS)));
    }
  });
});
