import { checkContributionFile } from '../check/contribution/check-contribution-file.ts';
import { checkPersonaFile } from '../check/persona/check-persona-file.ts';
import type { SchemaValidator } from '../check/schema/compile-schema.ts';
import { validateFiles } from '../check/validate-files.ts';
import type { ContributionFacts } from '../core/contribution.ts';
import { type Diagnostic, sortDiagnostics } from '../core/diagnostic.ts';
import type { PersonaFacts, SourceFile } from '../core/facts.ts';
import type { Fix } from '../core/fix.ts';
import type { LintSettings } from '../core/lint-settings.ts';
import { decodeSource } from '../parse/decode-source.ts';
import { planFixPass } from './plan-fixes.ts';

/**
 * Enough rounds for any real library: a round applies one fix per file, and a file reports at most 50 problems
 * (a target persona gets one missing link back per round, at most 24). A loop must end.
 */
export const MAX_FIX_ROUNDS = 200;

export interface FixRoundsInput {
  personas: readonly SourceFile[];
  contributions: readonly SourceFile[];
  validatePersona: SchemaValidator;
  validateContribution: SchemaValidator;
  /**
   * Problems of the listing itself (links, hidden files…) and of the config file, reported as they are: nothing
   * fixes them.
   */
  listingDiagnostics?: readonly Diagnostic[];
  /** The library's lint settings (persona.config.yaml), as `validate` checks with them; default: none set. */
  settings?: LintSettings;
  /** `tags.yaml` with its schema, when the library has one (the tag rules check against it, as in `validate`). */
  vocabulary?: { file: SourceFile; validate: SchemaValidator };
  /** The files that may change; undefined: every file. */
  scope?: ReadonlySet<string>;
  /** Stand-ins for checking one file with the same answers (the accelerator's fast paths); default: reference. */
  checkPersona?: (file: string, bytes: Uint8Array) => PersonaFacts;
  checkContribution?: (file: string, bytes: Uint8Array) => ContributionFacts;
}

export interface FixRounds {
  /** Every fix applied, in the order of the rounds, with the diagnostic it fixed (placed as in its round). */
  applied: Array<Diagnostic & { fix: Fix; round: number }>;
  /** The diagnostics after the last round (every file's). */
  remaining: Diagnostic[];
  /** The files that changed: their text before (as decoded) and after. */
  changed: Array<{ file: string; before: string; after: string }>;
  /** True when the rounds stopped at MAX_FIX_ROUNDS with fixes still to apply. */
  stopped: boolean;
}

/**
 * Every fix that fits, round after round, in memory: validate every file (the cross-file rules see the whole
 * library), apply the fixes of one round (`planFixPass`), validate again, until a round applies nothing. Pure:
 * files in, texts out. A file no round changed is checked once.
 */
export function fixRounds(input: FixRoundsInput): FixRounds {
  const personas = [...input.personas];
  const contributions = [...input.contributions];
  const personaFacts = new WeakMap<Uint8Array, PersonaFacts>();
  const contributionFacts = new WeakMap<Uint8Array, ContributionFacts>();
  const { settings } = input;
  const checkPersona =
    input.checkPersona ??
    ((file: string, bytes: Uint8Array) => checkPersonaFile(file, bytes, input.validatePersona, { settings }));
  const checkContribution =
    input.checkContribution ??
    ((file: string, bytes: Uint8Array) =>
      checkContributionFile(file, bytes, input.validateContribution, { settings }));
  const validate = () =>
    sortDiagnostics([
      ...(input.listingDiagnostics ?? []),
      ...validateFiles({
        personas,
        contributions,
        validatePersona: input.validatePersona,
        ...(input.vocabulary ? { vocabulary: input.vocabulary } : {}),
        checkPersona: (file, bytes) => remember(personaFacts, bytes, () => checkPersona(file, bytes)),
        checkContribution: (file, bytes) =>
          remember(contributionFacts, bytes, () => checkContribution(file, bytes)),
      }).diagnostics,
    ]);

  const texts = new Map<string, string>();
  for (const { file, bytes } of [...personas, ...contributions]) {
    const decoded = decodeSource(file, bytes);
    if (decoded.ok) texts.set(file, decoded.text);
  }
  const original = new Map<string, string>();
  const applied: FixRounds['applied'] = [];
  let diagnostics = validate();
  let stopped = false;
  for (let round = 1; ; round++) {
    const pass = planFixPass(diagnostics, texts, input.scope);
    if (pass.applied.length === 0) break;
    if (round > MAX_FIX_ROUNDS) {
      stopped = true;
      break;
    }
    applied.push(...pass.applied.map((d) => ({ ...d, round })));
    for (const [file, text] of pass.texts) {
      if (!original.has(file)) original.set(file, texts.get(file) as string);
      texts.set(file, text);
      // Written as UTF-8 without a byte order mark: that is the whole fix of `format/bom`.
      const bytes = new TextEncoder().encode(text);
      for (const list of [personas, contributions]) {
        const index = list.findIndex((f) => f.file === file);
        if (index !== -1) list[index] = { file, bytes };
      }
    }
    diagnostics = validate();
  }
  const changed = [...original].map(([file, before]) => ({ file, before, after: texts.get(file) as string }));
  return { applied, remaining: diagnostics, changed, stopped };
}

function remember<T>(memo: WeakMap<Uint8Array, T>, bytes: Uint8Array, compute: () => T): T {
  let known = memo.get(bytes);
  if (known === undefined) {
    known = compute();
    memo.set(bytes, known);
  }
  return known;
}
