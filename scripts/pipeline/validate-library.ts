import path from 'node:path';
import { checkLibrary } from '../check/check-library.ts';
import { checkContributionFile } from '../check/contribution/check-contribution-file.ts';
import type { ContributionFacts } from '../check/contribution/contribution.ts';
import {
  checkPersonaFile,
  type PersonaFacts,
  summarizePersona,
} from '../check/persona/check-persona-file.ts';
import { compileSchema, type SchemaValidator } from '../check/schema/compile-schema.ts';
import type { Diagnostic } from '../core/diagnostic.ts';
import { readContributionSchema } from '../read/read-contribution-schema.ts';
import { listLibrary, readCapped, readCappedWithStat } from '../read/read-library.ts';
import { readPersonaSchema } from '../read/read-schemas.ts';
import { checkFiles } from './check-files.ts';
import { cacheKey, contentHash, type FileStamp, ValidateCache } from './validate-cache.ts';

export interface ValidationResult {
  personas: PersonaFacts[];
  contributions: ContributionFacts[];
  contributionCount: number;
  diagnostics: Diagnostic[];
}

export interface ValidateOptions {
  /**
   * Reuse per-file results of earlier runs from this file. Facts that come from the cache load `data` (and a
   * contribution's `places`) on first use, so only callers that need just diagnostics should pass it.
   */
  cache?: { location: string; toolIdentity: string };
}

/** list → read and check each changed file (in parallel when many) → cross-file rules. */
export async function validateLibrary(
  root: string,
  options: ValidateOptions = {},
): Promise<ValidationResult> {
  const [listing, personaSchema, contributionSchema] = await Promise.all([
    listLibrary(root),
    readPersonaSchema(root),
    readContributionSchema(root),
  ]);
  // Compiled on first use: with workers, after they were started, so their start-up overlaps this.
  let compiled: { persona: SchemaValidator; contribution: SchemaValidator } | undefined;
  const schemas = () => {
    compiled ??= { persona: compileSchema(personaSchema), contribution: compileSchema(contributionSchema) };
    return compiled;
  };
  const absolute = (file: string) => path.join(root, file);
  const cache = options.cache
    ? new ValidateCache(
        options.cache.location,
        cacheKey([
          options.cache.toolIdentity,
          JSON.stringify(personaSchema),
          JSON.stringify(contributionSchema),
        ]),
      )
    : undefined;

  // Files the cache vouches for are revived; the rest are checked, in workers when there are many.
  const hashes = new Map<string, string>();
  const personas: Array<PersonaFacts | undefined> = [];
  const contributions: Array<ContributionFacts | undefined> = [];
  const personaJobs: string[] = [];
  const contributionJobs: string[] = [];
  const loadPersona = (file: string) => () =>
    checkPersonaFile(file, readCapped(absolute(file)), schemas().persona, { fast: false });
  const loadContribution = (file: string) => () =>
    checkContributionFile(file, readCapped(absolute(file)), schemas().contribution, { fast: false });
  for (const file of listing.personaFiles) {
    const stamp = cache && reusable(cache, 'personas', file, absolute(file));
    if (cache && stamp) {
      personas.push(cache.revivePersona(file, stamp === true ? undefined : stamp, loadPersona(file)));
    } else {
      personas.push(undefined);
      personaJobs.push(file);
    }
  }
  for (const file of listing.contributionFiles) {
    const stamp = cache && reusable(cache, 'contributions', file, absolute(file));
    if (cache && stamp) {
      contributions.push(
        cache.reviveContribution(file, stamp === true ? undefined : stamp, loadContribution(file)),
      );
    } else {
      contributions.push(undefined);
      contributionJobs.push(file);
    }
  }
  const checked = await checkFiles(
    {
      root,
      personaFiles: personaJobs,
      contributionFiles: contributionJobs,
      personaSchema,
      contributionSchema,
    },
    schemas,
  );
  fill(personas, checked.personas, (facts, i) => {
    const stamp = checked.personaStamps[i] as FileStamp;
    hashes.set(facts.file, stamp.hash);
    cache?.storePersona(facts, stamp, facts.data ? summarizePersona(facts.data) : null);
  });
  fill(contributions, checked.contributions, (facts, i) => {
    const stamp = checked.contributionStamps[i] as FileStamp;
    hashes.set(facts.file, stamp.hash);
    cache?.storeContribution(facts, stamp);
  });
  if (cache) for (const [file, hash] of cache.revivedHashes()) hashes.set(file, hash);

  // Re-reads a fast-path persona in full, only when a cross-file rule reports on it and needs its positions.
  const locatePersona = (file: string) => {
    const places = loadPersona(file)().places ?? {};
    cache?.rememberPlaces(file, places);
    return places;
  };
  const { diagnostics } = checkLibrary({
    personas: personas as PersonaFacts[],
    locatePersona,
    layout: listing.diagnostics,
    contributions: contributions as ContributionFacts[],
    validatePersona: schemas().persona,
    ...(cache
      ? {
          memoAgainstPersona: (contributionFile: string, personaFile: string, compute: () => Diagnostic[]) =>
            cache.memo(
              [contributionFile, hashes.get(contributionFile), personaFile, hashes.get(personaFile)].join(
                '\0',
              ),
              compute,
            ),
        }
      : {}),
  });
  cache?.save();
  return {
    personas: personas as PersonaFacts[],
    contributions: contributions as ContributionFacts[],
    contributionCount: listing.contributionFiles.length,
    diagnostics,
  };
}

/** true when the stat matches the cache; a fresh stamp when only the content hash does; false otherwise. */
function reusable(
  cache: ValidateCache,
  kind: 'personas' | 'contributions',
  file: string,
  absolute: string,
): true | FileStamp | false {
  if (cache.statMatches(kind, file, absolute)) return true;
  if (!cache.has(kind, file)) return false;
  const { bytes, ...stat } = readCappedWithStat(absolute);
  const stamp = { ...stat, hash: contentHash(bytes) };
  return cache.hashMatches(kind, file, stamp) ? stamp : false;
}

/** Puts checked facts into the slots left empty for them, in order. */
function fill<T>(slots: Array<T | undefined>, checked: T[], each: (facts: T, index: number) => void): void {
  let next = 0;
  for (let i = 0; i < slots.length; i++) {
    if (slots[i] !== undefined) continue;
    const facts = checked[next] as T;
    slots[i] = facts;
    each(facts, next);
    next++;
  }
}
