import { checkLibrary } from '../check/check-library.ts';
import { checkPersonaFile, type PersonaFacts } from '../check/persona/check-persona-file.ts';
import { compileSchema } from '../check/schema/compile-schema.ts';
import type { Diagnostic } from '../core/diagnostic.ts';
import { readLibrary } from '../read/read-library.ts';
import { readPersonaSchema } from '../read/read-schemas.ts';

export interface ValidationResult {
  personas: PersonaFacts[];
  contributionCount: number;
  diagnostics: Diagnostic[];
}

/** read → parse and check each file → cross-file rules. */
export async function validateLibrary(root: string): Promise<ValidationResult> {
  const [files, schema] = await Promise.all([readLibrary(root), readPersonaSchema(root)]);
  const validate = compileSchema(schema);
  const personas = files.personaFiles.map(({ file, bytes }) => checkPersonaFile(file, bytes, validate));
  const { diagnostics } = checkLibrary({ personas, layout: files.diagnostics });
  return { personas, contributionCount: files.contributionFiles.length, diagnostics };
}
