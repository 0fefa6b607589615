import path from 'node:path';
import { type Command, stringOption, UsageError } from '../command.ts';

export const intakeCommand: Command = {
  name: 'intake',
  summary: 'Turn a contribution issue form into a validated pull request (GitHub Actions only).',
  usage: 'persona intake --event <issues event.json> [--dry-run] [--root <dir>]',
  options: {
    event: { type: 'string' },
    'dry-run': { type: 'boolean' },
  },
  flags: {
    event: {
      value: '<event.json>',
      text: 'the `issues` event payload, "$GITHUB_EVENT_PATH" in a workflow (required)',
    },
    'dry-run': { text: 'print the contribution file and its branch; open no pull request' },
  },
  examples: ['persona intake --event "$GITHUB_EVENT_PATH"', 'persona intake --event event.json --dry-run'],
  async run(args, ctx) {
    const event = stringOption(args, 'event');
    if (!event)
      throw new UsageError(
        '--event <file> is required: the `issues` event payload, "$GITHUB_EVENT_PATH" in a workflow.',
      );
    // Loaded on use: Octokit and remark stay out of every other command's start-up.
    const { runIntake } = await import('../../action/intake.ts');
    return runIntake(path.resolve(ctx.cwd, event), { ...ctx }, { dryRun: args.values['dry-run'] === true });
  },
};
