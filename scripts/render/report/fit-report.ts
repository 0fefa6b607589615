import { validateReport } from '../../check/report/validate-report.ts';
import type { PersonaReport } from '../../core/report.ts';
import { errorsFirst } from './select-annotations.ts';

export interface FittedReport {
  report: PersonaReport;
  /** What was left out to fit, for a warning; null when the report fit as built. */
  dropped: string | null;
}

/**
 * The report as it fits schemas/report.schema.json, which the comment step holds it to: as built; else
 * without the fixes (no suggested changes); else without the previews; else with the first diagnostics only (errors first); else with none (the summary's
 * counts stay). The bot always has something to post, whatever the pull request holds.
 */
export function fitReportToSchema(built: PersonaReport): FittedReport {
  const attempts: Array<[string | null, PersonaReport]> = [
    [null, built],
    [
      'the fixes (no suggested changes)',
      { ...built, diagnostics: built.diagnostics.map(({ fix: _fix, ...rest }) => rest) },
    ],
    ['the contribution previews', { ...built, previews: null }],
    [
      'all but the first 1,000 problems',
      { ...built, previews: null, diagnostics: errorsFirst(built.diagnostics).slice(0, 1000) },
    ],
    ['every problem (the counts remain)', { ...built, previews: null, diagnostics: [] }],
  ];
  for (const [dropped, report] of attempts) {
    if (validateReport(report).ok) return { report, dropped };
  }
  throw new Error('the report fits its schema in no form; this is a bug');
}
