import { SymlinkInCatalogueError } from '../../apply/catalogue-folder.ts';
import { isRealDate } from '../../check/contribution/contribution-location.ts';
import { buildCatalogue, type CatalogueRun } from '../../pipeline/build-catalogue.ts';
import { catalogueTarget } from '../../pipeline/catalogue-target.ts';
import { lastDataCommitDate } from '../../read/last-commit-date.ts';
import { DEFAULT_REVIEW_MONTHS, type FreshnessOptions } from '../../render/catalogue/catalogue-context.ts';
import { formatCatalogueRun } from '../../render/report/format-catalogue.ts';
import { type Command, EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, stringOption, UsageError } from '../command.ts';

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
  flags: {
    out: { value: '<dir>', text: 'write the catalogue here (default: catalogue/ in the library root)' },
    check: { text: 'write nothing; report stale or left-over generated files (exit 1 if any)' },
    'keep-going': { text: 'skip the personas with errors instead of stopping, and list them' },
    'as-of': {
      value: 'YYYY-MM-DD',
      text: 'judge field ages against this date (default: the last commit that changed the data)',
    },
    'review-months': { value: 'N', text: 'mark fields last reviewed more than N months ago (default 12)' },
  },
  examples: [
    'persona catalogue',
    'persona catalogue --check',
    'persona catalogue --out /tmp/catalogue --keep-going',
    'persona catalogue --as-of 2026-12-01 --review-months 6',
  ],
  async run(args, ctx) {
    const check = args.values.check === true;
    const freshness = freshnessOf(stringOption(args, 'as-of'), stringOption(args, 'review-months'), ctx.root);
    const target = catalogueTarget(ctx.root, ctx.cwd, stringOption(args, 'out'));
    let run: CatalogueRun;
    try {
      run = await buildCatalogue(ctx.root, {
        outDir: target.outDir,
        options: target.options,
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
    const report = formatCatalogueRun(run, target.outLabel, check);
    if (report.stdout) ctx.stdout(report.stdout);
    if (report.stderr) ctx.stderr(report.stderr);
    return report.ok ? EXIT_OK : EXIT_PROBLEMS;
  },
};

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
