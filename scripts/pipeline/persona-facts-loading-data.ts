import type { PersonaFacts, PersonaSummary } from '../check/persona/check-persona-file.ts';

/**
 * Facts whose `data` is not at hand (kept by a worker, or revived from the validation cache): it is read again
 * from disk by `load`, once, only if something asks for it. A file without a summary had no usable mapping, so
 * its data is null without reading it.
 */
export function personaFactsLoadingData(
  facts: Pick<PersonaFacts, 'file' | 'places' | 'diagnostics'>,
  summary: PersonaSummary | null | undefined,
  load: () => PersonaFacts,
): PersonaFacts {
  let loaded: PersonaFacts | undefined;
  return {
    file: facts.file,
    places: facts.places,
    diagnostics: facts.diagnostics,
    ...(summary ? { summary } : {}),
    get data() {
      if (!summary) return null;
      loaded ??= load();
      return loaded.data;
    },
  };
}
