import { lstat } from 'node:fs/promises';
import path from 'node:path';
import { applyCataloguePlan, SymlinkInCatalogueError } from '../../apply/apply-catalogue-plan.ts';
import { type Diagnostic, diagnostic, START_OF_FILE, sortDiagnostics } from '../../core/diagnostic.ts';
import { REPOSITORY_URL } from '../../core/repository.ts';
import { validateLibrary } from '../../pipeline/validate-library.ts';
import { type CataloguePlan, planCatalogueWrites } from '../../plan/catalogue/plan-catalogue-writes.ts';
import { readCatalogueFolder } from '../../read/read-catalogue-folder.ts';
import { toCataloguePersona } from '../../render/catalogue/catalogue-persona.ts';
import { renderCatalogue } from '../../render/catalogue/render-catalogue.ts';
import { formatText, plural, summarize } from '../../report/format-text.ts';
import {
  type Command,
  type CommandContext,
  EXIT_OK,
  EXIT_PROBLEMS,
  EXIT_USAGE,
  stringOption,
  UsageError,
} from '../command.ts';

const DEFAULT_OUT = 'catalogue';
const BRANCH = 'main';
/** Folders of the library that a catalogue must never be written into (it prunes what it generated before). */
const PROTECTED = ['personas', 'contributions', 'schemas', '.git', '.github'];

export const catalogueCommand: Command = {
  name: 'catalogue',
  summary: 'Generate the Markdown catalogue and JSON/CSV exports (or check them with --check).',
  usage: 'persona catalogue [--root <dir>] [--out <dir>] [--check]',
  options: { out: { type: 'string' }, check: { type: 'boolean' } },
  async run(args, ctx) {
    const check = args.values.check === true;
    const outDir = await resolveOutDir(stringOption(args, 'out'), ctx);
    const fromRoot = path.relative(ctx.root, outDir);
    // Inside the library: `catalogue`; elsewhere the absolute path reads better than a ladder of `../`.
    const outLabel =
      fromRoot.startsWith('..') || path.isAbsolute(fromRoot) ? toPosix(outDir) : toPosix(fromRoot);

    const library = await validateLibrary(ctx.root);
    // Contributions don't change what the catalogue shows, so only persona problems stop it.
    const blocking = library.diagnostics.filter(
      (d) => d.severity === 'error' && !d.file.startsWith('contributions/'),
    );
    if (blocking.length > 0) {
      ctx.stdout(
        formatText(blocking, summarize(blocking, library.personas.length, library.contributionCount)),
      );
      ctx.stderr('persona catalogue: fix the errors above first; nothing was written.\n');
      return EXIT_PROBLEMS;
    }

    const personas = library.personas.flatMap((facts) =>
      facts.data ? [toCataloguePersona(facts.file, facts.data)] : [],
    );
    const rendered = renderCatalogue(personas, {
      repositoryUrl: REPOSITORY_URL,
      branch: BRANCH,
      rootFromCatalogue: toPosix(path.relative(outDir, ctx.root)),
      outDir: outLabel,
    });
    if (rendered.diagnostics.length > 0) {
      ctx.stdout(report(rendered.diagnostics, personas.length, library.contributionCount));
      ctx.stderr('persona catalogue: nothing was written.\n');
      return EXIT_PROBLEMS;
    }

    const plan = planCatalogueWrites(rendered.files, await readCatalogueFolder(outDir));
    if (check) return reportCheck(plan, outLabel, personas.length, library.contributionCount, ctx);
    try {
      await applyCataloguePlan(outDir, plan);
    } catch (error) {
      if (!(error instanceof SymlinkInCatalogueError)) throw error;
      ctx.stderr(`persona catalogue: ${error.message}\n`);
      return EXIT_USAGE;
    }
    for (const file of plan.write)
      ctx.stdout(`${file.missing ? 'created' : 'updated'} ${outLabel}/${file.path}\n`);
    for (const file of plan.remove) ctx.stdout(`removed ${outLabel}/${file}\n`);
    ctx.stdout(
      `✔ ${outLabel}/: ${plural(plan.write.length, 'file')} written, ${plural(plan.remove.length, 'file')} removed, ${plan.unchanged.length.toLocaleString('en-US')} unchanged.\n`,
    );
    return EXIT_OK;
  },
};

function reportCheck(
  plan: CataloguePlan,
  outLabel: string,
  personas: number,
  contributions: number,
  ctx: CommandContext,
): number {
  const hint = 'Run `npx persona catalogue` (or `npm start`) and commit the result.';
  const diagnostics: Diagnostic[] = [
    ...plan.write.map((file) =>
      diagnostic(
        `${outLabel}/${file.path}`,
        { line: file.firstDifferentLine, column: 1, endLine: file.firstDifferentLine, endColumn: 1 },
        'catalogue/stale',
        file.missing
          ? 'This catalogue file is missing: the personas produce it, but it was never generated or was deleted.'
          : 'This catalogue file is out of date: the personas now produce different text from this line on.',
        hint,
      ),
    ),
    ...plan.remove.map((file) =>
      diagnostic(
        `${outLabel}/${file}`,
        START_OF_FILE,
        'catalogue/extra',
        'This generated file belongs to no current persona (renamed or deleted); regenerating removes it.',
        hint,
      ),
    ),
  ];
  if (diagnostics.length === 0) {
    ctx.stdout(`✔ ${outLabel}/ is up to date (${plural(plan.unchanged.length, 'file')}).\n`);
    return EXIT_OK;
  }
  ctx.stdout(report(diagnostics, personas, contributions));
  return EXIT_PROBLEMS;
}

function report(diagnostics: readonly Diagnostic[], personas: number, contributions: number): string {
  const sorted = sortDiagnostics(diagnostics);
  return formatText(sorted, summarize(sorted, personas, contributions));
}

/** `--out` (relative to the working directory) or `<root>/catalogue`, refusing places the pruning could harm. */
async function resolveOutDir(option: string | undefined, ctx: CommandContext): Promise<string> {
  const outDir = option === undefined ? path.join(ctx.root, DEFAULT_OUT) : path.resolve(ctx.cwd, option);
  const fromOut = path.relative(outDir, ctx.root);
  if (fromOut === '' || !fromOut.startsWith('..'))
    throw new UsageError(
      `--out must be a folder of its own, not the library root or a folder above it; got "${option}".`,
    );
  for (const folder of PROTECTED) {
    const inside = path.relative(path.join(ctx.root, folder), outDir);
    if (inside === '' || !(inside.startsWith('..') || path.isAbsolute(inside)))
      throw new UsageError(`--out must not be inside ${folder}/; got "${option}".`);
  }
  if ((await lstat(outDir).catch(() => null))?.isSymbolicLink())
    throw new UsageError(
      `${path.relative(ctx.cwd, outDir) || outDir} is a symbolic link; give the real folder.`,
    );
  return outDir;
}

function toPosix(value: string): string {
  return value.split(path.sep).join('/');
}
