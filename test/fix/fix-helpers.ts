import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fastContributionCheck, fastPersonaCheck } from '../../scripts/accel/fast-checks.ts';
import { checkContributionFile } from '../../scripts/check/contribution/check-contribution-file.ts';
import { checkPersonaFile } from '../../scripts/check/persona/check-persona-file.ts';
import { compileSchema } from '../../scripts/check/schema/compile-schema.ts';
import { validateFiles } from '../../scripts/check/validate-files.ts';
import type { Diagnostic } from '../../scripts/core/diagnostic.ts';
import type { TextEdit } from '../../scripts/core/fix.ts';
import { lineStarts, offsetAt } from '../../scripts/core/text-edits.ts';
import { type FixRounds, fixRounds } from '../../scripts/plan/fix-rounds.ts';
import { personaValidator } from '../helpers/check-in-memory.ts';
import { REPO_ROOT } from '../helpers/run-cli.ts';

export const contributionValidator = compileSchema(
  JSON.parse(readFileSync(path.join(REPO_ROOT, 'schemas/contribution.schema.json'), 'utf8')),
);

const encode = (text: string) => new TextEncoder().encode(text);
const bytesOf = (content: string | Uint8Array) => (typeof content === 'string' ? encode(content) : content);

/** In-memory files (path → text or bytes), personas and contributions told apart by folder. */
export type Files = Record<string, string | Uint8Array>;

function sources(files: Files) {
  const all = Object.entries(files).map(([file, content]) => ({ file, bytes: bytesOf(content) }));
  return {
    personas: all.filter((f) => f.file.startsWith('personas/')),
    contributions: all.filter((f) => f.file.startsWith('contributions/')),
  };
}

/** What `persona validate` reports on in-memory files, contributions included. */
export function validateInMemory(files: Files): Diagnostic[] {
  return validateFiles({
    ...sources(files),
    validatePersona: personaValidator,
    validateContribution: contributionValidator,
  }).diagnostics;
}

/**
 * `persona fix` on in-memory files: the rounds of fixes, and the files as they end up. `fast`: with the
 * accelerator's fast paths, as `persona fix` runs unless PERSONA_ACCEL=off.
 */
export function fixInMemory(
  files: Files,
  scope?: ReadonlySet<string>,
  fast = false,
): FixRounds & { files: Files } {
  const rounds = fixRounds({
    ...sources(files),
    validatePersona: personaValidator,
    validateContribution: contributionValidator,
    scope,
    ...(fast
      ? {
          checkPersona: (file: string, bytes: Uint8Array) =>
            checkPersonaFile(file, bytes, personaValidator, { fast: fastPersonaCheck }),
          checkContribution: (file: string, bytes: Uint8Array) =>
            checkContributionFile(file, bytes, contributionValidator, { fast: fastContributionCheck }),
        }
      : {}),
  });
  const out: Files = { ...files };
  for (const { file, after } of rounds.changed) out[file] = after;
  return { ...rounds, files: out };
}

/** A problem's identity across edits (positions move): file, rule, severity and message, as the PR check has it. */
export const identity = (d: Diagnostic) => `${d.file}\u0000${d.rule}\u0000${d.severity}\u0000${d.message}`;

/** Counts of each identity. */
export function tally(diagnostics: readonly Diagnostic[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const d of diagnostics) out.set(identity(d), (out.get(identity(d)) ?? 0) + 1);
  return out;
}

/** The decoded text of a file as the tools read it (no BOM). */
export function textOf(content: string | Uint8Array): string {
  return (typeof content === 'string' ? content : new TextDecoder().decode(content)).replace(/^\uFEFF/, '');
}

/**
 * Whether `after` differs from `before` only inside the lines the edits touch: the lines before the first
 * touched line, after the last, and between two touched regions are all there, unchanged and in order.
 */
export function onlyEditedLinesChanged(before: string, after: string, edits: readonly TextEdit[]): boolean {
  if (edits.length === 0) return before === after;
  const starts = lineStarts(before);
  // Each edit's region, widened to whole lines: from the start of its first line to the end of its last.
  const regions = edits
    .map((e) => {
      const start = offsetAt(before, starts, e.line, 1) as number;
      const endLineStart = starts[e.endLine - 1] ?? before.length;
      const endLineEnd = starts[e.endLine] ?? before.length;
      const end = e.endColumn === 1 && e.endLine > e.line ? endLineStart : endLineEnd;
      return { start, end };
    })
    .sort((a, b) => a.start - b.start);
  const kept: string[] = [];
  let at = 0;
  for (const region of regions) {
    if (region.start > at) kept.push(before.slice(at, region.start));
    at = Math.max(at, region.end);
  }
  const tail = before.slice(at);
  // The untouched runs appear in order; the first is a prefix and the last a suffix of `after`.
  let cursor = 0;
  const first = regions[0]?.start ?? 0;
  if (first > 0 && !after.startsWith(before.slice(0, first))) return false;
  for (const run of kept) {
    const found = after.indexOf(run, cursor);
    if (found === -1) return false;
    cursor = found + run.length;
  }
  return after.endsWith(tail) && after.length - tail.length >= cursor;
}
