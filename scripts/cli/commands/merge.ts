import { MergeJournalError } from '../../apply/apply-merge-plan.ts';
import { isRealDate } from '../../check/contribution/contribution-location.ts';
import { mergeLibrary } from '../../pipeline/merge-library.ts';
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
    const journal = outcome.journal;
    if (journal) {
      const where = `${journal.folder}/${journal.setAside ?? 'merge-journal.json'}`;
      if (journal.unreadable)
        ctx.stderr(
          dryRun
            ? `persona merge: the journal of an interrupted merge (${where}) cannot be read; a real run sets it aside and merges the files as they are.\n`
            : `persona merge: the journal of an interrupted merge could not be read, so nothing of it was followed; it was set aside as ${where}. Contributions it had applied but not removed are checked again like any other (\`git status\` shows what changed).\n`,
        );
      else if (dryRun)
        ctx.stderr(
          'persona merge: an interrupted merge is pending; this preview assumes it is finished first.\n',
        );
      else ctx.stderr('persona merge: finished an interrupted merge first.\n');
      if (journal.skipped.length > 0)
        ctx.stderr(
          `persona merge: ${journal.skipped.join(', ')} changed since the interrupted merge was recorded, so ${journal.skipped.length === 1 ? 'it was' : 'they were'} not overwritten; ${dryRun ? 'a real run would set the journal aside' : `the journal was set aside as ${where}`} and their contributions are planned again below. To see what was edited: \`git diff -- ${journal.skipped.join(' ')}\`.\n`,
        );
    }
    const { plan } = outcome;
    ctx.stdout(format === 'json' ? formatMergeJson(plan) : formatMergeText(plan, { dryRun }));
    return plan.conflicts.length > 0 ? EXIT_PROBLEMS : EXIT_OK;
  },
};
