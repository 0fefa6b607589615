import type { ContributionFacts } from '../core/contribution.ts';
import { type Diagnostic, sortDiagnostics } from '../core/diagnostic.ts';
import type { PersonaFacts, SourceFile } from '../core/facts.ts';
import type { LintSettings } from '../core/lint-settings.ts';
import { checkContributionFile } from './contribution/check-contribution-file.ts';
import { checkContributionsWithData } from './contribution/check-contributions.ts';
import { checkPersonas } from './library/check-personas.ts';
import { placeFindings, readFindingFile } from './library/place-findings.ts';
import { checkPersonaFile } from './persona/check-persona-file.ts';
import type { SchemaValidator } from './schema/compile-schema.ts';
import { checkTagVocabulary } from './vocabulary/check-tag-vocabulary.ts';

export interface ValidateFilesInput {
  personas: readonly SourceFile[];
  contributions?: readonly SourceFile[];
  validatePersona: SchemaValidator;
  validateContribution?: SchemaValidator;
  /** The library's lint settings (persona.config.yaml); the defaults when absent. */
  settings?: LintSettings;
  /** `tags.yaml`, when the library has one, with its schema. */
  vocabulary?: { file: SourceFile; validate: SchemaValidator };
  /**
   * Stand-ins for checking one file, with the same answers (a caller checking the same bytes again, round after
   * round, remembers them).
   */
  checkPersona?: (file: string, bytes: Uint8Array) => PersonaFacts;
  checkContribution?: (file: string, bytes: Uint8Array) => ContributionFacts;
}

/**
 * Validation of files already read, start to end, on the reference path: each file on its own, the rules
 * across personas (placed from a full reading of the files they are about), then the contributions against
 * their personas and each other. Pure: what `persona validate` reports, without the file system (the listing's
 * own diagnostics aside).
 */
export function validateFiles(input: ValidateFilesInput): {
  personas: PersonaFacts[];
  contributions: ContributionFacts[];
  diagnostics: Diagnostic[];
} {
  const { settings } = input;
  const checkPersona =
    input.checkPersona ??
    ((file: string, bytes: Uint8Array) => checkPersonaFile(file, bytes, input.validatePersona, { settings }));
  const personas = input.personas.map(({ file, bytes }) => checkPersona(file, bytes));
  const validateContribution = input.validateContribution;
  const checkContribution =
    input.checkContribution ??
    (validateContribution
      ? (file: string, bytes: Uint8Array) =>
          checkContributionFile(file, bytes, validateContribution, { settings })
      : undefined);
  const contributions = checkContribution
    ? (input.contributions ?? []).map(({ file, bytes }) => checkContribution(file, bytes))
    : [];
  const vocabulary = input.vocabulary
    ? checkTagVocabulary(input.vocabulary.file.bytes, input.vocabulary.validate, input.vocabulary.file.file)
    : null;
  const byFile = new Map(input.personas.map((f) => [f.file, f.bytes]));
  const placed = placeFindings(
    checkPersonas(personas, { vocabulary: vocabulary?.vocabulary ?? null }),
    (file) => readFindingFile(file, byFile.get(file) ?? new Uint8Array()),
  );
  const diagnostics = [
    ...(vocabulary?.diagnostics ?? []),
    ...personas.flatMap((p) => p.diagnostics),
    ...placed,
    ...contributions.flatMap((c) => c.diagnostics),
    ...(contributions.length > 0
      ? checkContributionsWithData(contributions, personas, input.validatePersona)
      : []),
  ];
  return { personas, contributions, diagnostics: sortDiagnostics(diagnostics) };
}
