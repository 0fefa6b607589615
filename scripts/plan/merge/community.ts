import type { Contribution } from '../../core/contribution.ts';
import { CONTRIBUTION_ACTIONS, type ContributionAction } from '../../core/contribution.ts';
import { compareCodePoints } from '../../core/diagnostic.ts';
import {
  type ContentField,
  HISTORY_KEY_ORDER,
  isContentField,
  SECTION_ORDER,
} from '../../core/persona-fields.ts';

/** Provenance of one field, as `persona merge` keeps it in the persona's `community` block. */
export interface FieldStats {
  confirmed: number;
  corrected: number;
  extended: number;
  contributors: string[];
  confirmed_by: string[];
  last_reviewed: string | null;
}

/** One applied contribution in `community.history`: who did what to which field or item, and why. */
export interface HistoryEntry {
  date: string | null;
  author: string;
  action: ContributionAction;
  field: ContentField;
  item: number | null;
  rationale: string | null;
  evidence: string | null;
}

export interface Community {
  confirmations: number;
  contributors: string[];
  last_reviewed: string | null;
  fields: Partial<Record<ContentField, FieldStats>>;
  /** Every applied contribution, oldest first: appended to, never rewritten. */
  history: HistoryEntry[];
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
    history: Array.isArray(block.history) ? block.history.flatMap(readHistoryEntry) : [],
  };
}

/** One history entry as data; an entry the schema would reject is kept out of the plan rather than guessed at. */
function readHistoryEntry(raw: unknown): HistoryEntry[] {
  if (!isRecord(raw) || typeof raw.author !== 'string' || typeof raw.field !== 'string') return [];
  const action = raw.action as ContributionAction;
  if (!CONTRIBUTION_ACTIONS.includes(action) || !isContentField(raw.field)) return [];
  return [
    {
      date: typeof raw.date === 'string' ? raw.date : null,
      author: raw.author,
      action,
      field: raw.field,
      item: typeof raw.item === 'number' && Number.isInteger(raw.item) ? raw.item : null,
      rationale: typeof raw.rationale === 'string' ? raw.rationale : null,
      evidence: typeof raw.evidence === 'string' ? raw.evidence : null,
    },
  ];
}

/**
 * The provenance after one more applied contribution. Totals are recomputed from the fields rather than
 * incremented, so a hand-edited total cannot drift further.
 */
export function recordContribution(
  community: Community,
  contribution: Contribution,
  date: string | null,
  /** The item it confirmed or corrected, or the number of the item it added; null for a whole field. */
  item: number | null = contribution.item ?? null,
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
    history: [
      ...community.history,
      {
        date,
        author,
        action,
        field,
        item,
        rationale: contribution.rationale ?? null,
        evidence: contribution.evidence ?? null,
      },
    ],
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
    ...(community.history.length > 0 ? { history: community.history.map(historyToPlain) } : {}),
  };
}

/** One history entry in `HISTORY_KEY_ORDER`, without the keys it has no value for. */
function historyToPlain(entry: HistoryEntry): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of HISTORY_KEY_ORDER) if (entry[key] !== null) out[key] = entry[key];
  return out;
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
