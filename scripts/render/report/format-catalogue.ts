import {
  countBySeverity,
  type Diagnostic,
  diagnostic,
  START_OF_FILE,
  sortDiagnostics,
} from '../../core/diagnostic.ts';
import { formatText, plural } from './format-text.ts';

/** A generated file as one run found it (apply/catalogue-folder.ts's `ChangedFile`). */
interface ChangedCatalogueFile {
  path: string;
  missing: boolean;
  firstDifferentLine: number;
}

/** What `persona catalogue` did (pipeline/build-catalogue.ts's `CatalogueRun`). */
export type CatalogueOutcome =
  | { kind: 'blocked'; personas: number; diagnostics: Diagnostic[] }
  | { kind: 'too-large'; personas: number; diagnostics: Diagnostic[] }
  | {
      kind: 'done';
      personas: number;
      changed: ChangedCatalogueFile[];
      stale: string[];
      unchanged: number;
      skipped: Array<{ file: string; diagnostics: Diagnostic[] }>;
    };

/** The command's output for one run, and whether it succeeded. */
export interface CatalogueReport {
  stdout: string;
  stderr: string;
  ok: boolean;
}

/**
 * `persona catalogue`'s report: the persona errors that stopped it, the personas it skipped (`--keep-going`),
 * then each file written and removed with a summary line; under `--check`, `catalogue/stale` and
 * `catalogue/extra` for what differs, or a line saying the catalogue is up to date.
 */
export function formatCatalogueRun(run: CatalogueOutcome, outLabel: string, check: boolean): CatalogueReport {
  if (run.kind === 'blocked')
    return {
      stdout: report(run.diagnostics, run.personas),
      stderr:
        'persona catalogue: fix the errors above first (or use --keep-going to skip those personas); nothing was written.\n',
      ok: false,
    };
  if (run.kind === 'too-large')
    return {
      stdout: report(run.diagnostics, run.personas),
      stderr: 'persona catalogue: nothing was written.\n',
      ok: false,
    };
  const { changed, stale, unchanged, skipped } = run;
  let stdout = '';
  // With --keep-going the personas with errors are listed, and only the catalogue decides the exit code:
  // their errors are `persona validate`'s to judge (CI and the apply workflow judge them there).
  if (skipped.length > 0) {
    stdout += report(
      skipped.flatMap((s) => s.diagnostics),
      run.personas + skipped.length,
    );
    for (const { file } of skipped) stdout += `skipped ${file} (it has errors)\n`;
  }
  if (check) {
    const drift = catalogueDrift(changed, stale, outLabel);
    if (drift.length === 0)
      return {
        stdout: `${stdout}✔ ${outLabel}/ is up to date (${plural(unchanged, 'file')}).\n`,
        stderr: '',
        ok: true,
      };
    return { stdout: stdout + report(drift, run.personas), stderr: '', ok: false };
  }
  for (const file of changed) stdout += `${file.missing ? 'created' : 'updated'} ${outLabel}/${file.path}\n`;
  for (const file of stale) stdout += `removed ${outLabel}/${file}\n`;
  stdout += `✔ ${outLabel}/: ${plural(changed.length, 'file')} written, ${plural(stale.length, 'file')} removed, ${unchanged.toLocaleString('en-US')} unchanged${skipped.length > 0 ? `; ${plural(skipped.length, 'persona')} with errors skipped` : ''}.\n`;
  return { stdout, stderr: '', ok: true };
}

/** `catalogue/stale` for each generated file that differs or is missing, `catalogue/extra` for each left over. */
function catalogueDrift(
  changed: readonly ChangedCatalogueFile[],
  stale: readonly string[],
  outLabel: string,
) {
  const hint = 'Run `npx persona catalogue` (or `npm start`) and commit the result.';
  return [
    ...changed.map((file) =>
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
    ...stale.map((file) =>
      diagnostic(
        `${outLabel}/${file}`,
        START_OF_FILE,
        'catalogue/extra',
        'This generated file belongs to no current persona (renamed or deleted); regenerating removes it.',
        hint,
      ),
    ),
  ];
}

/** The catalogue checks personas only, so its summary counts no contributions. */
function report(diagnostics: readonly Diagnostic[], personas: number): string {
  const sorted = sortDiagnostics(diagnostics);
  return formatText(sorted, { personas, ...countBySeverity(sorted) });
}
