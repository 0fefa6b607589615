import type { MergePreview, PersonaReport } from '../core/report.ts';
import { changedBetween } from '../read/compare-trees.ts';
import { buildReport } from '../render/report/build-report.ts';
import { fitReportToSchema } from '../render/report/fit-report.ts';
import { previewOf } from '../render/report/merge-preview.ts';
import { previewMerge } from './merge-library.ts';
import { validateAgainstBase } from './validate-against-base.ts';
import type { ValidationResult } from './validate-library.ts';

export interface PullRequestCheck {
  /** The JSON report, fitted to its schema. */
  report: PersonaReport;
  /**
   * What the log should warn about, in the order it happened: a base that could not be validated, a preview
   * that could not be made, a report cut down to fit its schema.
   */
  warnings: string[];
}

/**
 * The validate action's pipeline: validate head and base, mark what the pull request introduced, preview its
 * contributions from the head's own validation (nothing is parsed twice), and build the report.
 */
export async function checkPullRequest(
  root: string,
  baseRoot: string | null,
  commits: { headSha: string; baseSha: string | null },
  options: { store?: string | null; env?: Record<string, string | undefined> } = {},
): Promise<PullRequestCheck> {
  const warnings: string[] = [];
  const checked = await validateAgainstBase(root, baseRoot, options);
  if (checked.baseProblem)
    warnings.push(
      `The base branch could not be validated (${checked.baseProblem}); every problem counts as new.`,
    );
  const built = buildReport({
    ...commits,
    personas: checked.head.personas.length,
    contributions: checked.head.contributionCount,
    diagnostics: checked.diagnostics,
    baseDiagnostics: checked.baseDiagnostics,
    previews: await previewContributions(root, baseRoot, checked.head, checked.base ?? null, warnings),
  });
  const { report, dropped } = fitReportToSchema(built);
  if (dropped) warnings.push(`The report did not fit its schema; ${dropped} left out.`);
  return { report, warnings };
}

/** The merge dry run on the head, limited to the contribution files this pull request adds or changes. */
async function previewContributions(
  root: string,
  baseRoot: string | null,
  head: ValidationResult,
  base: ValidationResult | null,
  warnings: string[],
): Promise<MergePreview | null> {
  // Without a base, every contribution counts as the pull request's own.
  const files = baseRoot ? addedOrChanged(root, baseRoot, head, base) : head.listing.contributionFiles;
  const mine = new Set(files.filter((file) => file.endsWith('.yaml')));
  if (mine.size === 0) return { applied: [], conflicts: [], personas: [] };
  try {
    return previewOf(await previewMerge(root, head, { focus: mine }), mine);
  } catch (error) {
    warnings.push(
      `No contribution preview: the merge dry run failed (${(error as Error).message.split('\n')[0]}).`,
    );
    return null;
  }
}

/**
 * The contribution files the pull request adds or changes. Both validations hashed every file they read (the
 * accelerator's `checked`), so those hashes say it without reading anything again; entries the listing would
 * not read (links and the like) count as the pull request's when the base's listing did not report them too.
 * Without the hashes, the two trees' bytes are compared.
 */
function addedOrChanged(
  root: string,
  baseRoot: string,
  head: ValidationResult,
  base: ValidationResult | null,
): string[] {
  const headHashes = head.checked?.hashes;
  const baseHashes = base?.checked?.hashes;
  if (!headHashes || !baseHashes || !base)
    return changedBetween(root, baseRoot, ['contributions/'])
      .filter((change) => change.status !== 'removed')
      .map((change) => change.file);
  const unreadOnBase = new Set(base.listing.diagnostics.map((d) => d.file));
  return [
    ...head.listing.contributionFiles.filter((file) => {
      const hash = headHashes.get(file);
      return hash === undefined || hash !== baseHashes.get(file);
    }),
    ...head.listing.diagnostics
      .map((d) => d.file)
      .filter((file) => file.startsWith('contributions/') && !unreadOnBase.has(file)),
  ];
}
