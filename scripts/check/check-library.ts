import { type Diagnostic, sortDiagnostics } from '../core/diagnostic.ts';
import { buildLibraryIndex } from './library/library-index.ts';
import type { PersonaFacts } from './persona/check-persona-file.ts';
import { LIBRARY_RULES } from './rules/library-rules.ts';

export interface LibraryCheckInput {
  personas: readonly PersonaFacts[];
  /** Diagnostics about files that were not parsed at all (symlinks, misplaced files). */
  layout?: readonly Diagnostic[];
}

export interface LibraryCheckResult {
  diagnostics: Diagnostic[];
}

/** Joins per-file results with the cross-file rules. Pure: the file system was read before this. */
export function checkLibrary(input: LibraryCheckInput): LibraryCheckResult {
  const diagnostics: Diagnostic[] = [...(input.layout ?? [])];
  for (const persona of input.personas) diagnostics.push(...persona.diagnostics);
  const index = buildLibraryIndex(input.personas);
  for (const rule of LIBRARY_RULES) diagnostics.push(...rule(index));
  return { diagnostics: sortDiagnostics(diagnostics) };
}
