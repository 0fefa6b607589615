import { CATALOGUE_PATHS } from '../catalogue-paths.ts';
import { exportPersonaData } from '../export-persona-data.ts';
import type { PageType } from './page-type.ts';

/**
 * `<product>/<slug>.json`: one persona exactly as one entry of `personas.json` (same keys, same order), for
 * tools that want one persona, and the full history its page leaves out. One known file, so it renders on a
 * worker like a persona page: a worker is sent the persona's file name and reads it itself.
 */
export const personaExportPageType: PageType<Record<string, never>> = {
  name: 'persona-export',
  units: (ctx) =>
    ctx.model.personas.map((outline) => {
      const path = CATALOGUE_PATHS.personaExport(outline.product, outline.slug);
      return { key: path, path, input: {}, personas: [outline.file] };
    }),
  render: (_input, [persona]) =>
    persona
      ? [
          {
            path: CATALOGUE_PATHS.personaExport(persona.product, persona.slug),
            parts: [`${JSON.stringify(exportPersonaData(persona), null, 2)}\n`],
          },
        ]
      : [],
};
