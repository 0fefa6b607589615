import path from 'node:path';
import { checkAgainstBase } from '../check/base/check-against-base.ts';
import { GENERATED_PATHS, generatedEdits, TOOL_PATHS } from '../check/base/generated-edits.ts';
import { checkPersonaFile } from '../check/persona/check-persona-file.ts';
import { compileSchemaOnFirstUse } from '../check/schema/compile-schema.ts';
import { type Diagnostic, START_OF_FILE, sortDiagnostics } from '../core/diagnostic.ts';
import { changedBetween } from '../read/compare-trees.ts';
import { readCapped } from '../read/read-library.ts';
import { readPersonaSchema } from '../read/read-schemas.ts';
import { type ValidationResult, validateLibrary } from './validate-library.ts';

export interface BaseAwareValidation {
  head: ValidationResult;
  /** The head's diagnostics with what only the comparison shows (ids, generated files), sorted. */
  diagnostics: Diagnostic[];
  /** The base's diagnostics, or null when there is no base or it could not be validated. */
  baseDiagnostics: Diagnostic[] | null;
  /** Why the base could not be validated, when it could not. */
  baseProblem: string | null;
}

/**
 * The pull-request check's validation: the head, the base, and what only comparing them shows. The caller
 * judges by what the head introduces (`compareWithBase`), so a problem already on main never fails anyone.
 */
export async function validateAgainstBase(
  root: string,
  baseRoot: string | null,
): Promise<BaseAwareValidation> {
  const head = await validateLibrary(root, { personaData: false });
  let base: ValidationResult | null = null;
  let baseProblem: string | null = null;
  if (baseRoot !== null) {
    try {
      base = await validateLibrary(baseRoot, { personaData: false });
    } catch (error) {
      baseProblem = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? 'unknown';
    }
  }
  if (base === null || baseRoot === null)
    return { head, diagnostics: head.diagnostics, baseDiagnostics: null, baseProblem };
  const validate = compileSchemaOnFirstUse(await readPersonaSchema(root));
  // Positions of a fast-path persona come from a full reading of that one file, only when a rule needs them.
  const placeOf = (file: string, key: string) =>
    checkPersonaFile(file, readCapped(path.join(root, file)), validate, { fast: false }).places?.[key] ??
    START_OF_FILE;
  const changed = changedBetween(root, baseRoot, [...GENERATED_PATHS, ...TOOL_PATHS])
    .filter((change) => change.status !== 'removed')
    .map((change) => ({ file: change.file, added: change.status === 'added' }));
  const diagnostics = sortDiagnostics([...checkAgainstBase(head, base, placeOf), ...generatedEdits(changed)]);
  return { head, diagnostics, baseDiagnostics: base.diagnostics, baseProblem };
}
