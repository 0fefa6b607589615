import path from 'node:path';
import { checkLibrary } from '../check/check-library.ts';
import { checkContributionFile } from '../check/contribution/check-contribution-file.ts';
import type { ContributionFacts } from '../check/contribution/contribution.ts';
import { checkPersonaFile, type PersonaFacts } from '../check/persona/check-persona-file.ts';
import { compileSchema } from '../check/schema/compile-schema.ts';
import type { Diagnostic } from '../core/diagnostic.ts';
import { readContributionSchema } from '../read/read-contribution-schema.ts';
import { readCapped, readLibrary } from '../read/read-library.ts';
import { readPersonaSchema } from '../read/read-schemas.ts';

export interface ValidationResult {
  personas: PersonaFacts[];
  contributions: ContributionFacts[];
  contributionCount: number;
  diagnostics: Diagnostic[];
}

/** read → parse and check each file → cross-file rules. */
export async function validateLibrary(root: string): Promise<ValidationResult> {
  const [files, schema, contributionSchema] = await Promise.all([
    readLibrary(root),
    readPersonaSchema(root),
    readContributionSchema(root),
  ]);
  const validate = compileSchema(schema);
  const validateContribution = compileSchema(contributionSchema);
  const personas = files.personaFiles.map(({ file, bytes }) => checkPersonaFile(file, bytes, validate));
  const contributions = files.contributionFiles.map(({ file, bytes }) =>
    checkContributionFile(file, bytes, validateContribution),
  );
  // Re-reads a fast-path persona in full, only when a cross-file rule reports on it and needs its positions.
  const locatePersona = (file: string) =>
    checkPersonaFile(file, readCapped(path.join(root, file)), validate, { fast: false }).places ?? {};
  const { diagnostics } = checkLibrary({
    personas,
    locatePersona,
    layout: files.diagnostics,
    contributions,
    validatePersona: validate,
  });
  return { personas, contributions, contributionCount: files.contributionFiles.length, diagnostics };
}
