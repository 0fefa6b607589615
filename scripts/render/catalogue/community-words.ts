import type { Community, FieldStats, HistoryEntry } from '../../core/catalogue-persona.ts';
import { FIELD_LABELS } from '../../core/persona-fields.ts';

function times(n: number): string {
  return n === 1 ? 'once' : n === 2 ? 'twice' : `${n.toLocaleString('en-US')} times`;
}

export function count(n: number, word: string): string {
  return `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
}

/** "confirmed by 3 · corrected once · last reviewed 2026-11-20", or undefined when nobody reviewed the field. */
export function fieldProvenanceWords(stats: FieldStats | undefined): string | undefined {
  if (!stats) return undefined;
  const parts: string[] = [];
  if (stats.confirmed) parts.push(`confirmed by ${stats.confirmed.toLocaleString('en-US')}`);
  if (stats.corrected) parts.push(`corrected ${times(stats.corrected)}`);
  if (stats.extended) parts.push(`extended ${times(stats.extended)}`);
  if (parts.length === 0) return undefined;
  if (stats.last_reviewed) parts.push(`last reviewed ${stats.last_reviewed}`);
  return parts.join(' · ');
}

/**
 * What the community did to the whole persona, without the names: "1 confirmation · 1 extension · last reviewed
 * 2026-11-20". Each kind is counted on its own, so a contributor who added an item is never counted as one who
 * confirmed. Undefined when nobody contributed.
 */
export function personaProvenanceWords(
  community: Omit<Community, 'history'> | undefined,
): string | undefined {
  if (!community) return undefined;
  const confirmed = community.confirmations ?? 0;
  let corrected = 0;
  let extended = 0;
  const fields = Object.values(community.fields ?? {}) as FieldStats[];
  for (const stats of fields) {
    corrected += stats.corrected ?? 0;
    extended += stats.extended ?? 0;
  }
  const parts: string[] = [];
  if (confirmed > 0) parts.push(count(confirmed, 'confirmation'));
  if (corrected > 0) parts.push(count(corrected, 'correction'));
  if (extended > 0) parts.push(count(extended, 'added item'));
  if (parts.length === 0 && (community.contributors?.length ?? 0) === 0) return undefined;
  if (community.last_reviewed) parts.push(`last reviewed ${community.last_reviewed}`);
  return parts.join(' · ');
}

/** "confirmed Aha moment", "corrected Goals item 2", "added Goals item 5": one history entry's deed. */
export function historyDeedWords(entry: HistoryEntry): string {
  const label = FIELD_LABELS[entry.field] ?? entry.field;
  const item = entry.item === undefined ? '' : ` item ${entry.item}`;
  const verb = entry.action === 'confirm' ? 'confirmed' : entry.action === 'correct' ? 'corrected' : 'added';
  return `${verb} ${label}${item}`;
}

export const NOT_YET_REVIEWED = 'Not yet reviewed by the community.';
