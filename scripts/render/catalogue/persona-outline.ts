import { CONTENT_FIELDS, type ContentField } from '../../core/persona-fields.ts';
import type { CataloguePersona } from './catalogue-persona.ts';

/**
 * A persona without its content sections: everything the whole-library files (indexes, tags, graph) and the
 * links between pages are made from, small enough to keep from one run to the next.
 */
export type PersonaOutline = Omit<CataloguePersona, ContentField>;

export function personaOutline(persona: CataloguePersona): PersonaOutline {
  const outline: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(Object.getOwnPropertyDescriptors(persona)))
    if (!(CONTENT_FIELDS as readonly string[]).includes(key) && 'value' in value) outline[key] = value.value;
  return outline as PersonaOutline;
}

/**
 * A persona known by its outline, whose content sections are read with `load` (all at once) only when
 * something asks for one: an incremental run renders the few pages that changed and never parses the files
 * of the rest. The sections are enumerable properties, so a copy (a worker's message, an export) holds them.
 */
export function lazyPersona(outline: PersonaOutline, load: () => CataloguePersona): CataloguePersona {
  let full: CataloguePersona | undefined;
  const persona = { ...outline } as CataloguePersona;
  for (const field of CONTENT_FIELDS)
    Object.defineProperty(persona, field, {
      enumerable: true,
      configurable: true,
      get: () => {
        full ??= load();
        return full[field];
      },
    });
  return persona;
}
