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

/** How each lazy persona loads its content sections. */
const CONTENT_LOADERS = new WeakMap<object, () => CataloguePersona>();

/**
 * One accessor per content section, shared by every lazy persona (it finds the persona's loader by `this`).
 * Shared accessors, and properties added in the same order, give all lazy personas one hidden class: with an
 * accessor closure per persona, each of 10,000 personas had its own, and every property read of planning was a
 * slow, megamorphic one.
 */
const CONTENT_ACCESSORS: [ContentField, PropertyDescriptor][] = CONTENT_FIELDS.map((field) => [
  field,
  {
    enumerable: true,
    configurable: true,
    get(this: object) {
      const load = CONTENT_LOADERS.get(this);
      if (!load)
        throw new Error(`The ${field} of a persona known by its outline was read from a copy of it.`);
      return load()[field];
    },
  },
]);

/**
 * A persona known by its outline, whose content sections are read with `load` (all at once) only when
 * something asks for one: an incremental run renders the few pages that changed and never parses the files
 * of the rest. The sections are enumerable properties, so a copy (a worker's message, an export) holds them.
 */
export function lazyPersona(outline: PersonaOutline, load: () => CataloguePersona): CataloguePersona {
  let full: CataloguePersona | undefined;
  const persona: Record<string, unknown> = {};
  for (const key of Object.keys(outline)) persona[key] = outline[key as keyof PersonaOutline];
  CONTENT_LOADERS.set(persona, () => {
    full ??= load();
    return full;
  });
  // One at a time: measurably quicker here than `Object.defineProperties`.
  for (const [field, accessor] of CONTENT_ACCESSORS) Object.defineProperty(persona, field, accessor);
  return persona as CataloguePersona;
}
