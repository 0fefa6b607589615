import type { Place } from '../../core/diagnostic.ts';
import type { PersonaFacts } from '../persona/check-persona-file.ts';
import { linksOf } from '../persona/persona-context.ts';

export interface IndexedPersona {
  file: string;
  id?: string;
  slug?: string;
  title?: string;
  places: Record<string, Place>;
  links: Array<{ index: number; persona: string }>;
}

/** The small cross-file index: enough to check uniqueness and links without keeping any document. */
export interface LibraryIndex {
  personas: IndexedPersona[];
  bySlug: Map<string, IndexedPersona[]>;
  byId: Map<string, IndexedPersona[]>;
}

export function buildLibraryIndex(facts: readonly PersonaFacts[]): LibraryIndex {
  const personas: IndexedPersona[] = [];
  const bySlug = new Map<string, IndexedPersona[]>();
  const byId = new Map<string, IndexedPersona[]>();
  for (const fact of facts) {
    if (!fact.data) continue;
    const text = (key: string) =>
      typeof fact.data?.[key] === 'string' ? (fact.data[key] as string) : undefined;
    const entry: IndexedPersona = {
      file: fact.file,
      id: text('id'),
      slug: text('slug'),
      title: text('title'),
      places: fact.places,
      links: linksOf(fact.data).map(({ index, persona }) => ({ index, persona })),
    };
    personas.push(entry);
    if (entry.slug !== undefined) push(bySlug, entry.slug, entry);
    if (entry.id !== undefined) push(byId, entry.id, entry);
  }
  return { personas, bySlug, byId };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
