import path from 'node:path';
import { type Command, stringOption, UsageError } from '../command.ts';

export const commentCommand: Command = {
  name: 'comment',
  summary: 'Post or update the pull-request bot comment from a report (GitHub Actions only).',
  usage: 'persona comment --report <report.json>',
  options: {
    report: { type: 'string' },
  },
  flags: {
    report: { value: '<report.json>', text: 'the JSON report the validate workflow made (required)' },
  },
  examples: ['persona comment --report report.json'],
  needsLibrary: false,
  async run(args, ctx) {
    const report = stringOption(args, 'report');
    if (!report)
      throw new UsageError('--report <file> is required: the JSON report from the validate workflow.');
    // Loaded on use: Octokit and remark stay out of every other command's start-up.
    const { runComment } = await import('../../action/comment.ts');
    return runComment(path.resolve(ctx.cwd, report), ctx);
  },
};
