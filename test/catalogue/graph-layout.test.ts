import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type PersonaOutline, personaOutline } from '../../scripts/core/catalogue-persona.ts';
import { buildCatalogueModel } from '../../scripts/render/catalogue/catalogue-model.ts';
import { chartsOf } from '../../scripts/render/catalogue/graph-page.ts';
import {
  type Chart,
  COLUMN_WIDTH,
  chartWidth,
  LABEL_PX,
  labelLines,
  MAX_CHART_NODES,
  MAX_CHART_WIDTH,
  MERMAID_MAX_CHARS,
  MIN_LABEL_PX,
  mermaidChart,
  relationshipEdges,
} from '../../scripts/render/catalogue/mermaid-flowchart.ts';
import { REPO_ROOT } from '../helpers/run-cli.ts';
import { generateLibrary, loadPersonas } from './catalogue-helpers.ts';

/** The size a 16 px label is drawn at once GitHub shrinks a chart of this natural width to its column. */
function labelPxAt980(width: number): number {
  return width <= COLUMN_WIDTH ? LABEL_PX : (LABEL_PX * COLUMN_WIDTH) / (width + 16);
}

/** Every chart of every product, and a check that each edge touching a product is drawn there exactly once. */
function chartsOfLibrary(outlines: readonly PersonaOutline[]): Chart[] {
  const model = buildCatalogueModel(outlines);
  const edges = relationshipEdges(model.personas);
  const all: Chart[] = [];
  for (const group of model.products) {
    const charts = chartsOf(group, model);
    const drawn = charts.flatMap((chart) => chart.edges);
    const touching = edges.filter((e) => e.from.product === group.product || e.to.product === group.product);
    expect(drawn).toHaveLength(touching.length);
    expect(new Set(drawn)).toEqual(new Set(touching));
    // Every persona of the product is drawn as its own in exactly one chart.
    const own = charts.flatMap((chart) => chart.own);
    expect(own.filter((p) => p.product === group.product).sort()).toEqual([...group.personas].sort());
    all.push(...charts);
  }
  return all;
}

function expectReadable(charts: readonly Chart[]): void {
  for (const chart of charts) {
    const width = chartWidth(chart);
    expect(width).toBeLessThanOrEqual(MAX_CHART_WIDTH);
    expect(labelPxAt980(width)).toBeGreaterThanOrEqual(MIN_LABEL_PX);
    expect(chart.own.length + chart.external.length).toBeLessThanOrEqual(MAX_CHART_NODES);
    const source = mermaidChart(chart);
    expect(source.length).toBeLessThanOrEqual(MERMAID_MAX_CHARS);
    expect(source.startsWith('flowchart TB\n')).toBe(true);
  }
}

describe('the relationship graph is readable at 980 px (layout rule: no label under 10 px)', () => {
  it('holds for the shipped library', async () => {
    const personas = await loadPersonas(REPO_ROOT);
    const charts = chartsOfLibrary(personas.map(personaOutline));
    expect(charts.length).toBeGreaterThanOrEqual(8);
    expectReadable(charts);
  });

  it('holds for a generated library of 600 personas (links within and across products)', () => {
    expectReadable(chartsOfLibrary(generateLibrary(600, 12).map(personaOutline)));
  });

  it('holds for random link structures, long titles and many links per persona (fast-check)', () => {
    const library = fc
      .record({
        size: fc.integer({ min: 1, max: 30 }),
        products: fc.integer({ min: 1, max: 4 }),
        links: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('pairs-with', 'contrast', 'use-with')), {
          maxLength: 80,
        }),
        titleWords: fc.array(fc.stringMatching(/^[A-Za-z]{1,30}$/), { minLength: 1, maxLength: 12 }),
      })
      .map(({ size, products, links, titleWords }) => {
        const personas = generateLibrary(size, products).map((p, index) => ({
          ...p,
          title: `${titleWords.join(' ')} ${index}`,
          composability: [] as typeof p.composability,
        }));
        for (const [a, b, relation] of links) {
          const from = personas[a % size];
          const to = personas[b % size];
          if (!from || !to || from === to || from.composability.some((l) => l.persona === to.slug)) continue;
          if (from.composability.length >= 24) continue;
          from.composability.push({ persona: to.slug, relation: relation as 'contrast', note: 'n' });
        }
        return personas;
      });
    fc.assert(
      fc.property(library, (personas) => expectReadable(chartsOfLibrary(personas.map(personaOutline)))),
      { seed: 17, numRuns: 60 },
    );
  });

  it('fails personas drawn side by side in one rank, as the old left-to-right chart did (a pass means something)', async () => {
    const personas = (await loadPersonas(REPO_ROOT)).map(personaOutline);
    const sideBySide: Chart = { own: [], external: personas, edges: [] };
    expect(chartWidth(sideBySide)).toBeGreaterThan(MAX_CHART_WIDTH);
    expect(labelPxAt980(chartWidth(sideBySide))).toBeLessThan(MIN_LABEL_PX);
  });

  it('wraps labels at 20 characters between words', () => {
    expect(labelLines('The PagerDuty On-Call Engineer')).toEqual(['The PagerDuty', 'On-Call Engineer']);
    expect(labelLines('A'.repeat(45))).toEqual(['A'.repeat(20), 'A'.repeat(20), 'A'.repeat(5)]);
    expect(labelLines('')).toEqual(['']);
  });
});
