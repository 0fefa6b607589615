import { MergeJournalError } from '../../apply/apply-merge-plan.ts';
import { isRealDate } from '../../check/contribution/contribution-location.ts';
import { mergeLibrary } from '../../pipeline/merge-library.ts';
import { formatMergeJournal } from '../../render/report/format-merge-journal.ts';
import { formatMergeJson } from '../../render/report/format-merge-json.ts';
import { formatMergeText } from '../../render/report/format-merge-text.ts';
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
  usage: 'persona merge [--root <dir>] [--dry-run] [--format text|json] [--date YYYY-MM-DD] [--park-stale]',
  options: {
    'dry-run': { type: 'boolean' },
    'park-stale': { type: 'boolean' },
    format: { type: 'string' },
    date: { type: 'string' },
  },
  flags: {
    'dry-run': { text: 'write nothing: preview every change as a unified diff (or JSON)' },
    'park-stale': { text: 'move stale corrections to stale/ instead of leaving them in place' },
    format: { value: '<text|json>', text: 'text (default) or the JSON merge report' },
    date: { value: '<YYYY-MM-DD>', text: 'the review date recorded in the personas (default: today)' },
  },
  examples: ['persona merge --dry-run', 'persona merge', 'persona merge --park-stale --date 2026-11-20'],
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
      outcome = await mergeLibrary(ctx.root, {
        dryRun,
        date,
        parkStale: args.values['park-stale'] === true,
        env: ctx.env,
      });
    } catch (error) {
      if (!(error instanceof MergeJournalError)) throw error;
      ctx.stderr(`persona merge: ${error.message}\n`);
      return EXIT_USAGE;
    }
    const journal = formatMergeJournal(outcome.journal, dryRun);
    if (journal) ctx.stderr(journal);
    const { plan } = outcome;
    ctx.stdout(format === 'json' ? formatMergeJson(plan) : formatMergeText(plan, { dryRun }));
    return plan.conflicts.length > 0 ? EXIT_PROBLEMS : EXIT_OK;
  },
};
