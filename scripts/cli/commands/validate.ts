import path from 'node:path';
import { reportFails, validateForReport } from '../../pipeline/validate-for-report.ts';
import { watchValidation } from '../../pipeline/watch-validation.ts';
import { resolveNamedPaths } from '../../read/resolve-named-paths.ts';
import { formatValidateReport, VALIDATE_FORMATS } from '../../render/report/format-validate.ts';
import { formatWatching, formatWatchUpdate } from '../../render/report/format-watch.ts';
import { type Command, EXIT_OK, EXIT_PROBLEMS, oneOf, stringOption, UsageError } from '../command.ts';

export const validateCommand: Command = {
  name: 'validate',
  summary: 'Check every persona and contribution; report all problems.',
  usage:
    'persona validate [FILES…] [--format text|json|github] [--strict] [--base <dir>] [--watch] [--no-cache] [--cache-location <file>] [--root <dir>]',
  options: {
    format: { type: 'string' },
    strict: { type: 'boolean' },
    base: { type: 'string' },
    watch: { type: 'boolean' },
    'no-cache': { type: 'boolean' },
    'cache-location': { type: 'string' },
  },
  arguments: {
    'FILES…': 'report on these files and folders only; cross-file rules still see all',
  },
  flags: {
    format: {
      value: '<text|json|github>',
      text: 'text (default), the JSON report, or GitHub workflow commands',
    },
    strict: { text: 'exit 1 on warnings too, not only on errors' },
    base: { value: '<dir>', text: 'a checkout of the base branch: only problems the head introduces fail' },
    watch: { text: 'keep running: after each change, print what is new or fixed' },
    'no-cache': { text: 'check every file, keeping no results for the next run' },
    'cache-location': { value: '<file>', text: 'keep the results for the next run in this file' },
  },
  examples: [
    'persona validate',
    'persona validate personas/sentry/sentry-error-monitor.yaml',
    'persona validate --watch',
    'persona validate --format json > report.json',
    'persona validate --base ../main --strict',
  ],
  allowPositionals: true,
  async run(args, ctx) {
    const format = oneOf(args, 'format', VALIDATE_FORMATS, 'text');
    const baseOption = stringOption(args, 'base');
    const selection = resolveNamedPaths(ctx.root, ctx.cwd, args.positionals);
    // The accelerator's result store: its default place in the tools' state folder, another file, or none.
    const explicit = stringOption(args, 'cache-location');
    const store =
      args.values['no-cache'] === true
        ? null
        : explicit === undefined
          ? undefined
          : path.resolve(ctx.cwd, explicit);
    if (args.values.watch === true) {
      if (format !== 'text' || baseOption !== undefined)
        throw new UsageError(
          '--watch prints text as the library changes; it takes neither --format nor --base.',
        );
      await watchValidation(ctx.root, {
        selection,
        store,
        env: ctx.env,
        signal: ctx.interrupt?.() ?? new AbortController().signal,
        onReport: (report) =>
          ctx.stdout(`${formatValidateReport(report, 'text')}${formatWatching(ctx.root)}`),
        onUpdate: (update) => ctx.stdout(formatWatchUpdate(update)),
        onProblem: (message) => ctx.stderr(`persona validate: ${message}\n`),
      });
      ctx.stderr('Stopped watching.\n');
      return EXIT_OK;
    }
    const report = await validateForReport(ctx.root, {
      selection,
      ...(baseOption === undefined ? {} : { baseRoot: path.resolve(ctx.cwd, baseOption) }),
      store,
      env: ctx.env,
    });
    if (report.baseProblem)
      ctx.stderr(
        `persona validate: the base could not be validated (${report.baseProblem}); every problem counts as new.\n`,
      );
    ctx.stdout(formatValidateReport(report, format));
    return reportFails(report, args.values.strict === true) ? EXIT_PROBLEMS : EXIT_OK;
  },
};
