import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CataloguePersona } from '../../scripts/core/catalogue-persona.ts';
import { LIST_FIELDS, TEXT_FIELDS } from '../../scripts/core/persona-fields.ts';
import {
  catalogueEntryOf,
  personasCsvBytes,
  personasJsonBytes,
} from '../../scripts/render/catalogue/catalogue-entry.ts';
import { exportPersonaData } from '../../scripts/render/catalogue/export-persona-data.ts';
import { personasCsv } from '../../scripts/render/catalogue/personas-csv.ts';
import { personasJson } from '../../scripts/render/catalogue/personas-json.ts';
import { propertyRuns } from '../helpers/property-runs.ts';
import { generateLibrary } from './catalogue-helpers.ts';
import { character } from './markdown-arbitraries.ts';

const text = fc.array(character, { maxLength: 20 }).map((pieces) => pieces.join(''));

/** A generated persona with its texts, tags and community replaced by random (often hostile) values. */
const persona: fc.Arbitrary<CataloguePersona> = fc
  .record({
    index: fc.nat({ max: 40 }),
    texts: fc.array(text, { minLength: TEXT_FIELDS.length, maxLength: TEXT_FIELDS.length }),
    lists: fc.array(fc.array(text, { maxLength: 4 }), {
      minLength: LIST_FIELDS.length,
      maxLength: LIST_FIELDS.length,
    }),
    tags: fc.array(text, { maxLength: 3 }),
    confirmations: fc.option(fc.nat({ max: 1000 }), { nil: undefined }),
  })
  .map(({ index, texts, lists, tags, confirmations }) => {
    const base = generateLibrary(41, 3)[index] as CataloguePersona;
    const out: Record<string, unknown> = { ...base, tags };
    TEXT_FIELDS.forEach((field, i) => {
      out[field] = texts[i];
    });
    LIST_FIELDS.forEach((field, i) => {
      out[field] = lists[i];
    });
    if (confirmations !== undefined) out.community = { confirmations, contributors: tags };
    return out as CataloguePersona;
  });

// The layout decides whether the exports fit in one file from these sizes alone, without rendering them.
describe('export sizes from catalogue entries', () => {
  it('equal the bytes of personas.json and personas.csv exactly (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.array(persona, { maxLength: 6 }),
        fc.constantFrom('..', '../..', 'a b/"c"'),
        (personas, root) => {
          const entries = personas.map(catalogueEntryOf);
          const schemaRef = `${root}/schemas/catalogue.schema.json`;
          expect(personasJsonBytes(entries, schemaRef)).toBe(
            Buffer.byteLength(personasJson(personas, schemaRef)),
          );
          expect(personasCsvBytes(entries)).toBe(Buffer.byteLength(personasCsv(personas)));
          // What the parts of a split export are cut by: the data at an indentation of four.
          personas.forEach((p, i) => {
            const indentedByFour = JSON.stringify(exportPersonaData(p), null, 4);
            expect(entries[i]?.chunkBytes).toBe(Buffer.byteLength(indentedByFour));
          });
          // The outline is plain data, the same after a trip through the store's JSON.
          for (const entry of entries)
            expect(JSON.parse(JSON.stringify(entry.outline))).toEqual(entry.outline);
        },
      ),
      { seed: 17, numRuns: propertyRuns(100) },
    );
  });
});
