import type { Community, FieldStats } from '../../core/catalogue-persona.ts';

function times(n: number): string {
  return n === 1 ? 'once' : n === 2 ? 'twice' : `${n.toLocaleString('en-US')} times`;
}

function count(n: number, word: string): string {
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

/** "12 confirmations from 4 contributors · last reviewed 2026-11-20", or undefined without provenance. */
export function personaProvenanceWords(community: Community | undefined): string | undefined {
  const confirmations = community?.confirmations ?? 0;
  const contributors = community?.contributors?.length ?? 0;
  if (!community || (confirmations === 0 && contributors === 0)) return undefined;
  const parts = [`${count(confirmations, 'confirmation')} from ${count(contributors, 'contributor')}`];
  if (community.last_reviewed) parts.push(`last reviewed ${community.last_reviewed}`);
  return parts.join(' · ');
}

export const NOT_YET_REVIEWED = 'Not yet reviewed by the community.';
