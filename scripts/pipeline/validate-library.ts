import path from 'node:path';
import {
  checkContributionLibrary,
  checkPersonaLibrary,
  type LibraryCheckInput,
} from '../check/check-library.ts';
import { checkContributionFile } from '../check/contribution/check-contribution-file.ts';
import { buildContributionIndex } from '../check/contribution/contribution-index.ts';
import { plannedComparisons } from '../check/contribution/planned-comparisons.ts';
import { checkPersonaFile, type PersonaFacts } from '../check/persona/check-persona-file.ts';
import { compileSchemaOnFirstUse } from '../check/schema/compile-schema.ts';
import type { ContributionFacts } from '../core/contribution.ts';
import { type Diagnostic, sortDiagnostics } from '../core/diagnostic.ts';
import { readContributionSchema } from '../read/read-contribution-schema.ts';
import { listLibrary, readCapped, readCappedWithStat } from '../read/read-library.ts';
import { readPersonaSchema } from '../read/read-schemas.ts';
import { type CheckedPersona, type CompiledSchemas, checkFiles } from './check-files.ts';
import { personaFactsLoadingData } from './persona-facts-loading-data.ts';
import { cacheKey, contentHash, type FileStamp, ValidateCache } from './validate-cache.ts';

export interface ValidationResult {
  personas: PersonaFacts[];
  contributions: ContributionFacts[];
  contributionCount: number;
  diagnostics: Diagnostic[];
  /**
   * Size, times and (with a cache) content hash of each file as it was when read or found unchanged: the
   * version these results describe, for callers that keep results of their own across runs.
   */
  stamps: Map<string, FileStamp>;
}

export interface ValidateOptions {
  /**
   * Reuse per-file results of earlier runs from this file. Facts that come from the cache load `data` (and a
   * contribution's `places`) on first use, so only callers that need just diagnostics should pass it.
   */
  cache?: { location: string; toolIdentity: string };
  /**
   * false: leave each persona's data in the worker that parsed it (where contributions are compared with it);
   * `data` is then read again from disk only if a caller asks for it. For callers that need diagnostics only.
   */
  personaData?: boolean;
  /**
   * false: check the personas only, for callers that show nothing of contributions (the catalogue).
   * Contribution files are not listed, read or compared, and the cache keeps what it knew of them.
   */
  contributions?: boolean;
}

/** list → read and check each changed file (in parallel when many) → cross-file rules. */
export async function validateLibrary(
  root: string,
  options: ValidateOptions = {},
): Promise<ValidationResult> {
  const [listing, personaSchema, contributionSchema] = await Promise.all([
    listLibrary(root, { contributions: options.contributions !== false }),
    readPersonaSchema(root),
    readContributionSchema(root),
  ]);
  // Each compiled on its first use: with workers, after they were started, so their start-up overlaps it; and
  // not at all when every file of its kind comes from the cache.
  const compiled: CompiledSchemas = {
    persona: compileSchemaOnFirstUse(personaSchema),
    contribution: compileSchemaOnFirstUse(contributionSchema),
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
  const stamps = new Map<string, FileStamp>();
  const personas: Array<PersonaFacts | undefined> = [];
  const contributions: Array<ContributionFacts | undefined> = [];
  const personaJobs: string[] = [];
  const contributionJobs: string[] = [];
  // With positions, for a cross-file rule that reports on a fast-path persona; or just its data, fast.
  const loadPersona = (file: string) => () =>
    checkPersonaFile(file, readCapped(absolute(file)), compiled.persona, { fast: false });
  const readPersona = (file: string) => () =>
    checkPersonaFile(file, readCapped(absolute(file)), compiled.persona);
  const loadContribution = (file: string) => () =>
    checkContributionFile(file, readCapped(absolute(file)), compiled.contribution, { fast: false });
  for (const file of listing.personaFiles) {
    const stamp = cache && reusable(cache, 'personas', file, absolute(file));
    if (cache && stamp) {
      personas.push(cache.revivePersona(file, stamp === true ? undefined : stamp, readPersona(file)));
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
      personaData: options.personaData !== false,
      hashContent: cache !== undefined,
    },
    () => compiled,
  );
  const owners = new Map<string, number>();
  fill(personas, checked.personas, (checkedFacts, i) => {
    const stamp = checked.personaStamps[i] as FileStamp;
    stamps.set(checkedFacts.file, stamp);
    owners.set(checkedFacts.file, checked.personaOwners[i] ?? 0);
    cache?.storePersona(checkedFacts, stamp, checkedFacts.summary);
    return withData(checkedFacts, readPersona(checkedFacts.file));
  });
  fill(contributions, checked.contributions, (facts, i) => {
    const stamp = checked.contributionStamps[i] as FileStamp;
    stamps.set(facts.file, stamp);
    cache?.storeContribution(facts, stamp);
    return facts;
  });
  if (cache) for (const [file, stamp] of cache.revivedStamps()) stamps.set(file, stamp);
  const memoKey = (contributionFile: string, personaFile: string) =>
    [contributionFile, stamps.get(contributionFile)?.hash, personaFile, stamps.get(personaFile)?.hash].join(
      '\0',
    );

  // Contributions are compared with their personas in the thread holding each persona's data; the cache's
  // memo answers the comparisons whose two files it has seen.
  const byFile = new Map((personas as PersonaFacts[]).map((facts) => [facts.file, facts]));
  const contributionIndex =
    contributions.length > 0 ? buildContributionIndex(personas as PersonaFacts[]) : undefined;
  const comparisons = contributionIndex
    ? plannedComparisons(contributions as ContributionFacts[], contributionIndex).filter(
        (c) => !cache?.hasMemo(memoKey(c.contribution.file, c.target.file)),
      )
    : [];
  // Not awaited yet: this thread compares its own share now, and runs the persona half of the cross-file
  // rules while the workers compare theirs.
  const comparing = checked.compare(
    comparisons.map((c) => ({ ...c, owner: owners.get(c.target.file) ?? 0 })),
    (file) => byFile.get(file)?.data ?? {},
  );
  // Re-reads a fast-path persona in full, only when a cross-file rule reports on it and needs its positions.
  const locatePersona = (file: string) => {
    const places = loadPersona(file)().places ?? {};
    cache?.rememberPlaces(file, places);
    return places;
  };
  const input: LibraryCheckInput = {
    personas: personas as PersonaFacts[],
    locatePersona,
    layout: listing.diagnostics,
    contributions: contributions as ContributionFacts[],
    validatePersona: compiled.persona,
    ...(contributionIndex ? { contributionIndex } : {}),
    ...(cache ? { memoSuggestion: cache.suggestion.bind(cache) } : {}),
  };
  const personaDiagnostics = checkPersonaLibrary(input);
  const compared = await comparing;
  const precomputed = new Map(
    comparisons.map((c, i) => [`${c.contribution.file}\0${c.target.file}`, compared[i] as Diagnostic[]]),
  );
  const againstPersona = (contributionFile: string, personaFile: string, compute: () => Diagnostic[]) => {
    const known = precomputed.get(`${contributionFile}\0${personaFile}`);
    return known ?? compute();
  };
  const contributionDiagnostics = checkContributionLibrary({
    ...input,
    memoAgainstPersona: cache
      ? (contributionFile, personaFile, compute) =>
          cache.memo(memoKey(contributionFile, personaFile), () =>
            againstPersona(contributionFile, personaFile, compute),
          )
      : againstPersona,
  });
  const diagnostics = sortDiagnostics([...personaDiagnostics, ...contributionDiagnostics]);
  // Not looked at in this run, so not known to be gone: what the cache knew of contributions stays for the next.
  if (options.contributions === false) cache?.keepContributions();
  cache?.save();
  return {
    personas: personas as PersonaFacts[],
    contributions: contributions as ContributionFacts[],
    contributionCount: listing.contributionFiles.length,
    diagnostics,
    stamps,
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

/** Puts checked facts into the slots left empty for them, in order, as `each` turns them into facts. */
function fill<C, T>(slots: Array<T | undefined>, checked: C[], each: (facts: C, index: number) => T): void {
  let next = 0;
  for (let i = 0; i < slots.length; i++) {
    if (slots[i] !== undefined) continue;
    slots[i] = each(checked[next] as C, next);
    next++;
  }
}

/** Facts as validateLibrary returns them: with the data, or (when it stayed in a worker) loading it on demand. */
function withData(checked: CheckedPersona, load: () => PersonaFacts): PersonaFacts {
  const { summary } = checked;
  if (checked.data !== undefined) {
    const { file, places, diagnostics, data } = checked;
    return { file, data, places, diagnostics, ...(summary ? { summary } : {}) };
  }
  return personaFactsLoadingData(checked, summary, load);
}
