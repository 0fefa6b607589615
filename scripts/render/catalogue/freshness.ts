import type { ListItem } from 'mdast';
import type { PersonaOutline } from '../../core/catalogue-persona.ts';
import { compareCodePoints } from '../../core/diagnostic.ts';
import { type ContentField, FIELD_LABELS, SECTION_ORDER } from '../../core/persona-fields.ts';
import type { CatalogueContext, FreshnessOptions } from './catalogue-context.ts';
import { CATALOGUE_PATHS, relativeLink } from './catalogue-paths.ts';
import { compareForReaders } from './compare-for-readers.ts';
import { count } from './index-page.ts';
import { type Listing, serializeItems } from './listing.ts';
import type { MarkdownKit } from './markdown-kit.ts';
import { inlineCode, link, paragraph, text, untrustedLine } from './mdast.ts';

/**
 * The date `months` calendar months before `asOf` (`YYYY-MM-DD`), the day clamped to the month's length: a
 * review on or after it is fresh.
 */
export function reviewCutoff(asOf: string, months: number): string {
  const [year = 0, month = 1, day = 1] = asOf.split('-').map(Number);
  const total = year * 12 + (month - 1) - months;
  const y = Math.floor(total / 12);
  const m = total - y * 12 + 1;
  const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(day, lastDay)).padStart(2, '0')}`;
}

/** The fields of `persona` reviewed before the cutoff, in page order; none when the as-of date is unknown. */
export function fieldsNeedingReview(persona: PersonaOutline, freshness: FreshnessOptions): ContentField[] {
  if (freshness.asOf === null) return [];
  const cutoff = reviewCutoff(freshness.asOf, freshness.reviewMonths);
  const fields = persona.community?.fields ?? {};
  return SECTION_ORDER.filter((field) => {
    const reviewed = fields[field]?.last_reviewed;
    return reviewed !== undefined && reviewed < cutoff;
  });
}

/** `freshness.md`: every field that needs review, oldest review first, linked to its page. */
export function freshnessListing(
  ctx: CatalogueContext,
  freshness: FreshnessOptions,
  kit: MarkdownKit,
): Listing {
  const path = CATALOGUE_PATHS.freshness;
  const stale = ctx.model.personas.flatMap((persona) =>
    fieldsNeedingReview(persona, freshness).map((field) => ({
      persona,
      field,
      reviewed: persona.community?.fields?.[field]?.last_reviewed ?? '',
    })),
  );
  stale.sort(
    (a, b) =>
      compareCodePoints(a.reviewed, b.reviewed) ||
      compareForReaders(a.persona.title, b.persona.title) ||
      SECTION_ORDER.indexOf(a.field) - SECTION_ORDER.indexOf(b.field),
  );
  const personas = new Set(stale.map((s) => s.persona)).size;
  return {
    path,
    title: 'Fields that need review',
    intro: (self) => [
      freshness.asOf === null
        ? paragraph(
            text(
              'No as-of date is known (the library has no git history here, and no --as-of date was given), so no field is marked. ',
            ),
            link(relativeLink(self, CATALOGUE_PATHS.index), text('Back to the catalogue')),
          )
        : paragraph(
            text(
              `As of ${freshness.asOf}, a field whose last review is more than ${count(freshness.reviewMonths)} months old (before ${reviewCutoff(freshness.asOf, freshness.reviewMonths)}) needs review: ${count(stale.length)} fields of ${count(personas)} personas. Fields nobody has reviewed yet are not listed. `,
            ),
            link(relativeLink(self, CATALOGUE_PATHS.index), text('Back to the catalogue')),
          ),
    ],
    items: serializeItems(
      stale.map(
        ({ persona, field, reviewed }): ListItem => ({
          type: 'listItem',
          spread: false,
          children: [
            paragraph(
              text(`${reviewed} · `),
              link(
                relativeLink(path, CATALOGUE_PATHS.personaPage(persona.product, persona.slug)),
                untrustedLine(persona.title),
              ),
              text(' · '),
              inlineCode(persona.id),
              text(` · ${FIELD_LABELS[field]}`),
            ),
          ],
        }),
      ),
      kit,
    ),
    empty: 'No field needs review.',
  };
}
