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

/** One applied contribution, as `persona merge` records it in `community.history` (oldest first). */
export interface HistoryEntry {
  /** The date recorded for it (`--date` or the file name's), when the merge had one. */
  date?: string;
  author: string;
  action: 'confirm' | 'correct' | 'extend';
  field: ContentField;
  /** The list item it confirmed or corrected, or the number of the item it added. */
  item?: number;
  rationale?: string;
  evidence?: string;
}

export interface Community {
  confirmations?: number;
  contributors?: string[];
  last_reviewed?: string;
  fields?: Partial<Record<ContentField, FieldStats>>;
  history?: HistoryEntry[];
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
 * A persona without its content sections or its history: everything the whole-library files (indexes, tags,
 * graph, freshness) and the links between pages are made from, with the two short texts its card shows.
 */
export type PersonaOutline = Omit<CataloguePersona, ContentField | 'community'> & {
  community?: Omit<Community, 'history'>;
  /** The identity's first sentence, capped (`firstSentence`). */
  summary: string;
  /** The start of the aha moment, capped (`excerpt`). */
  aha: string;
};

/** A card's summary: at most this many characters. */
export const SUMMARY_MAX_CHARS = 180;
/** A card's aha excerpt: at most this many characters. */
export const AHA_MAX_CHARS = 140;

export function personaOutline(persona: CataloguePersona): PersonaOutline {
  const outline: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(persona))
    if (!(CONTENT_FIELDS as readonly string[]).includes(key) && key !== 'community') outline[key] = value;
  if (persona.community) {
    const { history: _history, ...community } = persona.community;
    outline.community = community;
  }
  outline.summary = firstSentence(persona.identity ?? '', SUMMARY_MAX_CHARS);
  outline.aha = excerpt(persona.aha_moment ?? '', AHA_MAX_CHARS);
  return outline as PersonaOutline;
}

/**
 * The first sentence of `text` on one line: up to the first `.`, `!` or `?` followed by a space and a capital
 * letter or digit (so "e.g. this" and "3.5 times" do not end it), capped at `max` characters.
 */
export function firstSentence(text: string, max: number): string {
  const line = text.replace(/\s+/g, ' ').trim();
  const end = /[.!?](?=\s+[\p{Lu}\p{N}"“‘(])/u.exec(line);
  return excerpt(end ? line.slice(0, end.index + 1) : line, max);
}

/** `text` on one line, cut at a word boundary with `…` when longer than `max` characters (code points). */
export function excerpt(text: string, max: number): string {
  const line = text.replace(/\s+/g, ' ').trim();
  const chars = Array.from(line);
  if (chars.length <= max) return line;
  const cut = chars.slice(0, max - 1).join('');
  const space = cut.lastIndexOf(' ');
  // Cut at the last space when it leaves most of the text; a very long word is cut where it stands.
  const kept = space > max / 2 ? cut.slice(0, space) : cut;
  return `${kept.replace(/[\s,;:.\-–—]+$/u, '')}…`;
}
