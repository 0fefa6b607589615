import path from 'node:path';
import { fixLibrary } from '../../pipeline/fix-library.ts';
import { listLibrary } from '../../read/read-library.ts';
import { formatFixText } from '../../render/report/format-fix-text.ts';
import { type Command, EXIT_OK, EXIT_PROBLEMS, UsageError } from '../command.ts';

export const fixCommand: Command = {
  name: 'fix',
  summary: 'Apply every unambiguous fix (preview with --dry-run); list what is left.',
  usage: 'persona fix [FILES…] [--root <dir>] [--dry-run]',
  options: { 'dry-run': { type: 'boolean' } },
  arguments: {
    'FILES…': 'fix these personas and contributions only; cross-file rules still see all',
  },
  flags: {
    'dry-run': { text: 'write nothing; print each change that would be made' },
  },
  examples: ['persona fix --dry-run', 'persona fix', 'persona fix personas/sentry/sentry-error-monitor.yaml'],
  allowPositionals: true,
  async run(args, ctx) {
    const dryRun = args.values['dry-run'] === true;
    const only = args.positionals.length > 0 ? await libraryFiles(args.positionals, ctx) : undefined;
    const result = await fixLibrary(ctx.root, { only, dryRun, env: ctx.env });
    ctx.stdout(formatFixText({ ...result, dryRun }));
    return result.remaining.some((d) => d.severity === 'error') ? EXIT_PROBLEMS : EXIT_OK;
  },
};

/** FILES as the library names them (relative to the root, with `/`): each must be a persona or a contribution. */
async function libraryFiles(named: readonly string[], ctx: { cwd: string; root: string }): Promise<string[]> {
  const listing = await listLibrary(ctx.root);
  const known = new Set([...listing.personaFiles, ...listing.contributionFiles]);
  return named.map((name) => {
    const relative = path.relative(ctx.root, path.resolve(ctx.cwd, name)).split(path.sep).join('/');
    if (!known.has(relative))
      throw new UsageError(
        relative.startsWith('../') || path.isAbsolute(relative)
          ? `${name} is outside the library at ${ctx.root}.`
          : `${name} is not a persona or contribution file of the library (personas/<product>/<slug>.yaml or contributions/<slug>/<file>.yaml).`,
      );
    return relative;
  });
}
