import path from 'node:path';
import { compareWithBase } from '../../check/base/compare-with-base.ts';
import { countBySeverity } from '../../core/diagnostic.ts';
import { validateAgainstBase } from '../../pipeline/validate-against-base.ts';
import { validateLibrary } from '../../pipeline/validate-library.ts';
import { formatGithub } from '../../render/report/format-github.ts';
import { formatJson } from '../../render/report/format-json.ts';
import { formatText, summarize } from '../../render/report/format-text.ts';
import { type Command, EXIT_OK, EXIT_PROBLEMS, oneOf, stringOption } from '../command.ts';

export const validateCommand: Command = {
  name: 'validate',
  summary: 'Check every persona and contribution; report all problems.',
  usage:
    'persona validate [--root <dir>] [--format text|json|github] [--strict] [--base <dir>] [--no-cache] [--cache-location <file>]',
  options: {
    format: { type: 'string' },
    strict: { type: 'boolean' },
    base: { type: 'string' },
    'no-cache': { type: 'boolean' },
    'cache-location': { type: 'string' },
  },
  async run(args, ctx) {
    const format = oneOf(args, 'format', ['text', 'json', 'github'], 'text');
    const render = format === 'json' ? formatJson : format === 'github' ? formatGithub : formatText;
    const strict = args.values.strict === true;
    const baseOption = stringOption(args, 'base');
    if (baseOption !== undefined) {
      // As the pull-request check judges: only what the head introduces over the base counts.
      const checked = await validateAgainstBase(ctx.root, path.resolve(ctx.cwd, baseOption));
      if (checked.baseProblem)
        ctx.stderr(
          `persona validate: the base could not be validated (${checked.baseProblem}); every problem counts as new.\n`,
        );
      const { entries } = compareWithBase(checked.diagnostics, checked.baseDiagnostics);
      const introduced = entries.filter((e) => e.introduced);
      const summary = {
        ...summarize(checked.diagnostics, checked.head.personas.length, checked.head.contributionCount),
        introducedErrors: countBySeverity(introduced).errors,
        introducedWarnings: countBySeverity(introduced).warnings,
      };
      ctx.stdout(
        format === 'text'
          ? formatText(entries, summary, {
              note: (d) => (d.introduced ? null : 'already on the base branch'),
            })
          : render(entries, summary),
      );
      return summary.introducedErrors > 0 || (strict && summary.introducedWarnings > 0)
        ? EXIT_PROBLEMS
        : EXIT_OK;
    }
    // The accelerator's result store: its default place in the tools' state folder, another file, or none.
    const explicit = stringOption(args, 'cache-location');
    const store =
      args.values['no-cache'] === true
        ? null
        : explicit === undefined
          ? undefined
          : path.resolve(ctx.cwd, explicit);
    const result = await validateLibrary(ctx.root, { personaData: false, store, env: ctx.env });
    const summary = summarize(result.diagnostics, result.personas.length, result.contributionCount);
    ctx.stdout(render(result.diagnostics, summary));
    const { errors, warnings } = countBySeverity(result.diagnostics);
    return errors > 0 || (strict && warnings > 0) ? EXIT_PROBLEMS : EXIT_OK;
  },
};
