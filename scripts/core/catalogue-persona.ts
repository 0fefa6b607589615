import { CONTENT_FIELDS, type ContentField, type ListField, type TextField } from './persona-fields.ts';

export type Relation = 'pairs-with' | 'contrast' | 'use-with';

export interface PersonaLink {
  persona: string;
  relation: Relation;
  note: string;
}

/** Community provenance of one field, as `persona merge` maintains it. */
export interface FieldStats {
  confirmed?: number;
  corrected?: number;
  extended?: number;
  contributors?: string[];
  /** Logins that confirmed the field, one confirmation each. */
  confirmed_by?: string[];
  last_reviewed?: string;
}

export interface Community {
  confirmations?: number;
  contributors?: string[];
  last_reviewed?: string;
  fields?: Partial<Record<ContentField, FieldStats>>;
}

/** A persona that passed validation, typed. The catalogue renders only these. */
export type CataloguePersona = {
  /** The source file, relative to the library root, e.g. `personas/sentry/sentry-error-monitor.yaml`. */
  file: string;
  id: string;
  slug: string;
  title: string;
  product: string;
  category: string;
  tags: string[];
  composability: PersonaLink[];
  community?: Community;
} & Record<TextField, string> &
  Record<ListField, string[]>;

/**
 * The typed view of one validated persona's data. Validation already guaranteed the shape; this only
 * attaches the file name, so every later step works with plain, typed values.
 */
export function toCataloguePersona(file: string, data: Record<string, unknown>): CataloguePersona {
  return { ...(data as Omit<CataloguePersona, 'file'>), file };
}

/**
 * A persona without its content sections: everything the whole-library files (indexes, tags, graph) and the
 * links between pages are made from.
 */
export type PersonaOutline = Omit<CataloguePersona, ContentField>;

export function personaOutline(persona: CataloguePersona): PersonaOutline {
  const outline: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(persona))
    if (!(CONTENT_FIELDS as readonly string[]).includes(key)) outline[key] = value;
  return outline as PersonaOutline;
}
