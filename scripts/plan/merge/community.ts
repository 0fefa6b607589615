import type { Contribution } from '../../core/contribution.ts';
import { compareCodePoints } from '../../core/diagnostic.ts';
import { type ContentField, SECTION_ORDER } from '../../core/persona-fields.ts';

/** Provenance of one field, as `persona merge` keeps it in the persona's `community` block. */
export interface FieldStats {
  confirmed: number;
  corrected: number;
  extended: number;
  contributors: string[];
  confirmed_by: string[];
  last_reviewed: string | null;
}

export interface Community {
  confirmations: number;
  contributors: string[];
  last_reviewed: string | null;
  fields: Partial<Record<ContentField, FieldStats>>;
}

/** The `community` block of a persona as data, tolerating a missing or partial block. */
export function readCommunity(value: unknown): Community {
  const block = isRecord(value) ? value : {};
  const fields: Partial<Record<ContentField, FieldStats>> = {};
  const rawFields = isRecord(block.fields) ? block.fields : {};
  for (const field of SECTION_ORDER) {
    const raw = rawFields[field];
    if (!isRecord(raw)) continue;
    fields[field] = {
      confirmed: count(raw.confirmed),
      corrected: count(raw.corrected),
      extended: count(raw.extended),
      contributors: logins(raw.contributors),
      confirmed_by: logins(raw.confirmed_by),
      last_reviewed: typeof raw.last_reviewed === 'string' ? raw.last_reviewed : null,
    };
  }
  return {
    confirmations: count(block.confirmations),
    contributors: logins(block.contributors),
    last_reviewed: typeof block.last_reviewed === 'string' ? block.last_reviewed : null,
    fields,
  };
}

/**
 * The provenance after one more applied contribution. Totals are recomputed from the fields rather than
 * incremented, so a hand-edited total cannot drift further.
 */
export function recordContribution(
  community: Community,
  contribution: Contribution,
  date: string | null,
): Community {
  const { field, action, author } = contribution;
  const previous = community.fields[field] ?? {
    confirmed: 0,
    corrected: 0,
    extended: 0,
    contributors: [],
    confirmed_by: [],
    last_reviewed: null,
  };
  const stats: FieldStats = {
    confirmed: previous.confirmed + (action === 'confirm' ? 1 : 0),
    corrected: previous.corrected + (action === 'correct' ? 1 : 0),
    extended: previous.extended + (action === 'extend' ? 1 : 0),
    contributors: sortedUnique([...previous.contributors, author]),
    confirmed_by:
      action === 'confirm' ? sortedUnique([...previous.confirmed_by, author]) : previous.confirmed_by,
    last_reviewed: latest(previous.last_reviewed, date),
  };
  const fields = { ...community.fields, [field]: stats };
  const all = Object.values(fields) as FieldStats[];
  return {
    confirmations: all.reduce((sum, s) => sum + s.confirmed, 0),
    contributors: sortedUnique([...community.contributors, ...all.flatMap((s) => s.contributors)]),
    last_reviewed: latest(community.last_reviewed, date),
    fields,
  };
}

/** Plain data in canonical key order, ready to become the YAML `community` block. */
export function communityToPlain(community: Community): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const field of SECTION_ORDER) {
    const stats = community.fields[field];
    if (!stats) continue;
    fields[field] = {
      confirmed: stats.confirmed,
      corrected: stats.corrected,
      extended: stats.extended,
      contributors: stats.contributors,
      ...(stats.confirmed_by.length > 0 ? { confirmed_by: stats.confirmed_by } : {}),
      ...(stats.last_reviewed ? { last_reviewed: stats.last_reviewed } : {}),
    };
  }
  return {
    confirmations: community.confirmations,
    contributors: community.contributors,
    ...(community.last_reviewed ? { last_reviewed: community.last_reviewed } : {}),
    fields,
  };
}

function latest(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return compareCodePoints(a, b) >= 0 ? a : b;
}

function sortedUnique(values: readonly string[]): string[] {
  return [...new Set(values)].sort(compareCodePoints);
}

function count(value: unknown): number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : 0;
}

function logins(value: unknown): string[] {
  return Array.isArray(value) ? sortedUnique(value.filter((v): v is string => typeof v === 'string')) : [];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
