import type { PhrasingContent, Table } from 'mdast';
import type { ReportEntry } from '../../core/report.ts';
import { inlineCode, link, table, text, untrusted, untrustedRich } from '../mdast.ts';
import { oneLine } from '../neutralize-text.ts';
import { type LinkContext, lineLink, ruleLink } from './links.ts';

export interface TableOptions {
  /** Cut long messages and hints to this many characters per cell. */
  cellLength: number;
  /** Add a severity column (the job summary mixes errors and warnings in one table). */
  withSeverity?: boolean;
}

/** One row per diagnostic: location linked to the exact line at the head commit, problem, hint, rule, new. */
export function diagnosticTable(
  entries: readonly ReportEntry[],
  ctx: LinkContext,
  options: TableOptions,
): Table {
  const header = [...(options.withSeverity ? ['Severity'] : []), 'Where', 'Problem', 'Hint', 'Rule', 'New'];
  return table(
    header.map((name) => [text(name)]),
    entries.map((d) => {
      const cells: PhrasingContent[][] = [
        [link(lineLink(ctx, d.file, d.line, d.endLine), untrusted(`${d.file}:${d.line}`, oneLine(200)))],
        untrustedRich(d.message, options.cellLength),
        untrustedRich(d.hint, options.cellLength),
        [link(ruleLink(ctx, d.rule), inlineCode(d.rule))],
        [text(d.introduced ? 'new' : '')],
      ];
      if (options.withSeverity) cells.unshift([text(d.severity)]);
      return cells;
    }),
  );
}
