import { describe, expect, it } from 'vitest';
import type { PersonaFacts } from '../../scripts/check/persona/check-persona-file.ts';
import { rememberPersonas, reusePersonas } from '../../scripts/plan/catalogue/reuse-personas.ts';
import type { CataloguePersona } from '../../scripts/render/catalogue/catalogue-persona.ts';
import { planCatalogue } from '../../scripts/render/catalogue/render-catalogue.ts';
import { generateLibrary, TEST_OPTIONS } from './catalogue-helpers.ts';

/** Facts as validation returns them, counting how often a file's data is read. */
function factsOf(personas: readonly CataloguePersona[], reads: Map<string, number>): PersonaFacts[] {
  return personas.map((persona) => {
    const { file, ...data } = structuredClone(persona);
    return {
      file,
      get data() {
        reads.set(file, (reads.get(file) ?? 0) + 1);
        return data;
      },
      places: null,
      diagnostics: [],
    };
  });
}

function digestsOf(work: ReturnType<typeof planCatalogue>) {
  return {
    units: work.units.map((unit) => [unit.key, unit.digest]),
    pages: work.personaPages.map((job) => [job.path, job.digest]),
  };
}

describe('personas reused from the previous run', () => {
  const personas = generateLibrary(600, 8);
  const stamps = new Map(personas.map((p, index) => [p.file, { size: 100 + index, mtimeMs: 1.5 * index }]));
  const first = planCatalogue(personas, TEST_OPTIONS);
  const remembered = rememberPersonas(personas, first.digests, stamps);

  it('plan the same work as the personas themselves, without reading any file', () => {
    const reads = new Map<string, number>();
    const { personas: reused, known } = reusePersonas(factsOf(personas, reads), remembered, stamps);
    expect(known.size).toBe(personas.length);
    expect(digestsOf(planCatalogue(reused, TEST_OPTIONS, known))).toEqual(digestsOf(first));
    expect(reads.size).toBe(0);
  });

  it('read a file once its stamp differs, and give its content in full when asked', () => {
    const reads = new Map<string, number>();
    const changed = personas[3] as CataloguePersona;
    const later = new Map(stamps);
    later.set(changed.file, { size: 1, mtimeMs: 2 });
    const { personas: reused, known } = reusePersonas(factsOf(personas, reads), remembered, later);
    expect(known.size).toBe(personas.length - 1);
    expect([...reads.keys()]).toEqual([changed.file]);
    const other = reused[7] as CataloguePersona;
    expect(structuredClone(other)).toEqual(personas[7]);
    expect(reads.get(other.file)).toBe(1);
  });
});
