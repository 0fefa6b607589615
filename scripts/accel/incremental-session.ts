import { lstatSync } from 'node:fs';
import path from 'node:path';
import { type CheckedConfig, checkConfig } from '../check/config/check-config.ts';
import { checkContributions } from '../check/contribution/check-contributions.ts';
import { buildContributionIndex } from '../check/contribution/contribution-index.ts';
import { plannedComparisons } from '../check/contribution/planned-comparisons.ts';
import { checkPersonas } from '../check/library/check-personas.ts';
import { type FindingFile, placeFindings, readFindingFile } from '../check/library/place-findings.ts';
import type { LibraryChecker, LibrarySession, ValidationResult } from '../check/library-checker.ts';
import { compileSchema, compileSchemaOnFirstUse } from '../check/schema/compile-schema.ts';
import { checkTagVocabulary, type TagVocabularyFacts } from '../check/vocabulary/check-tag-vocabulary.ts';
import type { ContributionFacts } from '../core/contribution.ts';
import { compareCodePoints, type Diagnostic, sortDiagnostics } from '../core/diagnostic.ts';
import type { PersonaFacts } from '../core/facts.ts';
import { readConfig, readConfigSchema } from '../read/read-config.ts';
import { readContributionSchema } from '../read/read-contribution-schema.ts';
import { type FolderListing, libraryTops, listFolder, readCapped } from '../read/read-library.ts';
import { readPersonaSchema } from '../read/read-schemas.ts';
import { readTagsSchema, readTagVocabularyFile } from '../read/read-tag-vocabulary.ts';
import { acceleratedChecker } from './accelerated-checker.ts';
import { type Accelerator, closeAccelerator } from './accelerator.ts';
import { EntryGroupMemo, storedSuggestions } from './group-memo.ts';
import type { ResultStore } from './result-store.ts';

/** The two trees a library lists; anything else that changes (config, schemas) is checked again in full. */
const TREES = ['personas', 'contributions'] as const;

interface Known<F> {
  facts: F;
  stamp: string;
}

/**
 * The accelerator's `LibrarySession`: the library's folders, files and facts kept between calls, so that after
 * an edit only the folders the changed paths are in are listed again, only the files whose size, times or inode
 * changed are checked again (through the store and the fast paths), and the cross-file rules and the
 * comparisons of contributions run over what is kept (a grouped rule only over the groups that changed;
 * comparisons answered from the store by both files' content). The result equals `validateLibrary`'s at that moment: the differential tests hold it to it.
 */
export function incrementalSession(root: string, accelerator: Accelerator): LibrarySession {
  let state: SessionState | null = null;
  return {
    async validate(changed) {
      let current = state;
      // Anything outside the two trees (the config, the schemas, a tree made or removed) is checked afresh.
      if (
        current === null ||
        changed === null ||
        changed.some((p) => !inTrees(p) || !current?.hasTreeOf(p))
      ) {
        current = await SessionState.load(root, accelerator);
        state = current;
      } else {
        await current.update(changed);
      }
      const result = await current.result();
      // What this round learnt is kept at once (an append of its few records), so a watch that is killed
      // rather than stopped still leaves the next run a warm store.
      accelerator.store.save();
      return result;
    },
    close() {
      closeAccelerator(accelerator);
    },
  };
}

/** Whether a root-relative path lies inside `personas/` or `contributions/` (not the folders themselves). */
function inTrees(file: string): boolean {
  return TREES.some((tree) => file.startsWith(`${tree}/`));
}

class SessionState {
  private readonly folders = new Map<string, FolderListing>();
  private readonly personas = new Map<string, Known<PersonaFacts>>();
  private readonly contributions = new Map<string, Known<ContributionFacts>>();
  private readonly places = new Map<string, FindingFile>();
  /** The grouped cross-file rules' findings (duplicates within a product), kept for groups that did not change. */
  private readonly groups = new EntryGroupMemo();
  /** The facts in path order, made again only after a change. */
  private ordered: { personas: PersonaFacts[]; contributions: ContributionFacts[] } | null = null;

  private constructor(
    private readonly root: string,
    private readonly checker: LibraryChecker,
    private readonly config: CheckedConfig,
    private readonly tops: { contributions: boolean; diagnostics: Diagnostic[] },
    private readonly store: ResultStore,
    /** `tags.yaml` checked (outside the trees: a change to it loads the session again). */
    private readonly vocabulary: { diagnostics: Diagnostic[]; checked: TagVocabularyFacts | null },
  ) {}

  /** Everything read and checked, as `validateLibrary` does (the store answers for what it has seen). */
  static async load(root: string, accelerator: Accelerator): Promise<SessionState> {
    const tops = libraryTops(root, true);
    const [persona, contribution, configSchema, tagsSchema] = await Promise.all([
      readPersonaSchema(root),
      readContributionSchema(root),
      readConfigSchema(root),
      readTagsSchema(root),
    ]);
    const vocabularyFile = readTagVocabularyFile(root);
    const vocabulary = {
      diagnostics: vocabularyFile.diagnostics,
      checked: vocabularyFile.file
        ? checkTagVocabulary(vocabularyFile.file.bytes, compileSchema(tagsSchema))
        : null,
    };
    const config = checkConfig(readConfig(root), compileSchemaOnFirstUse(configSchema));
    const checker = acceleratedChecker(root, {
      store: accelerator.store,
      schemas: { persona, contribution },
      settings: config.settings,
      pool: accelerator.pool,
    });
    const state = new SessionState(root, checker, config, tops, accelerator.store, vocabulary);
    const files: string[] = [];
    for (const tree of TREES)
      if (tree === 'personas' || tops.contributions) files.push(...state.listTree(tree));
    await state.check(files);
    return state;
  }

  /** Whether the session lists the tree (`personas/` or `contributions/`) that `file` is in. */
  hasTreeOf(file: string): boolean {
    return this.folders.has(file.slice(0, file.indexOf('/')));
  }

  /** Lists again the folders the changed paths are in (and what appeared below them), then checks what changed. */
  async update(changed: readonly string[]): Promise<void> {
    const folders = new Set<string>();
    for (const file of changed) {
      // The nearest folder the session knows: the file's own, or the new folder's parent it appeared in.
      let folder = path.posix.dirname(file);
      while (!this.folders.has(folder) && folder.includes('/')) folder = path.posix.dirname(folder);
      if (this.folders.has(folder)) folders.add(folder);
      if (this.folders.has(file)) folders.add(file);
    }
    const toCheck: string[] = [];
    // Parents first: a folder its parent no longer lists is gone, with everything below it.
    for (const folder of [...folders].sort((a, b) => a.length - b.length)) {
      if (this.folders.has(folder)) toCheck.push(...this.relist(folder));
    }
    await this.check(toCheck);
  }

  /** Lists `dir` and every folder below it; returns the files found. */
  private listTree(dir: string): string[] {
    const listing = listFolder(this.root, dir, (TREES as readonly string[]).includes(dir));
    this.folders.set(dir, listing);
    return [...listing.files, ...listing.folders.flatMap((folder) => this.listTree(folder))];
  }

  /**
   * Lists `dir` again: folders that left take their files with them, new folders are listed in full, and of
   * the files it lists, those not known or whose stamp changed are returned to be checked.
   */
  private relist(dir: string): string[] {
    const before = this.folders.get(dir) as FolderListing;
    let listing: FolderListing;
    try {
      listing = listFolder(this.root, dir, (TREES as readonly string[]).includes(dir));
    } catch {
      // Gone (or no longer a folder) between the event and now: its parent's listing says what it became.
      this.forget(dir);
      return [];
    }
    this.folders.set(dir, listing);
    for (const folder of before.folders) if (!listing.folders.includes(folder)) this.forget(folder);
    for (const file of before.files) if (!listing.files.includes(file)) this.forgetFile(file);
    const out: string[] = [];
    for (const folder of listing.folders) if (!this.folders.has(folder)) out.push(...this.listTree(folder));
    for (const file of listing.files) {
      const known = this.personas.get(file) ?? this.contributions.get(file);
      if (known?.stamp !== stampOf(path.join(this.root, file))) out.push(file);
    }
    return out;
  }

  private forget(dir: string): void {
    const listing = this.folders.get(dir);
    if (!listing) return;
    this.folders.delete(dir);
    for (const file of listing.files) this.forgetFile(file);
    for (const folder of listing.folders) this.forget(folder);
  }

  private forgetFile(file: string): void {
    this.ordered = null;
    this.personas.delete(file);
    this.contributions.delete(file);
    this.places.delete(file);
  }

  private async check(files: readonly string[]): Promise<void> {
    if (files.length > 0) this.ordered = null;
    // Stamped before reading: an edit made while it is checked changes the stamp, so it is checked again.
    const stamps = new Map(files.map((file) => [file, stampOf(path.join(this.root, file))]));
    const personaFiles = files.filter((file) => file.startsWith('personas/'));
    const contributionFiles = files.filter((file) => file.startsWith('contributions/'));
    const personas = await this.checker.personas(personaFiles, { keepData: false });
    personas.forEach((facts) => {
      this.personas.set(facts.file, { facts, stamp: stamps.get(facts.file) ?? '' });
      this.places.delete(facts.file);
    });
    const contributions = await this.checker.contributions(contributionFiles);
    contributions.forEach((facts) => {
      this.contributions.set(facts.file, { facts, stamp: stamps.get(facts.file) ?? '' });
    });
  }

  /** What `validateLibrary` gives for the library as the session knows it. */
  async result(): Promise<ValidationResult> {
    const byPath = <F>(known: Map<string, Known<F>>) =>
      [...known.entries()].sort(([a], [b]) => compareCodePoints(a, b)).map(([, entry]) => entry.facts);
    this.ordered ??= { personas: byPath(this.personas), contributions: byPath(this.contributions) };
    const { personas, contributions } = this.ordered;
    this.groups.nextRun();
    const findings = checkPersonas(personas, {
      vocabulary: this.vocabulary.checked?.vocabulary ?? null,
      groups: this.groups,
      suggestions: storedSuggestions(this.store),
    });
    const placed = placeFindings(findings, (file) => {
      let places = this.places.get(file);
      if (!places) {
        places = readFindingFile(file, readCapped(path.join(this.root, file)));
        this.places.set(file, places);
      }
      return places;
    });
    const listingDiagnostics = [
      ...this.tops.diagnostics,
      ...[...this.folders.values()].flatMap((folder) => folder.diagnostics),
    ];
    const diagnostics: Diagnostic[] = [
      ...this.config.diagnostics,
      ...listingDiagnostics,
      ...this.vocabulary.diagnostics,
      ...(this.vocabulary.checked?.diagnostics ?? []),
      ...personas.flatMap((p) => p.diagnostics),
      ...placed,
    ];
    if (contributions.length > 0) {
      const index = buildContributionIndex(personas);
      const compared = await this.checker.compare(plannedComparisons(contributions, index), personas);
      diagnostics.push(
        ...contributions.flatMap((c) => c.diagnostics),
        ...checkContributions(contributions, index, compared),
      );
    }
    return {
      personas,
      contributions,
      contributionCount: contributions.length,
      listing: {
        personaFiles: personas.map((p) => p.file),
        contributionFiles: contributions.map((c) => c.file),
        diagnostics: listingDiagnostics,
      },
      diagnostics: sortDiagnostics(diagnostics),
      tagDescriptions: this.vocabulary.checked?.descriptions ?? new Map(),
      readPersonaData: this.checker.dataOf,
      settings: this.config.settings,
    };
  }
}

/** Size, times and inode: a file that still has them was not changed (as git and the store decide). */
function stampOf(absolute: string): string {
  const stat = lstatSync(absolute, { throwIfNoEntry: false });
  return stat ? `${stat.size}:${stat.mtimeMs}:${stat.ctimeMs}:${stat.ino}` : '';
}
