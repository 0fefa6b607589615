import { Candidates } from '../../core/did-you-mean.ts';
import type { PersonaFacts } from '../../core/facts.ts';

/** A persona as a contribution names it: its file and identity, and whether it is clean enough to merge into. */
export interface PersonaTarget {
  file: string;
  slug: string;
  id?: string;
  title?: string;
  /** False when the persona file has errors of its own; nothing is compared with or merged into it. */
  usable: boolean;
}

export interface ContributionIndex {
  bySlug: Map<string, PersonaTarget[]>;
  byId: Map<string, PersonaTarget[]>;
  /** Slugs or ids lower-cased once for suggestions, however many contributions name an unknown persona. */
  candidates(kind: 'slug' | 'id'): Candidates;
}

/** The personas by slug and by id, from their identities alone (no data is read). */
export function buildContributionIndex(personas: readonly PersonaFacts[]): ContributionIndex {
  const bySlug = new Map<string, PersonaTarget[]>();
  const byId = new Map<string, PersonaTarget[]>();
  for (const facts of personas) {
    const { slug, id, title } = facts.identity;
    if (!facts.readable || slug === undefined) continue;
    const target: PersonaTarget = {
      file: facts.file,
      slug,
      usable: !facts.diagnostics.some((d) => d.severity === 'error'),
    };
    if (id !== undefined) target.id = id;
    if (title !== undefined) target.title = title;
    push(bySlug, slug, target);
    if (id !== undefined) push(byId, id, target);
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
