import { writeLibraryFile } from '../../apply/write-file.ts';
import { countBySeverity } from '../../core/diagnostic.ts';
import { planContribution } from '../../pipeline/plan-contribution.ts';
import { formatContributeProblems } from '../../render/report/format-contribute.ts';
import { summaryLine } from '../../render/report/format-text.ts';
import { type Command, EXIT_OK, EXIT_PROBLEMS } from '../command.ts';
import { contributionRequest } from '../contribution-request.ts';

export const contributeCommand: Command = {
  name: 'contribute',
  summary: 'Write a contribution file that confirms, corrects or extends a persona field.',
  usage:
    'persona contribute <persona> <field> --confirm|--correct "<text>"|--extend "<text>" [--item N] --author <login> [--rationale "…"] [--evidence <url>] [--date YYYY-MM-DD] [--root <dir>]',
  options: {
    confirm: { type: 'boolean' },
    correct: { type: 'string' },
    extend: { type: 'string' },
    item: { type: 'string' },
    author: { type: 'string' },
    rationale: { type: 'string' },
    evidence: { type: 'string' },
    date: { type: 'string' },
  },
  arguments: {
    '<persona>': 'the persona, by slug or id (e.g. sentry-error-monitor or APP-101)',
    '<field>': 'the content field: goals, identity, job_story, …',
  },
  flags: {
    confirm: { text: 'vouch for the field (or, with --item, one item) as it stands' },
    correct: { value: '"<text>"', text: 'replace the text (or, with --item, one item); needs --rationale' },
    extend: { value: '"<text>"', text: 'add this item at the end of a list field' },
    item: { value: '<N>', text: 'the list item, counted from 1' },
    author: { value: '<login>', text: 'your GitHub login, credited in the persona (required)' },
    rationale: { value: '"<why>"', text: 'why, from your experience (required with --correct)' },
    evidence: { value: '<url>', text: 'a link that supports it' },
    date: { value: '<YYYY-MM-DD>', text: 'the date the file name starts with (default: today, UTC)' },
  },
  examples: [
    'persona contribute sentry-error-monitor goals --confirm --item 2 --author octocat',
    'persona contribute APP-101 identity --correct "…" --rationale "Seen in interviews" --author octocat',
    'persona contribute sentry-error-monitor frustrations --extend "Flaky alerts." --author octocat',
  ],
  allowPositionals: true,
  async run(args, ctx) {
    const request = contributionRequest(args, ctx.env);
    const planned = await planContribution(ctx.root, request);
    const { errors, warnings } = countBySeverity(planned.problems);
    const summary = summaryLine({ personas: planned.personas, contributions: 1, errors, warnings });
    const problems = formatContributeProblems(planned.problems, request.action);
    if (errors > 0) {
      ctx.stdout(`${problems}\n${summary}\n`);
      ctx.stderr(
        'persona contribute: nothing written; change the flags as the hints say and run it again.\n',
      );
      return EXIT_PROBLEMS;
    }
    await writeLibraryFile(ctx.root, planned.file, planned.text);
    if (warnings > 0) ctx.stderr(`${problems}\n${summary}\n`);
    ctx.stdout(`${planned.file}\n`);
    return EXIT_OK;
  },
};
