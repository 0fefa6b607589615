import path from 'node:path';
import { closeAccelerator, openAccelerator } from '../accel/accelerator.ts';
import { EntryGroupMemo } from '../accel/group-memo.ts';
import { checkAgainstBase } from '../check/base/check-against-base.ts';
import { GENERATED_PATHS, generatedEdits, TOOL_PATHS } from '../check/base/generated-edits.ts';
import { type Diagnostic, START_OF_FILE, sortDiagnostics } from '../core/diagnostic.ts';
import { decodeSource } from '../parse/decode-source.ts';
import { valuePlaces } from '../parse/node-place.ts';
import { parseYaml } from '../parse/parse-yaml.ts';
import { changedBetween } from '../read/compare-trees.ts';
import { readCapped } from '../read/read-library.ts';
import { type ValidationResult, validateLibrary } from './validate-library.ts';

export interface BaseAwareValidation {
  head: ValidationResult;
  /** The head's diagnostics with what only the comparison shows (ids, generated files), sorted. */
  diagnostics: Diagnostic[];
  /** The base's validation, or null when there is no base or it could not be validated. */
  base?: ValidationResult | null;
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
  options: { store?: string | null; env?: Record<string, string | undefined> } = {},
): Promise<BaseAwareValidation> {
  // One accelerator for both: the base is checked only where its files differ from the head's, on the threads
  // the head started, and its cross-file rules find the head's stored findings for the groups both share.
  const env = options.env ?? process.env;
  const accelerator = openAccelerator(root, { store: options.store, env });
  const groups = new EntryGroupMemo();
  let base: ValidationResult | null = null;
  let baseProblem: string | null = null;
  let head: ValidationResult;
  try {
    // Without the personas' data, which would double the memory: the few a rename may involve are read again.
    head = await validateLibrary(root, { accelerator, env, groups, personaData: false });
    if (baseRoot !== null) {
      try {
        base = await validateLibrary(baseRoot, {
          accelerator,
          env,
          twin: head,
          groups,
          personaData: false,
        });
      } catch (error) {
        baseProblem = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? 'unknown';
      }
    }
  } finally {
    closeAccelerator(accelerator);
  }
  if (base === null || baseRoot === null)
    return { head, diagnostics: head.diagnostics, baseDiagnostics: null, baseProblem };
  // Positions come from a full reading of the one file a diagnostic is about, only when one is made.
  const placeOf = (file: string, key: string) => {
    const decoded = decodeSource(file, readCapped(path.join(root, file)));
    const parsed = decoded.ok ? parseYaml(file, decoded.text) : null;
    return parsed?.doc ? valuePlaces(parsed.doc, parsed.lines)([key]) : START_OF_FILE;
  };
  const changed = changedBetween(root, baseRoot, [...GENERATED_PATHS, ...TOOL_PATHS])
    .filter((change) => change.status !== 'removed')
    .map((change) => ({ file: change.file, added: change.status === 'added' }));
  const diagnostics = sortDiagnostics([
    ...checkAgainstBase(
      { ...head, dataOf: head.readPersonaData },
      { ...base, dataOf: base.readPersonaData },
      placeOf,
    ),
    ...generatedEdits(changed),
  ]);
  return { head, base, diagnostics, baseDiagnostics: base.diagnostics, baseProblem };
}
