import { describe, expect, it } from 'vitest';
import type { CataloguePersona } from '../../scripts/render/catalogue/catalogue-persona.ts';
import {
  type CatalogueWork,
  type PreviousPlan,
  planCatalogue,
} from '../../scripts/render/catalogue/render-catalogue.ts';
import { generateLibrary, TEST_OPTIONS } from './catalogue-helpers.ts';

/** What the next run's manifest tells `planCatalogue` about `work`. */
function previousPlanOf(work: CatalogueWork): PreviousPlan {
  const units = new Map<string, { digest: string }>();
  for (const unit of work.units) if (unit.digest !== null) units.set(unit.key, { digest: unit.digest });
  for (const job of work.personaPages) units.set(job.path, { digest: job.digest });
  const byFile = new Map([...work.digests].map(([persona, digests]) => [persona.file, digests.digest]));
  return { skeleton: work.skeleton, units, personaDigest: (file) => byFile.get(file) };
}

function digestsOf(work: CatalogueWork) {
  return {
    units: work.units.map((unit) => [unit.key, unit.digest]),
    pages: work.personaPages.map((job) => [job.path, job.digest]),
  };
}

type Edit = (personas: CataloguePersona[]) => CataloguePersona[];

const editOne =
  (index: number, change: (p: CataloguePersona) => Partial<CataloguePersona>): Edit =>
  (personas) =>
    personas.map((p, i) => (i === index ? { ...p, ...change(p) } : p));

/** Each edit, and whether the skeleton stays the same in the small and in the large library. */
const EDITS: [string, Edit, { sameSkeleton: [boolean, boolean] }][] = [
  ['nothing', (personas) => personas, { sameSkeleton: [true, true] }],
  ['one section', editOne(5, () => ({ context: 'A new context.' })), { sameSkeleton: [true, true] }],
  [
    'sections of personas of two products',
    (personas) =>
      editOne(9, () => ({ goals: ['One goal.'] }))(editOne(2, () => ({ identity: 'New.' }))(personas)),
    { sameSkeleton: [true, true] },
  ],
  [
    'a section grown past what one export file holds',
    editOne(4, () => ({ context: 'Long context. '.repeat(40_000) })),
    { sameSkeleton: [false, true] },
  ],
  [
    'the title of a persona others link to',
    editOne(7, () => ({ title: 'Renamed' })),
    { sameSkeleton: [false, false] },
  ],
  [
    'a new tag',
    editOne(3, (p) => ({ tags: [...p.tags, 'brand-new-tag'] })),
    { sameSkeleton: [false, false] },
  ],
  [
    'a confirmation',
    editOne(6, () => ({ community: { confirmations: 3 } })),
    { sameSkeleton: [false, false] },
  ],
  [
    'a removed persona',
    (personas) => personas.filter((_, index) => index !== 11),
    { sameSkeleton: [false, false] },
  ],
  [
    'a persona added to a product',
    (personas) => [
      ...personas,
      { ...(personas[0] as CataloguePersona), file: 'personas/x/added.yaml', slug: 'added', id: 'APP-99999' },
    ],
    { sameSkeleton: [false, false] },
  ],
];

describe.each([
  ['a small library (nothing split)', generateLibrary(40, 3), 0],
  ['a large library (every split in effect)', generateLibrary(1200, 12), 1],
] as const)('planning with the previous run on %s', (_, library, column) => {
  const first = planCatalogue(library, TEST_OPTIONS);
  const previous = previousPlanOf(first);

  it.each(EDITS)('after %s gives the digests planning from scratch gives', (_, edit, { sameSkeleton }) => {
    const personas = edit(library);
    const fresh = planCatalogue(personas, TEST_OPTIONS);
    const reused = planCatalogue(personas, TEST_OPTIONS, new Map(), previous);
    expect(fresh.skeleton === first.skeleton).toBe(sameSkeleton[column]);
    expect(digestsOf(reused)).toEqual(digestsOf(fresh));
    // A page whose digest was reused builds its input when it is rendered after all; it is the same input.
    for (const index of [0, 5, 11])
      expect(reused.personaPages[index]?.input).toEqual(fresh.personaPages[index]?.input);
  });
});

describe('planning with a previous run of the same skeleton', () => {
  const library = generateLibrary(1200, 12);
  const previous = previousPlanOf(planCatalogue(library, TEST_OPTIONS));

  it('builds the input of no persona page whose persona is unchanged', () => {
    const edited = editOne(5, () => ({ context: 'A new context.' }))(library);
    const work = planCatalogue(edited, TEST_OPTIONS, new Map(), previous);
    const built = work.personaPages.filter(
      (job) => Object.getOwnPropertyDescriptor(job, 'input')?.get === undefined,
    );
    expect(built.map((job) => job.path)).toEqual([`${library[5]?.product}/${library[5]?.slug}.md`]);
  });

  it('trusts no recorded digest of another skeleton', () => {
    const foreign = {
      ...previous,
      units: new Map([...previous.units].map(([key]) => [key, { digest: 'x' }])),
    };
    const fresh = planCatalogue(library, TEST_OPTIONS);
    const other = planCatalogue(library, TEST_OPTIONS, new Map(), { ...foreign, skeleton: 'another' });
    expect(digestsOf(other)).toEqual(digestsOf(fresh));
  });
});
