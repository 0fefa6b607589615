import { type Place, START_OF_FILE } from '../../core/diagnostic.ts';
import { Candidates, didYouMean } from '../../core/did-you-mean.ts';
import { type PersonaFacts, summarizePersona } from '../persona/check-persona-file.ts';

export interface IndexedPersona {
  file: string;
  id?: string;
  slug?: string;
  title?: string;
  /** Null for a file that took the fast path: ask `placeOf`. */
  places: Record<string, Place> | null;
  links: Array<{ index: number; persona: string }>;
}

/** Finds the places of a persona that was checked without positions (the I/O lives with the caller). */
export type PersonaLocator = (file: string) => Record<string, Place>;

/**
 * Remembers "did you mean" answers across runs (the validation cache). `slugs` is the same array for every
 * question of one run, so an implementation can key on it once.
 */
export type SuggestionMemo = (
  input: string,
  slugs: readonly string[],
  compute: () => string | undefined,
) => string | undefined;

/** The small cross-file index: enough to check uniqueness and links without keeping any document. */
export interface LibraryIndex {
  personas: IndexedPersona[];
  bySlug: Map<string, IndexedPersona[]>;
  byId: Map<string, IndexedPersona[]>;
  /** Where a value of a persona is (`id`, `slug`, `title`, `composability.<i>.persona`). */
  placeOf(persona: IndexedPersona, key: string): Place;
  /** The existing slug closest to a mistyped one, if any is close enough. */
  suggestSlug(input: string): string | undefined;
}

export function buildLibraryIndex(
  facts: readonly PersonaFacts[],
  locate?: PersonaLocator,
  memoSuggestion: SuggestionMemo = (_input, _slugs, compute) => compute(),
): LibraryIndex {
  const personas: IndexedPersona[] = [];
  const bySlug = new Map<string, IndexedPersona[]>();
  const byId = new Map<string, IndexedPersona[]>();
  for (const fact of facts) {
    const summary = fact.summary ?? (fact.data ? summarizePersona(fact.data) : undefined);
    if (!summary) continue;
    const entry: IndexedPersona = {
      file: fact.file,
      id: summary.id,
      slug: summary.slug,
      title: summary.title,
      places: fact.places,
      links: summary.links,
    };
    personas.push(entry);
    if (entry.slug !== undefined) push(bySlug, entry.slug, entry);
    if (entry.id !== undefined) push(byId, entry.id, entry);
  }
  const located = new Map<string, Record<string, Place>>();
  const placeOf = (persona: IndexedPersona, key: string): Place => {
    let places = persona.places ?? located.get(persona.file);
    if (!places) {
      places = locate ? locate(persona.file) : {};
      located.set(persona.file, places);
    }
    return places[key] ?? START_OF_FILE;
  };
  // Built on the first broken link only: comparing with every slug is the costly part of a suggestion.
  let slugs: { texts: string[]; candidates: Candidates } | undefined;
  const suggestSlug = (input: string) => {
    if (!slugs) {
      const texts = [...bySlug.keys()];
      slugs = { texts, candidates: new Candidates(texts) };
    }
    const { texts, candidates } = slugs;
    return memoSuggestion(input, texts, () => didYouMean(input, candidates));
  };
  return { personas, bySlug, byId, placeOf, suggestSlug };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
