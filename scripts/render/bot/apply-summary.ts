import type { RootContent } from 'mdast';
import type { Diagnostic } from '../../core/diagnostic.ts';
import type { IdChange } from '../../plan/assign-ids.ts';
import type { MergePlan } from '../../plan/merge/merge-plan.ts';
import { bulletList, heading, inlineCode, paragraph, root, text, untrusted } from '../mdast.ts';
import { oneLine } from '../neutralize-text.ts';
import { diagnosticTable } from './diagnostic-table.ts';
import { stringifyMarkdown } from './markdown.ts';
import { plural } from './report-sections.ts';

/** What an apply run did to the library, and every problem it left for people. */
export interface ApplySummaryOutcome {
  merge: Pick<MergePlan, 'applied' | 'parked'>;
  renumbered: readonly IdChange[];
  problems: readonly Diagnostic[];
}

/** Where the run committed: on top of `base`, as `pushed` (null when nothing changed), at its `attempts`-th try. */
export interface ApplyPush {
  base: string;
  pushed: string | null;
  attempts: number;
}

export interface ApplyReportContext {
  serverUrl: string;
  repository: string;
  runUrl: string | null;
}

/** The apply run's job summary: what was applied, renumbered and parked, and every problem left. */
export function renderApplySummary(
  outcome: ApplySummaryOutcome,
  push: ApplyPush,
  ctx: ApplyReportContext,
): string {
  const { applied, parked } = outcome.merge;
  const { renumbered, problems } = outcome;
  const children: RootContent[] = [
    heading(2, text(`Applied ${plural(applied.length, 'contribution')}`)),
    applied.length > 0
      ? bulletList(
          applied.map((a) => [
            inlineCode(a.file),
            text(`: ${a.action} `),
            untrusted(a.field, oneLine(80)),
            text(', by '),
            untrusted(a.author, oneLine(80)),
          ]),
        )
      : paragraph(text('Nothing to apply.')),
    paragraph(
      text(
        push.pushed
          ? `Committed and pushed ${push.pushed.slice(0, 12)} on top of ${push.base.slice(0, 12)}${push.attempts > 1 ? ` (attempt ${push.attempts}: the branch moved meanwhile)` : ''}.`
          : 'Nothing changed, so nothing was committed.',
      ),
    ),
  ];
  if (renumbered.length > 0)
    children.push(
      heading(2, text(`${plural(renumbered.length, 'id')} given to personas that arrived with a taken id`)),
      bulletList(renumbered.map((r) => [inlineCode(r.file), text(`: ${r.from} → ${r.to}`)])),
    );
  if (parked.length > 0)
    children.push(
      heading(2, text(`${plural(parked.length, 'stale correction')} parked`)),
      bulletList(parked.map((p) => [inlineCode(p.file), text(' → '), inlineCode(p.to)])),
    );
  if (problems.length > 0)
    children.push(
      heading(2, text(`${plural(problems.length, 'problem')} left for a follow-up`)),
      diagnosticTable(
        problems.map((p) => ({ ...p, introduced: false })),
        { ...ctx, headSha: push.pushed ?? push.base },
        { cellLength: 1000 },
      ),
    );
  return stringifyMarkdown(root(children));
}
