import type { RootContent } from 'mdast';
import type { PersonaReport } from '../../core/report.ts';
import { heading, inlineCode, paragraph, root, text } from '../mdast.ts';
import { errorsFirst } from '../report/select-annotations.ts';
import { diagnosticTable } from './diagnostic-table.ts';
import { stringifyMarkdown } from './markdown.ts';
import { countsParagraph, plural, previewSection, type SectionContext, verdict } from './report-sections.ts';

/** GitHub refuses a step summary over 1 MiB; stay under it with room for the rest of the page. */
export const SUMMARY_BUDGET_BYTES = 1000 * 1024;

/**
 * The job summary: every diagnostic in one table (annotations stop at 10 per step and 50 per job), then the
 * previews. With more rows than fit, the table is cut and points to the JSON report artifact.
 */
export function renderSummaryBody(report: PersonaReport, ctx: SectionContext, artifactName: string): string {
  let rows = report.diagnostics.length;
  for (let attempt = 0; attempt < 12; attempt++) {
    const body = stringifyMarkdown(root(summaryContent(report, ctx, rows, artifactName)));
    if (Buffer.byteLength(body) <= SUMMARY_BUDGET_BYTES || rows === 0) return body;
    rows = Math.floor(rows / 2);
  }
  return stringifyMarkdown(root(summaryContent(report, ctx, 0, artifactName)));
}

function summaryContent(
  report: PersonaReport,
  ctx: SectionContext,
  rows: number,
  artifactName: string,
): RootContent[] {
  const ordered = errorsFirst(report.diagnostics);
  const out: RootContent[] = [heading(2, text(verdict(report))), countsParagraph(report, ctx)];
  if (ordered.length > 0) {
    out.push(diagnosticTable(ordered.slice(0, rows), ctx, { cellLength: 1000, withSeverity: true }));
    if (ordered.length > rows) {
      out.push(
        paragraph(
          text(`${plural(ordered.length - rows, 'more problem')} not shown here: the full list is in the `),
          inlineCode(artifactName),
          text(' artifact of this run.'),
        ),
      );
    }
  }
  out.push(...previewSection(report, ctx, { personas: 1000, textLength: 2000, diffLength: 50_000 }, 3));
  return out;
}
