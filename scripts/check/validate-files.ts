import { LineCounter } from 'yaml';
import type { ContributionFacts } from '../core/contribution.ts';
import { type Diagnostic, sortDiagnostics } from '../core/diagnostic.ts';
import type { PersonaFacts, SourceFile } from '../core/facts.ts';
import { decodeSource } from '../parse/decode-source.ts';
import { valuePlaces } from '../parse/node-place.ts';
import { parseYaml } from '../parse/parse-yaml.ts';
import { checkContributionFile } from './contribution/check-contribution-file.ts';
import { checkContributionsWithData } from './contribution/check-contributions.ts';
import { checkPersonas } from './library/check-personas.ts';
import { placeFindings } from './library/place-findings.ts';
import { checkPersonaFile } from './persona/check-persona-file.ts';
import type { SchemaValidator } from './schema/compile-schema.ts';
import { checkTagVocabulary } from './vocabulary/check-tag-vocabulary.ts';

export interface ValidateFilesInput {
  personas: readonly SourceFile[];
  contributions?: readonly SourceFile[];
  validatePersona: SchemaValidator;
  validateContribution?: SchemaValidator;
  /** `tags.yaml`, when the library has one, with its schema. */
  vocabulary?: { file: SourceFile; validate: SchemaValidator };
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
  const personas = input.personas.map(({ file, bytes }) =>
    checkPersonaFile(file, bytes, input.validatePersona),
  );
  const contributions = input.validateContribution
    ? (input.contributions ?? []).map(({ file, bytes }) =>
        checkContributionFile(file, bytes, input.validateContribution as SchemaValidator),
      )
    : [];
  const vocabulary = input.vocabulary
    ? checkTagVocabulary(input.vocabulary.file.bytes, input.vocabulary.validate, input.vocabulary.file.file)
    : null;
  const byFile = new Map(input.personas.map((f) => [f.file, f.bytes]));
  const placed = placeFindings(checkPersonas(personas, vocabulary?.vocabulary ?? null), (file) => {
    const decoded = decodeSource(file, byFile.get(file) ?? new Uint8Array());
    const parsed = decoded.ok ? parseYaml(file, decoded.text) : null;
    return valuePlaces(parsed?.doc ?? null, parsed?.lines ?? new LineCounter());
  });
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
