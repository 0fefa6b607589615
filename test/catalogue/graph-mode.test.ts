import { describe, expect, it } from 'vitest';
import { buildCatalogueModel } from '../../scripts/render/catalogue/catalogue-model.ts';
import { graphMode, graphPage } from '../../scripts/render/catalogue/graph-page.ts';
import { serializeMarkdown } from '../../scripts/render/catalogue/serialize-markdown.ts';
import { generateLibrary, TEST_OPTIONS } from './catalogue-helpers.ts';

describe('the graph switches to one per product above 300 personas', () => {
  it.each([
    [300, 1],
    [301, 12],
  ])('%i personas → %i Mermaid graphs', (count, graphs) => {
    const model = buildCatalogueModel(generateLibrary(count, 12));
    const layout = { tagPages: false, splitExports: false, graph: 'single' as const };
    const page = serializeMarkdown(graphPage({ model, options: TEST_OPTIONS, layout }, graphMode(model)));
    expect(page.match(/```mermaid/g)).toHaveLength(graphs);
  });
});
