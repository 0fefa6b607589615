import type { ContributionFacts } from '../core/contribution.ts';
import { type Diagnostic, sortDiagnostics } from '../core/diagnostic.ts';
import { checkContributions, type MemoAgainstPersona } from './contribution/check-contributions.ts';
import type { ContributionIndex } from './contribution/contribution-index.ts';
import { buildLibraryIndex, type PersonaLocator, type SuggestionMemo } from './library/library-index.ts';
import type { PersonaFacts } from './persona/check-persona-file.ts';
import { LIBRARY_RULES } from './rules/library-rules.ts';
import type { SchemaValidator } from './schema/compile-schema.ts';

export interface LibraryCheckInput {
  personas: readonly PersonaFacts[];
  /** Diagnostics about files that were not parsed at all (symlinks, misplaced files). */
  layout?: readonly Diagnostic[];
  /** Per-file results of the contribution files; compared with their personas here. */
  contributions?: readonly ContributionFacts[];
  /** Places of personas checked on the fast path, needed only when a cross-file rule reports on them. */
  locatePersona?: PersonaLocator;
  /** Memoises contribution-against-persona checks (the validation cache); computes them when absent. */
  memoAgainstPersona?: MemoAgainstPersona;
  /** The contribution index of `personas`, when the caller already built it. */
  contributionIndex?: ContributionIndex;
  /** Remembers slug suggestions for broken links (the validation cache); computes them when absent. */
  memoSuggestion?: SuggestionMemo;
  /** The persona schema, to tell whether applying a contribution would break its persona. */
  validatePersona?: SchemaValidator;
}

export interface LibraryCheckResult {
  diagnostics: Diagnostic[];
}

/** Joins per-file results with the cross-file rules. Pure: the file system was read before this. */
export function checkLibrary(input: LibraryCheckInput): LibraryCheckResult {
  return {
    diagnostics: sortDiagnostics([...checkPersonaLibrary(input), ...checkContributionLibrary(input)]),
  };
}

/**
 * The personas' half, unsorted: layout problems, each persona's own diagnostics and the cross-file rules. Apart
 * from the contributions' half, so a caller can run it while contributions are still being compared elsewhere.
 */
export function checkPersonaLibrary(input: LibraryCheckInput): Diagnostic[] {
  const diagnostics: Diagnostic[] = [...(input.layout ?? [])];
  for (const persona of input.personas) diagnostics.push(...persona.diagnostics);
  const index = buildLibraryIndex(input.personas, input.locatePersona, input.memoSuggestion);
  for (const rule of LIBRARY_RULES) diagnostics.push(...rule(index));
  return diagnostics;
}

/** The contributions' half, unsorted: their own diagnostics and their checks against personas and each other. */
export function checkContributionLibrary(input: LibraryCheckInput): Diagnostic[] {
  const contributions = input.contributions ?? [];
  const diagnostics: Diagnostic[] = [];
  for (const contribution of contributions) diagnostics.push(...contribution.diagnostics);
  if (contributions.length > 0 && input.validatePersona)
    diagnostics.push(
      ...checkContributions(
        contributions,
        input.personas,
        input.validatePersona,
        input.memoAgainstPersona,
        input.contributionIndex,
      ),
    );
  return diagnostics;
}
