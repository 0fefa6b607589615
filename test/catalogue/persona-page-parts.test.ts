import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FAST_KIT } from '../../scripts/accel/fast-kit.ts';
import { catalogueEntryOf } from '../../scripts/render/catalogue/catalogue-entry.ts';
import { layOutCatalogue, renderUnit } from '../../scripts/render/catalogue/catalogue-units.ts';
import { REFERENCE_KIT } from '../../scripts/render/catalogue/markdown-kit.ts';
import { personaPageFromInput } from '../../scripts/render/catalogue/persona-page.ts';
import { serializeMarkdown } from '../../scripts/render/catalogue/serialize-markdown.ts';
import { CASES, FIXTURES, loadPersonas, TEST_OPTIONS } from './catalogue-helpers.ts';

// Pages are written in parts so that none is one huge string; the parts must be exactly the whole page.
describe('persona page parts', () => {
  it.each(CASES)(
    '%s: concatenated, the parts are the page serialized whole, with either kit',
    async (name) => {
      const personas = await loadPersonas(path.join(FIXTURES, name, 'input'));
      const byFile = new Map(personas.map((p) => [p.file, p]));
      const entries = new Map(personas.map((p) => [p.file, catalogueEntryOf(p)]));
      const pages = layOutCatalogue(entries, TEST_OPTIONS, REFERENCE_KIT).units.filter(
        (unit) => unit.type === 'persona-page',
      );
      expect(pages).toHaveLength(personas.length);
      for (const unit of pages) {
        const persona = byFile.get(unit.personas[0] as string);
        if (!persona) throw new Error(`no persona for ${unit.key}`);
        const whole = serializeMarkdown(
          personaPageFromInput({ persona, ...(unit.input as object) } as never, TEST_OPTIONS),
        );
        for (const kit of [REFERENCE_KIT, FAST_KIT]) {
          const [file] = renderUnit(unit, [persona], TEST_OPTIONS, kit);
          expect(file?.parts.length).toBeGreaterThan(1);
          expect(file?.parts.join('')).toBe(whole);
        }
      }
    },
  );
});
