import { readFileSync } from 'node:fs';
import path from 'node:path';
import { writeLibraryFile } from '../apply/write-file.ts';
import type { Diagnostic } from '../core/diagnostic.ts';
import { REPOSITORY_URL } from '../core/repository.ts';
import { type IdChange, planIdAssignments } from '../plan/assign-ids.ts';
import type { MergePlan } from '../plan/merge/merge-plan.ts';
import { renumberPersonaText } from '../plan/renumber-persona.ts';
import { lastDataCommitDate } from '../read/last-commit-date.ts';
import { DEFAULT_REVIEW_MONTHS } from '../render/catalogue/catalogue-context.ts';
import { buildCatalogue, type CatalogueRun } from './build-catalogue.ts';
import { mergeLibrary } from './merge-library.ts';
import { validateLibrary } from './validate-library.ts';

export interface ApplyLibraryOptions {
  /** The review date of every contribution: the day of the commit being applied. */
  date: string | null;
  /**
   * For personas that share an id: when each file arrived on the branch (see `IdHolder.arrival`). Asked only
   * for the files of a collision, so the history is read only when there is one.
   */
  arrivalOf: (files: readonly string[]) => Promise<Map<string, number | null>>;
  env: Record<string, string | undefined>;
}

export interface ApplyLibraryOutcome {
  /** Ids given to personas that arrived with an id already taken on the branch. */
  renumbered: IdChange[];
  merge: MergePlan;
  /** The interrupted merge that was finished first, when there was one. */
  resumed: boolean;
  catalogue: CatalogueRun;
}

/**
 * What the apply workflow does to the library after a merge to the default branch, in order: give personas
 * whose ids collided a free id (nothing can reference a persona that just arrived), fold in every pending
 * contribution (parking the ones that went stale), then regenerate the catalogue from every valid persona.
 * Each step does everything it can; what it cannot is in the outcome, never an exception that stops the rest.
 */
export async function applyLibrary(root: string, options: ApplyLibraryOptions): Promise<ApplyLibraryOutcome> {
  const renumbered = await renumberCollidingIds(root, options);
  const { plan, resumed } = await mergeLibrary(root, {
    dryRun: false,
    date: options.date,
    parkStale: true,
    env: options.env,
  });
  const outDir = path.join(root, 'catalogue');
  const catalogue = await buildCatalogue(root, {
    outDir,
    options: {
      repositoryUrl: REPOSITORY_URL,
      branch: 'main',
      rootFromCatalogue: '..',
      outDir: 'catalogue',
    },
    check: false,
    keepGoing: true,
    env: options.env,
    // What `persona catalogue` measures freshness against too, so CI's `--check` agrees with this run.
    freshness: { asOf: lastDataCommitDate(root), reviewMonths: DEFAULT_REVIEW_MONTHS },
  });
  return { renumbered, merge: plan, resumed, catalogue };
}

async function renumberCollidingIds(root: string, options: ApplyLibraryOptions): Promise<IdChange[]> {
  const { personas } = await validateLibrary(root, {
    contributions: false,
    personaData: false,
    env: options.env,
  });
  const ids = new Map<string, string[]>();
  for (const facts of personas) {
    const id = facts.identity.id;
    if (typeof id === 'string') ids.set(id, [...(ids.get(id) ?? []), facts.file]);
  }
  const colliding = [...ids.values()].filter((files) => files.length > 1).flat();
  if (colliding.length === 0) return [];
  const arrivals = await options.arrivalOf(colliding);
  const holders = personas.flatMap((facts) => {
    const id = facts.identity.id;
    return typeof id === 'string'
      ? [{ file: facts.file, id, arrival: arrivals.get(facts.file) ?? null }]
      : [];
  });
  const changes = planIdAssignments(holders);
  const done: IdChange[] = [];
  for (const change of changes) {
    const text = readFileSync(path.join(root, change.file), 'utf8');
    const renumbered = renumberPersonaText(change.file, text, change.to);
    if (renumbered === null) continue;
    await writeLibraryFile(root, change.file, renumbered);
    done.push(change);
  }
  return done;
}

/** Every problem an apply run leaves for people: contributions it could not apply, personas it skipped. */
export function applyProblems(outcome: ApplyLibraryOutcome): Diagnostic[] {
  const skipped =
    outcome.catalogue.kind === 'done' ? outcome.catalogue.skipped.flatMap((s) => s.diagnostics) : [];
  const blocked = outcome.catalogue.kind === 'done' ? [] : outcome.catalogue.diagnostics;
  return [...outcome.merge.conflicts, ...skipped, ...blocked];
}
