import path from 'node:path';
import { countBySeverity } from '../../core/diagnostic.ts';
import { toolIdentity } from '../../pipeline/check-files.ts';
import { validateLibrary } from '../../pipeline/validate-library.ts';
import { defaultCacheFile } from '../../read/tool-state.ts';
import { formatGithub } from '../../report/format-github.ts';
import { formatJson } from '../../report/format-json.ts';
import { formatText, summarize } from '../../report/format-text.ts';
import { type Command, EXIT_OK, EXIT_PROBLEMS, oneOf, stringOption } from '../command.ts';

export const validateCommand: Command = {
  name: 'validate',
  summary: 'Check every persona and contribution; report all problems.',
  usage:
    'persona validate [--root <dir>] [--format text|json|github] [--strict] [--no-cache] [--cache-location <file>]',
  options: {
    format: { type: 'string' },
    strict: { type: 'boolean' },
    'no-cache': { type: 'boolean' },
    'cache-location': { type: 'string' },
  },
  async run(args, ctx) {
    const format = oneOf(args, 'format', ['text', 'json', 'github'], 'text');
    const identity = toolIdentity();
    const explicit = stringOption(args, 'cache-location');
    const location =
      explicit === undefined
        ? defaultCacheFile(ctx.root, 'validate.json', ctx.env)
        : path.resolve(ctx.cwd, explicit);
    const cache =
      args.values['no-cache'] === true || identity === undefined || location === null
        ? undefined
        : { location, toolIdentity: identity };
    const result = await validateLibrary(ctx.root, { personaData: false, ...(cache ? { cache } : {}) });
    const summary = summarize(result.diagnostics, result.personas.length, result.contributionCount);
    const render = format === 'json' ? formatJson : format === 'github' ? formatGithub : formatText;
    ctx.stdout(render(result.diagnostics, summary));
    const { errors, warnings } = countBySeverity(result.diagnostics);
    return errors > 0 || (args.values.strict === true && warnings > 0) ? EXIT_PROBLEMS : EXIT_OK;
  },
};
