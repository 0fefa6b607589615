import { Candidates } from '../../core/did-you-mean.ts';
import { type PersonaFacts, summarizePersona } from '../persona/check-persona-file.ts';

/** A persona as a contribution sees it: plain data, and whether it is clean enough to merge into. */
export interface PersonaTarget {
  file: string;
  slug: string;
  id?: string;
  title?: string;
  data: Record<string, unknown>;
  /** False when the persona file has errors of its own; nothing is compared with or merged into it. */
  usable: boolean;
}

export interface ContributionIndex {
  bySlug: Map<string, PersonaTarget[]>;
  byId: Map<string, PersonaTarget[]>;
  /** Slugs or ids lower-cased once for suggestions, however many contributions name an unknown persona. */
  candidates(kind: 'slug' | 'id'): Candidates;
}

export function buildContributionIndex(personas: readonly PersonaFacts[]): ContributionIndex {
  const bySlug = new Map<string, PersonaTarget[]>();
  const byId = new Map<string, PersonaTarget[]>();
  for (const facts of personas) {
    const summary = facts.summary ?? (facts.data ? summarizePersona(facts.data) : undefined);
    if (!summary || summary.slug === undefined) continue;
    const target: PersonaTarget = {
      file: facts.file,
      slug: summary.slug,
      // Read on demand: facts revived from the cache load their data only if a check needs it.
      get data() {
        return facts.data ?? {};
      },
      usable: !facts.diagnostics.some((d) => d.severity === 'error'),
    };
    if (summary.id !== undefined) target.id = summary.id;
    if (summary.title !== undefined) target.title = summary.title;
    push(bySlug, target.slug, target);
    if (target.id !== undefined) push(byId, target.id, target);
  }
  const prepared: Partial<Record<'slug' | 'id', Candidates>> = {};
  const candidates = (kind: 'slug' | 'id') =>
    (prepared[kind] ??= new Candidates((kind === 'slug' ? bySlug : byId).keys()));
  return { bySlug, byId, candidates };
}

function push<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
