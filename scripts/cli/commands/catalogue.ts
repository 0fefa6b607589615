import { lstat } from 'node:fs/promises';
import path from 'node:path';
import { type ChangedFile, SymlinkInCatalogueError } from '../../apply/catalogue-folder.ts';
import { isRealDate } from '../../check/contribution/contribution-location.ts';
import {
  countBySeverity,
  type Diagnostic,
  diagnostic,
  START_OF_FILE,
  sortDiagnostics,
} from '../../core/diagnostic.ts';
import { REPOSITORY_URL } from '../../core/repository.ts';
import { buildCatalogue, type CatalogueRun } from '../../pipeline/build-catalogue.ts';
import { lastDataCommitDate } from '../../read/last-commit-date.ts';
import {
  type CatalogueOptions,
  DEFAULT_REVIEW_MONTHS,
  type FreshnessOptions,
} from '../../render/catalogue/catalogue-context.ts';
import { formatText, plural } from '../../render/report/format-text.ts';
import {
  type Command,
  type CommandContext,
  EXIT_OK,
  EXIT_PROBLEMS,
  EXIT_USAGE,
  stringOption,
  UsageError,
} from '../command.ts';

const DEFAULT_OUT = 'catalogue';
const BRANCH = 'main';
/** Folders of the library that a catalogue must never be written into (it prunes what it generated before). */
const PROTECTED = ['personas', 'contributions', 'schemas', '.git', '.github'];

export const catalogueCommand: Command = {
  name: 'catalogue',
  summary: 'Generate the Markdown catalogue and JSON/CSV exports (or check them with --check).',
  usage:
    'persona catalogue [--root <dir>] [--out <dir>] [--check] [--keep-going] [--as-of YYYY-MM-DD] [--review-months N]',
  options: {
    out: { type: 'string' },
    check: { type: 'boolean' },
    'keep-going': { type: 'boolean' },
    'as-of': { type: 'string' },
    'review-months': { type: 'string' },
  },
  async run(args, ctx) {
    const check = args.values.check === true;
    const freshness = freshnessOf(stringOption(args, 'as-of'), stringOption(args, 'review-months'), ctx.root);
    const outDir = await resolveOutDir(stringOption(args, 'out'), ctx);
    const fromRoot = path.relative(ctx.root, outDir);
    // Inside the library: `catalogue`; elsewhere the absolute path reads better than a ladder of `../`.
    const outLabel =
      fromRoot.startsWith('..') || path.isAbsolute(fromRoot) ? toPosix(outDir) : toPosix(fromRoot);
    const options: CatalogueOptions = {
      repositoryUrl: REPOSITORY_URL,
      branch: BRANCH,
      rootFromCatalogue: toPosix(path.relative(outDir, ctx.root)),
      outDir: outLabel,
    };
    let run: CatalogueRun;
    try {
      run = await buildCatalogue(ctx.root, {
        outDir,
        options,
        check,
        keepGoing: args.values['keep-going'] === true,
        env: ctx.env,
        freshness,
      });
    } catch (error) {
      if (!(error instanceof SymlinkInCatalogueError)) throw error;
      ctx.stderr(`persona catalogue: ${error.message}\n`);
      return EXIT_USAGE;
    }
    if (run.kind === 'blocked') {
      ctx.stdout(report(run.diagnostics, run.personas));
      ctx.stderr(
        'persona catalogue: fix the errors above first (or use --keep-going to skip those personas); nothing was written.\n',
      );
      return EXIT_PROBLEMS;
    }
    if (run.kind === 'too-large') {
      ctx.stdout(report(run.diagnostics, run.personas));
      ctx.stderr('persona catalogue: nothing was written.\n');
      return EXIT_PROBLEMS;
    }
    const { changed, stale, unchanged, skipped } = run;
    // With --keep-going the personas with errors are listed, and only the catalogue decides the exit code:
    // their errors are `persona validate`'s to judge (CI and the apply workflow judge them there).
    if (skipped.length > 0) {
      ctx.stdout(
        report(
          skipped.flatMap((s) => s.diagnostics),
          run.personas + skipped.length,
        ),
      );
      for (const { file } of skipped) ctx.stdout(`skipped ${file} (it has errors)\n`);
    }
    if (check) return reportCheck(changed, stale, unchanged, outLabel, run.personas, ctx);
    for (const file of changed)
      ctx.stdout(`${file.missing ? 'created' : 'updated'} ${outLabel}/${file.path}\n`);
    for (const file of stale) ctx.stdout(`removed ${outLabel}/${file}\n`);
    ctx.stdout(
      `✔ ${outLabel}/: ${plural(changed.length, 'file')} written, ${plural(stale.length, 'file')} removed, ${unchanged.toLocaleString('en-US')} unchanged${skipped.length > 0 ? `; ${plural(skipped.length, 'persona')} with errors skipped` : ''}.\n`,
    );
    return EXIT_OK;
  },
};

function reportCheck(
  changed: readonly ChangedFile[],
  stale: readonly string[],
  unchanged: number,
  outLabel: string,
  personas: number,
  ctx: CommandContext,
): number {
  const hint = 'Run `npx persona catalogue` (or `npm start`) and commit the result.';
  const diagnostics: Diagnostic[] = [
    ...changed.map((file) =>
      diagnostic(
        `${outLabel}/${file.path}`,
        { line: file.firstDifferentLine, column: 1, endLine: file.firstDifferentLine, endColumn: 1 },
        'catalogue/stale',
        file.missing
          ? 'This catalogue file is missing: the personas produce it, but it was never generated or was deleted.'
          : 'This catalogue file is out of date: the personas now produce different text from this line on.',
        hint,
      ),
    ),
    ...stale.map((file) =>
      diagnostic(
        `${outLabel}/${file}`,
        START_OF_FILE,
        'catalogue/extra',
        'This generated file belongs to no current persona (renamed or deleted); regenerating removes it.',
        hint,
      ),
    ),
  ];
  if (diagnostics.length === 0) {
    ctx.stdout(`✔ ${outLabel}/ is up to date (${plural(unchanged, 'file')}).\n`);
    return EXIT_OK;
  }
  ctx.stdout(report(diagnostics, personas));
  return EXIT_PROBLEMS;
}

/** The catalogue checks personas only, so its summary counts no contributions. */
function report(diagnostics: readonly Diagnostic[], personas: number): string {
  const sorted = sortDiagnostics(diagnostics);
  return formatText(sorted, { personas, ...countBySeverity(sorted) });
}

/** `--out` (relative to the working directory) or `<root>/catalogue`, refusing places the pruning could harm. */
async function resolveOutDir(option: string | undefined, ctx: CommandContext): Promise<string> {
  const outDir = option === undefined ? path.join(ctx.root, DEFAULT_OUT) : path.resolve(ctx.cwd, option);
  const fromOut = path.relative(outDir, ctx.root);
  if (fromOut === '' || !fromOut.startsWith('..'))
    throw new UsageError(
      `--out must be a folder of its own, not the library root or a folder above it; got "${option}".`,
    );
  for (const folder of PROTECTED) {
    const inside = path.relative(path.join(ctx.root, folder), outDir);
    if (inside === '' || !(inside.startsWith('..') || path.isAbsolute(inside)))
      throw new UsageError(`--out must not be inside ${folder}/; got "${option}".`);
  }
  if ((await lstat(outDir).catch(() => null))?.isSymbolicLink())
    throw new UsageError(
      `${path.relative(ctx.cwd, outDir) || outDir} is a symbolic link; give the real folder.`,
    );
  return outDir;
}

/**
 * `--as-of` (a real date), else the date of the last commit that changed the library's data: never today, so
 * a commit's catalogue is the same whenever it is generated. `--review-months`: a whole number from 1 to 600.
 */
function freshnessOf(asOf: string | undefined, months: string | undefined, root: string): FreshnessOptions {
  if (asOf !== undefined && !isRealDate(asOf))
    throw new UsageError(
      `--as-of must be a real date written YYYY-MM-DD, such as 2026-11-20; got "${asOf}".`,
    );
  const reviewMonths = months === undefined ? DEFAULT_REVIEW_MONTHS : Number(months);
  if (
    !Number.isInteger(reviewMonths) ||
    reviewMonths < 1 ||
    reviewMonths > 600 ||
    !/^\d+$/.test(months ?? '12')
  )
    throw new UsageError(`--review-months must be a whole number of months from 1 to 600; got "${months}".`);
  return { asOf: asOf ?? lastDataCommitDate(root), reviewMonths };
}

function toPosix(value: string): string {
  return value.split(path.sep).join('/');
}
