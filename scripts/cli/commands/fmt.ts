import { assertWritable } from '../../apply/safe-path.ts';
import { writeLibraryFile } from '../../apply/write-file.ts';
import { countBySeverity, type Diagnostic, sortDiagnostics } from '../../core/diagnostic.ts';
import { formatPersonaSource } from '../../plan/format-persona-source.ts';
import { readLibrary } from '../../read/read-library.ts';
import { formatText, plural } from '../../render/report/format-text.ts';
import { type Command, EXIT_OK, EXIT_PROBLEMS } from '../command.ts';

export const fmtCommand: Command = {
  name: 'fmt',
  summary: 'Rewrite persona files in canonical format (or check them with --check).',
  usage: 'persona fmt [--root <dir>] [--check]',
  options: { check: { type: 'boolean' } },
  flags: { check: { text: 'write nothing; report the files that are not canonical (exit 1 if any)' } },
  examples: ['persona fmt', 'persona fmt --check'],
  async run(args, ctx) {
    const check = args.values.check === true;
    const library = await readLibrary(ctx.root);
    const { personaFiles } = library;
    // What the listing refused under personas/ (links, hidden or badly named entries) is never formatted.
    const diagnostics: Diagnostic[] = library.diagnostics.filter((d) => d.file.startsWith('personas'));
    const rewrites: Array<{ file: string; text: string }> = [];
    let refused = 0;
    for (const { file, bytes } of personaFiles) {
      const outcome = formatPersonaSource(file, bytes);
      if (outcome.kind === 'refused') {
        // Left byte for byte as it is: rewriting would drop or change what the errors are about.
        diagnostics.push(...outcome.diagnostics);
        refused++;
      } else if (outcome.kind === 'changed' && check) {
        // `persona validate` says the same as warnings; here they are what the check is for.
        diagnostics.push(...outcome.diagnostics.map((d): Diagnostic => ({ ...d, severity: 'error' })));
      } else if (outcome.kind === 'changed') {
        rewrites.push({ file, text: outcome.text });
      }
    }
    // Every target is checked before the first write: a link on the way refuses the whole run (exit 2).
    if (!check)
      assertWritable(
        ctx.root,
        rewrites.map((r) => r.file),
      );
    const rewritten: string[] = [];
    for (const { file, text } of check ? [] : rewrites) {
      await writeLibraryFile(ctx.root, file, text);
      rewritten.push(file);
    }
    const sorted = sortDiagnostics(diagnostics);
    if (sorted.length > 0) {
      ctx.stdout(formatText(sorted, { personas: personaFiles.length, ...countBySeverity(sorted) }));
    }
    if (!check) {
      for (const file of rewritten) ctx.stdout(`formatted ${file}\n`);
      const canonical = personaFiles.length - rewritten.length - refused;
      const left = refused > 0 ? `, ${plural(refused, 'file')} left as they are (errors above)` : '';
      ctx.stdout(`${plural(rewritten.length, 'file')} rewritten, ${canonical} already canonical${left}.\n`);
    } else if (sorted.length === 0) {
      ctx.stdout(`✔ all ${plural(personaFiles.length, 'file')} are in canonical format.\n`);
    }
    return sorted.length > 0 ? EXIT_PROBLEMS : EXIT_OK;
  },
};
