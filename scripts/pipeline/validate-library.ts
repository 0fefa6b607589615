import path from 'node:path';
import { acceleratedChecker } from '../accel/accelerated-checker.ts';
import { type Accelerator, closeAccelerator, openAccelerator } from '../accel/accelerator.ts';
import { storedGroups, storedSuggestions } from '../accel/group-memo.ts';
import type { PoolOptions } from '../accel/worker-pool.ts';
import { checkConfig } from '../check/config/check-config.ts';
import { checkContributions } from '../check/contribution/check-contributions.ts';
import { buildContributionIndex } from '../check/contribution/contribution-index.ts';
import { plannedComparisons } from '../check/contribution/planned-comparisons.ts';
import { checkPersonas } from '../check/library/check-personas.ts';
import type { GroupMemo } from '../check/library/library-rule.ts';
import { placeFindings, readFindingFile } from '../check/library/place-findings.ts';
import type { ValidationResult } from '../check/library-checker.ts';
import { compileSchema, compileSchemaOnFirstUse } from '../check/schema/compile-schema.ts';
import { checkTagVocabulary } from '../check/vocabulary/check-tag-vocabulary.ts';
import { type Diagnostic, sortDiagnostics } from '../core/diagnostic.ts';
import { readConfig, readConfigSchema } from '../read/read-config.ts';
import { readContributionSchema } from '../read/read-contribution-schema.ts';
import { listLibrary, readCapped } from '../read/read-library.ts';
import { readPersonaSchema } from '../read/read-schemas.ts';
import { readTagsSchema, readTagVocabularyFile } from '../read/read-tag-vocabulary.ts';
import { referenceChecker } from './reference-checker.ts';

export type { ValidationResult };

export interface ValidateOptions {
  /**
   * Keep every persona's data in its facts (the intake and `contribute` need it); default true. 'if-parsed':
   * only what this run parsed anyway, the rest null (the catalogue reads what it needs with `readPersonaData`).
   */
  personaData?: boolean | 'if-parsed';
  /** false: check the personas only, for callers that show nothing of contributions (the catalogue). */
  contributions?: boolean;
  /**
   * The accelerator's result store, when this run opens its own: a file path, null for none, or undefined for
   * the default one in the tools' state folder.
   */
  store?: string | null;
  /** The accelerator's worker pool options, when this run opens its own (tests run threads in-process). */
  pool?: Partial<PoolOptions>;
  /** An accelerator the caller opened (and saves), shared with its other stages; null: the reference path. */
  accelerator?: Accelerator | null;
  /**
   * A library validated just before that this one mostly shares (the pull request check's head, when
   * validating its base): with the accelerator, each file of the same path and bytes takes the twin's facts
   * instead of being checked again. The cross-file rules still run on the whole of this library.
   */
  twin?: ValidationResult;
  /**
   * With the accelerator: where the grouped cross-file rules keep their findings, instead of the result store
   * (the pull request check gives head and base one `EntryGroupMemo`: a product whose personas the base
   * shares with the head, as the very same facts, is not compared again).
   */
  groups?: GroupMemo;
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
  const [listing, personaSchema, contributionSchema, configSchema, tagsSchema] = await Promise.all([
    listLibrary(root, { contributions: withContributions }),
    readPersonaSchema(root),
    readContributionSchema(root),
    readConfigSchema(root),
    readTagsSchema(root),
  ]);
  // The config is small and read whole on every run: its settings are part of every stored result's key.
  const config = checkConfig(readConfig(root), compileSchemaOnFirstUse(configSchema));
  const { settings } = config;
  // The vocabulary is one small file: read and checked here, on every run, never stored.
  const vocabularyFile = readTagVocabularyFile(root);
  const vocabulary = vocabularyFile.file
    ? checkTagVocabulary(vocabularyFile.file.bytes, compileSchema(tagsSchema))
    : null;
  const own = options.accelerator === undefined;
  const accelerator = own
    ? openAccelerator(root, { store: options.store, pool: options.pool, env })
    : (options.accelerator ?? null);
  const schemas = { persona: personaSchema, contribution: contributionSchema };
  const checker = accelerator
    ? acceleratedChecker(root, {
        store: accelerator.store,
        schemas,
        settings,
        pool: accelerator.pool,
        ...(options.twin?.checked
          ? {
              twin: {
                checked: options.twin.checked,
                personas: options.twin.personas,
                contributions: options.twin.contributions,
              },
            }
          : {}),
      })
    : referenceChecker(root, {
        persona: compileSchemaOnFirstUse(schemas.persona),
        contribution: compileSchemaOnFirstUse(schemas.contribution),
        settings,
      });
  // Contributions first: the personas they name keep their data, which comparing them with those needs.
  const contributions = withContributions ? await checker.contributions(listing.contributionFiles) : [];
  const keepDataFor = [
    ...new Set(contributions.flatMap((c) => (c.contribution ? [c.contribution.persona] : []))),
  ];
  const personas = await checker.personas(listing.personaFiles, {
    keepData: options.personaData ?? true,
    keepDataFor,
  });

  // Cross-file findings are placed by reading again only the files they are about.
  const findings = checkPersonas(personas, {
    vocabulary: vocabulary?.vocabulary ?? null,
    ...(accelerator
      ? {
          suggestions: storedSuggestions(accelerator.store),
          groups: options.groups ?? storedGroups(accelerator.store),
        }
      : {}),
  });
  const placed = placeFindings(findings, (file) => readFindingFile(file, readCapped(path.join(root, file))));
  const diagnostics: Diagnostic[] = [
    ...config.diagnostics,
    ...listing.diagnostics,
    ...vocabularyFile.diagnostics,
    ...(vocabulary?.diagnostics ?? []),
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
  if (own) closeAccelerator(accelerator);
  return {
    personas,
    contributions,
    contributionCount: listing.contributionFiles.length,
    listing,
    diagnostics: sortDiagnostics(diagnostics),
    tagDescriptions: vocabulary?.descriptions ?? new Map(),
    readPersonaData: checker.dataOf,
    settings,
    ...(checker.checked ? { checked: checker.checked() } : {}),
  };
}
