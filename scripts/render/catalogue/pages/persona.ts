import {
  type PersonaPageInput,
  personaPageInput,
  personaPageParts,
  personaPagePath,
} from '../persona-page.ts';
import type { PageType } from './page-type.ts';

/** `<product>/<slug>.md`: one persona, every section, its links and how to contribute. */
export const personaPageType: PageType<Omit<PersonaPageInput, 'persona'>> = {
  name: 'persona-page',
  units: (ctx) =>
    ctx.model.personas.map((outline) => {
      const { targets, tagHrefs } = personaPageInput(outline, ctx);
      const page = personaPagePath(outline);
      return { key: page, path: page, input: { targets, tagHrefs }, personas: [outline.file] };
    }),
  render({ targets, tagHrefs }, [persona], options, kit) {
    if (!persona) return [];
    // Top-level blocks of a page are separated by one blank line; serializing ends each part with one line
    // break, so one more joins it to the next exactly as serializing the whole page would. A page stays in
    // parts (about 60 KB in all): it is written part after part, never made one large string.
    const parts = personaPageParts({ persona, targets, tagHrefs }, options, kit).flatMap((part, index) =>
      index === 0 ? [kit.serialize(part)] : ['\n', kit.serialize(part)],
    );
    return [{ path: personaPagePath(persona), parts }];
  },
};
