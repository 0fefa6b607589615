import type { CataloguePersona, Community, FieldStats } from '../../core/catalogue-persona.ts';
import { compareCodePoints } from '../../core/diagnostic.ts';
import {
  HISTORY_KEY_ORDER,
  LINK_KEY_ORDER,
  PERSONA_KEY_ORDER,
  SECTION_ORDER,
} from '../../core/persona-fields.ts';

const COMMUNITY_KEY_ORDER = ['confirmations', 'contributors', 'last_reviewed', 'fields', 'history'] as const;

const FIELD_STATS_KEY_ORDER = [
  'confirmed',
  'corrected',
  'extended',
  'contributors',
  'confirmed_by',
  'last_reviewed',
] as const;

/** A persona exactly as in its YAML file (no `file`), with keys in the canonical order, so exports diff cleanly. */
export function exportPersonaData(persona: CataloguePersona): Record<string, unknown> {
  const { file: _file, ...data } = persona;
  const out = pick(data, PERSONA_KEY_ORDER);
  out.composability = persona.composability.map((link) => pick(link, LINK_KEY_ORDER));
  if (persona.community) out.community = exportCommunity(persona.community);
  return out;
}

function exportCommunity(community: Community): Record<string, unknown> {
  const out = pick(community, COMMUNITY_KEY_ORDER);
  if (community.fields) {
    const fields: Record<string, unknown> = {};
    for (const [field, stats] of Object.entries(pick(community.fields, SECTION_ORDER)))
      fields[field] = pick(stats as FieldStats, FIELD_STATS_KEY_ORDER);
    out.fields = fields;
  }
  if (community.history) out.history = community.history.map((entry) => pick(entry, HISTORY_KEY_ORDER));
  return out;
}

/** Known keys in their canonical order, then any others in code-point order, so a new schema key is never dropped. */
function pick<T extends object>(value: T, order: readonly string[]): Record<string, unknown> {
  const entries = value as Record<string, unknown>;
  const rest = Object.keys(entries)
    .filter((key) => !order.includes(key))
    .sort(compareCodePoints);
  const out: Record<string, unknown> = {};
  for (const key of [...order, ...rest]) if (entries[key] !== undefined) out[key] = entries[key];
  return out;
}
