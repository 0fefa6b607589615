import { fieldsNeedingReview } from '../freshness.ts';
import {
  type PersonaPageInput,
  personaPageInput,
  personaPageParts,
  personaPagePath,
} from '../persona-page.ts';
import type { PageType } from './page-type.ts';

/** `<product>/<slug>.md`: one persona, every section, its links, history and how to contribute. */
export const personaPageType: PageType<Omit<PersonaPageInput, 'persona'>> = {
  name: 'persona-page',
  units: (ctx) =>
    ctx.model.personas.map((outline) => {
      const input = personaPageInput(outline, ctx, fieldsNeedingReview(outline, ctx.freshness));
      const page = personaPagePath(outline);
      return { key: page, path: page, input, personas: [outline.file] };
    }),
  render(input, [persona], options, kit) {
    if (!persona) return [];
    // Top-level blocks of a page are separated by one blank line; serializing ends each part with one line
    // break, so one more joins it to the next exactly as serializing the whole page would.
    const parts = personaPageParts({ persona, ...input }, options, kit).flatMap((part, index) =>
      index === 0 ? [kit.serialize(part)] : ['\n', kit.serialize(part)],
    );
    return [{ path: personaPagePath(persona), parts }];
  },
};
