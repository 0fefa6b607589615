import type { PersonaFacts } from '../../check/persona/check-persona-file.ts';
import { type CataloguePersona, toCataloguePersona } from '../../render/catalogue/catalogue-persona.ts';
import { lazyPersona, personaOutline } from '../../render/catalogue/persona-outline.ts';
import type { PersonaDigest } from '../../render/catalogue/render-catalogue.ts';
import type { ManifestPersona } from './catalogue-manifest.ts';

/** A persona file's size and modification time. */
export interface SourceStamp {
  size: number;
  mtimeMs: number;
}

export interface ReusedPersonas {
  /** Every valid persona, in the order of `facts`. */
  personas: CataloguePersona[];
  /** The digests of those known by their outline only. */
  known: Map<CataloguePersona, PersonaDigest>;
  /** The previous run's entry of each of those, which the next run can be handed as it is. */
  entries: Map<CataloguePersona, ManifestPersona>;
}

/**
 * The valid personas of a validated library. One whose file still has the size and modification time the
 * previous run recorded comes back from its outline, its content sections read (from `data`, which parses the
 * file when validation took the facts from its cache) only if something is rendered from them; the others come
 * from their data.
 */
export function reusePersonas(
  facts: readonly PersonaFacts[],
  previous: ReadonlyMap<string, ManifestPersona>,
  stamps: ReadonlyMap<string, SourceStamp>,
): ReusedPersonas {
  const personas: CataloguePersona[] = [];
  const known = new Map<CataloguePersona, PersonaDigest>();
  const entries = new Map<CataloguePersona, ManifestPersona>();
  for (const fact of facts) {
    const entry = previous.get(fact.file);
    const stamp = stamps.get(fact.file);
    if (entry && stamp && entry.size === stamp.size && entry.mtimeMs === stamp.mtimeMs) {
      const persona = lazyPersona(entry.outline, () => {
        const data = fact.data;
        if (!data) throw new Error(`${fact.file} could not be read again while the catalogue was made.`);
        return toCataloguePersona(fact.file, data);
      });
      personas.push(persona);
      known.set(persona, {
        digest: entry.digest,
        exportBytes: entry.exportBytes,
        outline: entry.outlineDigest,
      });
      entries.set(persona, entry);
    } else if (fact.data) personas.push(toCataloguePersona(fact.file, fact.data));
  }
  return { personas, known, entries };
}

/**
 * What the next run needs to reuse `personas`: each one's stamp, digests and outline. A persona reused from
 * `entries` keeps its entry (its stamp is what it records), so only the personas read afresh are outlined.
 */
export function rememberPersonas(
  personas: readonly CataloguePersona[],
  digests: ReadonlyMap<CataloguePersona, PersonaDigest>,
  stamps: ReadonlyMap<string, SourceStamp>,
  entries: ReadonlyMap<CataloguePersona, ManifestPersona> = new Map(),
): Map<string, ManifestPersona> {
  const out = new Map<string, ManifestPersona>();
  for (const persona of personas) {
    const reused = entries.get(persona);
    if (reused) {
      out.set(persona.file, reused);
      continue;
    }
    const stamp = stamps.get(persona.file);
    const digest = digests.get(persona);
    if (stamp && digest)
      out.set(persona.file, {
        ...stamp,
        digest: digest.digest,
        exportBytes: digest.exportBytes,
        outlineDigest: digest.outline,
        outline: personaOutline(persona),
      });
  }
  return out;
}
