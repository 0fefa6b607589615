import { MergeJournalError } from '../../apply/apply-merge-plan.ts';
import { MERGE_JOURNAL } from '../../apply/merge-journal.ts';
import { isRealDate } from '../../check/contribution/contribution-location.ts';
import { mergeLibrary } from '../../pipeline/merge-library.ts';
import { formatMergeJson } from '../../report/format-merge-json.ts';
import { formatMergeText } from '../../report/format-merge-text.ts';
import {
  type Command,
  EXIT_OK,
  EXIT_PROBLEMS,
  EXIT_USAGE,
  oneOf,
  stringOption,
  UsageError,
} from '../command.ts';

export const mergeCommand: Command = {
  name: 'merge',
  summary: 'Apply pending contributions to their personas (preview with --dry-run).',
  usage: 'persona merge [--root <dir>] [--dry-run] [--format text|json] [--date YYYY-MM-DD]',
  options: {
    'dry-run': { type: 'boolean' },
    format: { type: 'string' },
    date: { type: 'string' },
  },
  async run(args, ctx) {
    const format = oneOf(args, 'format', ['text', 'json'], 'text');
    const dryRun = args.values['dry-run'] === true;
    const date = stringOption(args, 'date') ?? null;
    if (date !== null && !isRealDate(date))
      throw new UsageError(
        `--date must be a real date written YYYY-MM-DD, such as 2026-11-20; got "${date}".`,
      );
    let outcome: Awaited<ReturnType<typeof mergeLibrary>>;
    try {
      outcome = await mergeLibrary(ctx.root, { dryRun, date });
    } catch (error) {
      if (!(error instanceof MergeJournalError)) throw error;
      ctx.stderr(`persona merge: ${error.message}\n`);
      return EXIT_USAGE;
    }
    if (outcome.resumed) {
      ctx.stderr(
        dryRun
          ? `persona merge: an interrupted merge (${MERGE_JOURNAL}) is pending; this preview assumes it is finished first.\n`
          : `persona merge: finished an interrupted merge recorded in ${MERGE_JOURNAL}.\n`,
      );
    }
    const { plan } = outcome;
    ctx.stdout(format === 'json' ? formatMergeJson(plan) : formatMergeText(plan, { dryRun }));
    return plan.conflicts.length > 0 ? EXIT_PROBLEMS : EXIT_OK;
  },
};
