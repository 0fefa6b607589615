import path from 'node:path';
import { fastContributionCheck, fastPersonaCheck } from '../accel/fast-checks.ts';
import { accelerated } from '../accel/switch.ts';
import { assertWritable } from '../apply/safe-path.ts';
import { writeLibraryFile } from '../apply/write-file.ts';
import { checkConfig } from '../check/config/check-config.ts';
import { checkContributionFile } from '../check/contribution/check-contribution-file.ts';
import { checkPersonaFile } from '../check/persona/check-persona-file.ts';
import { compileSchema } from '../check/schema/compile-schema.ts';
import type { Diagnostic } from '../core/diagnostic.ts';
import type { SourceFile } from '../core/facts.ts';
import { type FixRounds, fixRounds } from '../plan/fix-rounds.ts';
import { readConfig, readConfigSchema } from '../read/read-config.ts';
import { readContributionSchema } from '../read/read-contribution-schema.ts';
import { listLibrary, readCapped } from '../read/read-library.ts';
import { readPersonaSchema } from '../read/read-schemas.ts';
import { readTagsSchema, readTagVocabularyFile } from '../read/read-tag-vocabulary.ts';

export interface FixOptions {
  /** Library files (relative to the root, with `/`) to fix; undefined: every file. Others are never written. */
  only?: readonly string[];
  /** Compute everything, write nothing. */
  dryRun?: boolean;
  env?: Record<string, string | undefined>;
}

export interface FixResult extends FixRounds {
  /** The problems left afterwards in the files fixed (every file, or `only`). */
  remaining: Diagnostic[];
  personas: number;
  contributions: number;
}

/**
 * `persona fix`: read the library → the rounds of fixes, in memory (`plan/fix-rounds.ts`) → write each changed
 * file once, atomically, after checking that no target is behind a symbolic link or outside the root (a refusal
 * writes nothing). A dry run stops before writing.
 */
export async function fixLibrary(root: string, options: FixOptions = {}): Promise<FixResult> {
  const [listing, personaSchema, contributionSchema, configSchema, tagsSchema] = await Promise.all([
    listLibrary(root),
    readPersonaSchema(root),
    readContributionSchema(root),
    readConfigSchema(root),
    readTagsSchema(root),
  ]);
  // What `validate` checks with besides the files: the config's settings and the tag vocabulary.
  const config = checkConfig(readConfig(root), compileSchema(configSchema));
  const { settings } = config;
  const vocabularyFile = readTagVocabularyFile(root);
  const read = (file: string): SourceFile => ({ file, bytes: readCapped(path.join(root, file)) });
  const scope = options.only === undefined ? undefined : new Set(options.only);
  const validatePersona = compileSchema(personaSchema);
  const validateContribution = compileSchema(contributionSchema);
  // The accelerator's fast paths answer for plainly clean files, with the reference's answers (its differential
  // tests hold them to that); off, every file takes the reference path.
  const fast = accelerated(options.env);
  const rounds = fixRounds({
    personas: listing.personaFiles.map(read),
    contributions: listing.contributionFiles.map(read),
    validatePersona,
    validateContribution,
    listingDiagnostics: [...listing.diagnostics, ...config.diagnostics, ...vocabularyFile.diagnostics],
    settings,
    ...(vocabularyFile.file
      ? { vocabulary: { file: vocabularyFile.file, validate: compileSchema(tagsSchema) } }
      : {}),
    scope,
    ...(fast
      ? {
          checkPersona: (file, bytes) =>
            checkPersonaFile(file, bytes, validatePersona, { fast: fastPersonaCheck, settings }),
          checkContribution: (file, bytes) =>
            checkContributionFile(file, bytes, validateContribution, {
              fast: fastContributionCheck,
              settings,
            }),
        }
      : {}),
  });
  if (!options.dryRun && rounds.changed.length > 0) {
    // Every target is checked before the first write: a link on the way refuses the whole run.
    assertWritable(
      root,
      rounds.changed.map((c) => c.file),
    );
    for (const { file, after } of rounds.changed) await writeLibraryFile(root, file, after);
  }
  return {
    ...rounds,
    remaining: rounds.remaining.filter((d) => scope === undefined || scope.has(d.file)),
    personas: listing.personaFiles.length,
    contributions: listing.contributionFiles.length,
  };
}
