import path from 'node:path';
import { writeFileAtomically } from '../../apply/write-file.ts';
import { type Diagnostic, sortDiagnostics } from '../../core/diagnostic.ts';
import { formatPersonaSource, notCanonicalDiagnostic } from '../../plan/format-persona-source.ts';
import { readLibrary } from '../../read/read-library.ts';
import { formatText, plural } from '../../render/report/format-text.ts';
import { type Command, EXIT_OK, EXIT_PROBLEMS } from '../command.ts';

export const fmtCommand: Command = {
  name: 'fmt',
  summary: 'Rewrite persona files in canonical format (or check them with --check).',
  usage: 'persona fmt [--root <dir>] [--check]',
  options: { check: { type: 'boolean' } },
  async run(args, ctx) {
    const check = args.values.check === true;
    const { personaFiles } = await readLibrary(ctx.root);
    const diagnostics: Diagnostic[] = [];
    const rewritten: string[] = [];
    for (const { file, bytes } of personaFiles) {
      const outcome = formatPersonaSource(file, bytes);
      if (outcome.kind === 'unreadable') diagnostics.push(...outcome.diagnostics);
      else if (outcome.kind === 'changed' && check)
        diagnostics.push(notCanonicalDiagnostic(file, outcome.firstDifferentLine));
      else if (outcome.kind === 'changed') {
        await writeFileAtomically(path.join(ctx.root, file), outcome.text);
        rewritten.push(file);
      }
    }
    const sorted = sortDiagnostics(diagnostics);
    if (sorted.length > 0) {
      const errors = sorted.length;
      ctx.stdout(
        formatText(sorted, { personas: personaFiles.length, contributions: 0, errors, warnings: 0 }),
      );
    }
    if (!check) {
      for (const file of rewritten) ctx.stdout(`formatted ${file}\n`);
      ctx.stdout(
        `${plural(rewritten.length, 'file')} rewritten, ${personaFiles.length - rewritten.length - sorted.length} already canonical.\n`,
      );
    } else if (sorted.length === 0) {
      ctx.stdout(`✔ all ${plural(personaFiles.length, 'file')} are in canonical format.\n`);
    }
    return sorted.length > 0 ? EXIT_PROBLEMS : EXIT_OK;
  },
};
