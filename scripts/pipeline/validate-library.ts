import path from 'node:path';
import { LineCounter } from 'yaml';
import { acceleratedChecker } from '../accel/accelerated-checker.ts';
import { fingerprintOf, ResultStore } from '../accel/result-store.ts';
import { accelerated } from '../accel/switch.ts';
import { toolFingerprint } from '../accel/tool-fingerprint.ts';
import type { PoolOptions } from '../accel/worker-pool.ts';
import { checkContributions } from '../check/contribution/check-contributions.ts';
import { buildContributionIndex } from '../check/contribution/contribution-index.ts';
import { plannedComparisons } from '../check/contribution/planned-comparisons.ts';
import { checkPersonas } from '../check/library/check-personas.ts';
import { placeFindings } from '../check/library/place-findings.ts';
import type { LibraryChecker } from '../check/library-checker.ts';
import { compileSchemaOnFirstUse } from '../check/schema/compile-schema.ts';
import type { ContributionFacts } from '../core/contribution.ts';
import { type Diagnostic, sortDiagnostics } from '../core/diagnostic.ts';
import type { PersonaFacts } from '../core/facts.ts';
import { decodeSource } from '../parse/decode-source.ts';
import { valuePlaces } from '../parse/node-place.ts';
import { parseYaml } from '../parse/parse-yaml.ts';
import { readContributionSchema } from '../read/read-contribution-schema.ts';
import { listLibrary, readCapped } from '../read/read-library.ts';
import { readPersonaSchema } from '../read/read-schemas.ts';
import { defaultCacheFile } from '../read/tool-state.ts';
import { referenceChecker } from './reference-checker.ts';

export interface ValidationResult {
  personas: PersonaFacts[];
  contributions: ContributionFacts[];
  contributionCount: number;
  diagnostics: Diagnostic[];
}

export interface ValidateOptions {
  /** Keep every persona's data in its facts (the catalogue, intake, `contribute` need it); default true. */
  personaData?: boolean;
  /** false: check the personas only, for callers that show nothing of contributions (the catalogue). */
  contributions?: boolean;
  /**
   * The result store of the accelerator: a file path, null for none, or undefined for the default one in the
   * tools' state folder. Ignored with the accelerator off.
   */
  store?: string | null;
  /** The accelerator's worker pool: its thresholds, and a way to start threads (tests run them in-process). */
  pool?: Partial<PoolOptions>;
  env?: Record<string, string | undefined>;
}

/**
 * read the listing and schemas → check each file (reference, or the accelerator's store and workers) → the
 * cross-file rules over what each persona collected → contributions against their personas and each other.
 * The diagnostics are the same with the accelerator on or off.
 */
export async function validateLibrary(
  root: string,
  options: ValidateOptions = {},
): Promise<ValidationResult> {
  const env = options.env ?? process.env;
  const withContributions = options.contributions !== false;
  const [listing, personaSchema, contributionSchema] = await Promise.all([
    listLibrary(root, { contributions: withContributions }),
    readPersonaSchema(root),
    readContributionSchema(root),
  ]);
  const checker = makeChecker(
    root,
    { persona: personaSchema, contribution: contributionSchema },
    options,
    env,
  );
  const personas = await checker.personas(listing.personaFiles, { keepData: options.personaData !== false });
  const contributions = withContributions ? await checker.contributions(listing.contributionFiles) : [];

  // Cross-file findings are placed by reading again only the files they are about.
  const findings = checkPersonas(personas);
  const placed = placeFindings(findings, (file) => {
    const decoded = decodeSource(file, readCapped(path.join(root, file)));
    const parsed = decoded.ok ? parseYaml(file, decoded.text) : null;
    return valuePlaces(parsed?.doc ?? null, parsed?.lines ?? new LineCounter());
  });
  const diagnostics: Diagnostic[] = [
    ...listing.diagnostics,
    ...personas.flatMap((p) => p.diagnostics),
    ...placed,
  ];
  if (contributions.length > 0) {
    const index = buildContributionIndex(personas);
    const compared = await checker.compare(plannedComparisons(contributions, index), personas);
    diagnostics.push(
      ...contributions.flatMap((c) => c.diagnostics),
      ...checkContributions(contributions, index, compared),
    );
  }
  checker.finish();
  return {
    personas,
    contributions,
    contributionCount: listing.contributionFiles.length,
    diagnostics: sortDiagnostics(diagnostics),
  };
}

function makeChecker(
  root: string,
  schemas: { persona: object; contribution: object },
  options: ValidateOptions,
  env: Record<string, string | undefined>,
): LibraryChecker {
  if (!accelerated(env))
    return referenceChecker(root, {
      persona: compileSchemaOnFirstUse(schemas.persona),
      contribution: compileSchemaOnFirstUse(schemas.contribution),
    });
  // Results are reused only by the same build of the tool, with the same schemas.
  const tool = toolFingerprint();
  const location =
    tool === undefined
      ? null
      : options.store === undefined
        ? defaultCacheFile(root, 'results.json', env)
        : options.store;
  const fingerprint = fingerprintOf([tool ?? '', JSON.stringify(schemas)]);
  const minItemsPerThread = Number(env.PERSONA_FILES_PER_THREAD);
  return acceleratedChecker(root, {
    store: ResultStore.open(location, fingerprint),
    schemas,
    // PERSONA_FILES_PER_THREAD lets a test start real threads on a small library.
    pool: { ...(minItemsPerThread > 0 ? { minItemsPerThread } : {}), ...options.pool },
  });
}
