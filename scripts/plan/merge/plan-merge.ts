import { isDeepStrictEqual } from 'node:util';
import type { Document } from 'yaml';
import {
  applyContentEffect,
  type ContentEffect,
  currentText,
} from '../../check/contribution/contribution-effect.ts';
import { buildContributionIndex, type PersonaTarget } from '../../check/contribution/contribution-index.ts';
import { parkedPath } from '../../check/contribution/contribution-location.ts';
import { resolveTarget } from '../../check/contribution/resolve-target.ts';
import { checkAgainstPersona } from '../../check/contribution/rules/target-rules.ts';
import type { FileChecks } from '../../check/file-checks.ts';
import type { PersonaFacts } from '../../check/persona/check-persona-file.ts';
import type { Contribution, ContributionFacts } from '../../core/contribution.ts';
import { compareCodePoints, type Diagnostic, sortDiagnostics } from '../../core/diagnostic.ts';
import { ownStrings } from '../../core/own-strings.ts';
import { sha256 } from '../../core/sha256.ts';
import { unifiedDiff } from '../../core/unified-diff.ts';
import { decodeSource } from '../../parse/decode-source.ts';
import { parseYaml } from '../../parse/parse-yaml.ts';
import { type Community, communityToPlain, readCommunity, recordContribution } from './community.ts';
import { editPersonaDocument, setCommunity } from './edit-persona-document.ts';
import type { AppliedContribution, MergePlan, PersonaMergeResult } from './merge-plan.ts';
import { type LineSpan, printDocument, renderPersonaEdit, topLevelSpans } from './render-persona-edit.ts';

export interface MergeInput {
  /** Every persona, checked (their data is not needed: a persona merged into is read again, from its bytes). */
  personas: readonly PersonaFacts[];
  /** The bytes of a persona file a contribution merges into; asked once per such persona, when it is planned. */
  readPersona: (file: string) => Uint8Array;
  /** Every pending contribution file, checked on its own (`checkContributionFile`, or validation's facts). */
  contributions: readonly ContributionFacts[];
  /**
   * The bytes of a contribution file as it was checked: asked only for the ones applied or parked, which the
   * journal removes or moves only while they still have those bytes.
   */
  readContribution: (file: string) => Uint8Array;
  /** The per-file checks (the accelerator's fast paths, or the reference). */
  checks: FileChecks;
  /** `--date`: recorded for every contribution; otherwise each one's file-name date, if it has one. */
  date: string | null;
  /**
   * `--park-stale` (the apply workflow): a correction that is stale only because the persona changed after it
   * was written is moved to `contributions/<slug>/stale/` instead of being left as a conflict.
   */
  parkStale?: boolean;
  /**
   * Plan only the personas these contribution files merge into (a pull request's preview). Contributions meet
   * each other only through their persona, so those personas' plans are exactly what a full run would make;
   * every other persona is neither read nor rendered, and no contribution to one is applied or removed.
   */
  focus?: ReadonlySet<string>;
}

/** A persona being merged into: its document and a plain-data mirror that the checks read. */
interface PersonaState {
  target: PersonaTarget;
  /** The file's text with LF line endings and no BOM: what the edit is planned and spliced on. */
  text: string;
  /** Every line of the file ended in CRLF, so the result is written with CRLF too. */
  crlf: boolean;
  /** Hash of the bytes as read, which the journal compares with the file before writing. */
  beforeSha256: string;
  doc: Document.Parsed;
  data: Record<string, unknown>;
  community: Community;
  spans: Map<string, LineSpan>;
  roundTrips: boolean;
  changedKeys: Set<string>;
  changes: ContentEffect[];
}

/** Thrown when the planned result fails its own re-validation: a bug, so nothing may be written. */
export class MergeInvariantError extends Error {}

/**
 * Plans the merge of every pending contribution, in file-path order (code points), entirely in memory.
 * Each contribution is checked against its persona as the earlier contributions left it, exactly as
 * `persona validate` checks it against the file: a stale or invalid one becomes a conflict and is skipped.
 */
export function planMerge(input: MergeInput): MergePlan {
  const contributions = [...input.contributions].sort((a, b) => compareCodePoints(a.file, b.file));
  const index = buildContributionIndex(input.personas);
  const applied: AppliedContribution[] = [];
  const conflicts: Diagnostic[] = [];
  const removals: MergePlan['removals'] = [];
  const parked: MergePlan['parked'] = [];
  const taken = new Set(contributions.map((c) => c.file));

  // Contributions meet each other only through their persona, so they are queued per persona, in path order,
  // and each persona is planned and rendered before the next is read: one document in memory at a time.
  const queues = new Map<string, QueuedContribution[]>();
  for (const facts of contributions) {
    const { file, contribution } = facts;
    if (!contribution) {
      conflicts.push(...errorsOf(facts.diagnostics));
      continue;
    }
    const resolved = resolveTarget(facts, contribution, index);
    const target = resolved.target;
    if (!target || errorsOf(resolved.diagnostics).length > 0) {
      conflicts.push(...errorsOf(resolved.diagnostics));
      continue;
    }
    const queue = queues.get(target.file) ?? [];
    queue.push({ file, facts, contribution, target });
    queues.set(target.file, queue);
  }

  if (input.focus) {
    const focus = input.focus;
    for (const [personaFile, queue] of queues)
      if (!queue.some((queued) => focus.has(queued.file))) queues.delete(personaFile);
  }

  const personas: PersonaMergeResult[] = [];
  for (const personaFile of [...queues.keys()].sort(compareCodePoints)) {
    const queue = queues.get(personaFile) as QueuedContribution[];
    queues.delete(personaFile);
    const target = (queue[0] as QueuedContribution).target;
    const state = loadState(target, input.readPersona(target.file), input.checks);
    for (const { file, facts, contribution, target } of queue) {
      const found = checkAgainstPersona({
        facts,
        contribution,
        target,
        data: state.data,
        validatePersona: input.checks.validatePersona,
      });
      // Parked and still stale: it waits, quietly, for its text to come back.
      if (found.some((d) => d.rule === 'contribution/parked')) continue;
      const problems = errorsOf(found);
      if (
        input.parkStale &&
        problems.length > 0 &&
        problems.every((d) => d.rule === 'contribution/stale-original')
      ) {
        parked.push({
          file,
          to: freeParkedPath(file, taken),
          bytes: input.readContribution(file),
          diagnostic: problems[0] as Diagnostic,
          contribution,
          current: currentText(state.data, contribution.field, contribution.item) ?? '',
        });
        continue;
      }
      if (problems.length > 0) {
        conflicts.push(...problems);
        continue;
      }
      const date = input.date ?? facts.fileDate;
      state.changes.push(applyContentEffect(state.data, contribution));
      editPersonaDocument(state.doc, contribution);
      const effect = state.changes.at(-1) as ContentEffect;
      state.community = recordContribution(state.community, contribution, date, effect.item ?? null);
      state.data.community = communityToPlain(state.community);
      // A confirmation changes only the provenance, so the field's own lines stay exactly as written.
      if (contribution.action !== 'confirm') state.changedKeys.add(contribution.field);
      const change = state.changes.at(-1) as ContentEffect;
      applied.push({
        file,
        persona: target.slug,
        personaFile: target.file,
        field: contribution.field,
        action: contribution.action,
        item: change.item,
        author: contribution.author,
        date,
      });
      removals.push({ file, bytes: input.readContribution(file) });
    }
    if (state.changes.length > 0) personas.push(finish(input.checks)(state));
  }
  applied.sort((a, b) => compareCodePoints(a.file, b.file));
  removals.sort((a, b) => compareCodePoints(a.file, b.file));
  parked.sort((a, b) => compareCodePoints(a.file, b.file));
  return { applied, conflicts: sortDiagnostics(conflicts), personas, removals, parked };
}

interface QueuedContribution {
  file: string;
  facts: ContributionFacts;
  contribution: Contribution;
  target: PersonaTarget;
}

function loadState(target: PersonaTarget, bytes: Uint8Array | undefined, checks: FileChecks): PersonaState {
  // The same check of the same bytes as before, so the same data: a fresh copy the merge may edit in place.
  const data = bytes ? checks.persona(target.file, bytes).data : null;
  const decoded = bytes ? decodeSource(target.file, bytes) : null;
  // The edit works on LF text, whatever the file's line endings; `finish` puts CRLF back if the file was CRLF.
  const text = decoded?.ok ? decoded.text.replaceAll('\r\n', '\n') : '';
  const doc = decoded?.ok ? parseYaml(target.file, text).doc : null;
  // A usable target decoded and parsed cleanly once already; failing now means the inputs changed under us.
  if (!bytes || !data || !decoded?.ok || !doc)
    throw new MergeInvariantError(`${target.file} could not be read again`);
  return {
    target,
    text,
    crlf: isCrlfThroughout(decoded.text),
    beforeSha256: sha256(bytes),
    doc,
    data,
    community: readCommunity(data.community),
    spans: topLevelSpans(doc, text),
    roundTrips: printDocument(doc) === text,
    changedKeys: new Set(),
    changes: [],
  };
}

/** Renders one persona and re-validates the result; a merged persona must be as clean as it was. */
function finish(checks: FileChecks) {
  return (state: PersonaState): PersonaMergeResult => {
    const { target } = state;
    setCommunity(state.doc, state.data.community as Record<string, unknown>);
    const edited = renderPersonaEdit(target.file, state, state.doc, [...state.changedKeys, 'community']);
    // Never mixed line endings: a CRLF file stays CRLF (the diff shows only the contribution), any other is LF.
    const after = state.crlf ? edited.replaceAll('\n', '\r\n') : edited;
    const check = checks.persona(target.file, new TextEncoder().encode(after));
    const errors = errorsOf(check.diagnostics);
    if (errors.length > 0) {
      const first = errors[0] as Diagnostic;
      throw new MergeInvariantError(
        `the merged ${target.file} would not validate (${first.rule} at line ${first.line}: ${first.message})`,
      );
    }
    if (!isDeepStrictEqual(check.data, state.data)) {
      throw new MergeInvariantError(`the merged ${target.file} does not read back as planned`);
    }
    return {
      file: target.file,
      slug: target.slug,
      title: target.title ?? target.slug,
      beforeSha256: state.beforeSha256,
      after,
      changes: ownStrings(state.changes),
      // Of the content: kept line endings would only add a CR to every line of the preview.
      diff: unifiedDiff(target.file, state.text, edited),
    };
  };
}

/** `stale/<name>`, or `stale/<stem>-2.yaml` and so on when a parked file already has that name. */
function freeParkedPath(file: string, taken: Set<string>): string {
  const wanted = parkedPath(file);
  const stem = wanted.replace(/\.yaml$/, '');
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? wanted : `${stem}-${n}.yaml`;
    if (!taken.has(candidate)) {
      taken.add(candidate);
      return candidate;
    }
  }
}

/** Whether a text has line breaks and every one is CRLF. */
function isCrlfThroughout(text: string): boolean {
  const first = text.indexOf('\n');
  return first > 0 && !/(?:^|[^\r])\n/.test(text);
}

function errorsOf(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.filter((d) => d.severity === 'error');
}
