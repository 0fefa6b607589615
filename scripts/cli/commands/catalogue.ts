import { SymlinkInCatalogueError } from '../../apply/catalogue-folder.ts';
import { buildCatalogue, type CatalogueRun } from '../../pipeline/build-catalogue.ts';
import { catalogueTarget } from '../../pipeline/catalogue-target.ts';
import { formatCatalogueRun } from '../../render/report/format-catalogue.ts';
import { type Command, EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, stringOption } from '../command.ts';

export const catalogueCommand: Command = {
  name: 'catalogue',
  summary: 'Generate the Markdown catalogue and JSON/CSV exports (or check them with --check).',
  usage: 'persona catalogue [--root <dir>] [--out <dir>] [--check] [--keep-going]',
  options: { out: { type: 'string' }, check: { type: 'boolean' }, 'keep-going': { type: 'boolean' } },
  flags: {
    out: { value: '<dir>', text: 'write the catalogue here (default: catalogue/ in the library root)' },
    check: { text: 'write nothing; report stale or left-over generated files (exit 1 if any)' },
    'keep-going': { text: 'skip the personas with errors instead of stopping, and list them' },
  },
  examples: [
    'persona catalogue',
    'persona catalogue --check',
    'persona catalogue --out /tmp/catalogue --keep-going',
  ],
  async run(args, ctx) {
    const check = args.values.check === true;
    const target = catalogueTarget(ctx.root, ctx.cwd, stringOption(args, 'out'));
    let run: CatalogueRun;
    try {
      run = await buildCatalogue(ctx.root, {
        outDir: target.outDir,
        options: target.options,
        check,
        keepGoing: args.values['keep-going'] === true,
        env: ctx.env,
      });
    } catch (error) {
      if (!(error instanceof SymlinkInCatalogueError)) throw error;
      ctx.stderr(`persona catalogue: ${error.message}\n`);
      return EXIT_USAGE;
    }
    const report = formatCatalogueRun(run, target.outLabel, check);
    if (report.stdout) ctx.stdout(report.stdout);
    if (report.stderr) ctx.stderr(report.stderr);
    return report.ok ? EXIT_OK : EXIT_PROBLEMS;
  },
};
