import type { PhrasingContent, RootContent } from 'mdast';
import type { FieldChange, PersonaReport } from '../../core/report.ts';
import {
  bulletList,
  code,
  details,
  emphasis,
  heading,
  inlineCode,
  link,
  paragraph,
  strong,
  table,
  text,
  trustedHtml,
  untrusted,
} from '../mdast.ts';
import { neutralizeText, oneLine, truncate } from '../neutralize-text.ts';
import { diagnosticTable } from './diagnostic-table.ts';
import { commitLink, type LinkContext, lineLink } from './links.ts';

/** Sections shared by the sticky comment and the job summary. */
export interface SectionContext extends LinkContext {
  /** The workflow run whose job summary has the full report. */
  runUrl: string;
  /** The pull request's base branch name, when known, for "already on `main`". */
  baseRef: string | null;
}

export interface PreviewLimits {
  personas: number;
  /** Characters of before/after text per cell. */
  textLength: number;
  /** Characters of unified diff per persona; 0 leaves the diff out. */
  diffLength: number;
}

export function plural(n: number, word: string): string {
  return `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
}

export function verdict(report: PersonaReport): string {
  const { errors, warnings } = report.summary;
  if (errors > 0) return `❌ Persona check: ${plural(errors, 'error')} to fix`;
  if (warnings > 0) return `⚠️ Persona check passed with ${plural(warnings, 'warning')}`;
  return '✅ Persona check passed';
}

/** "3 errors (2 new in this pull request, 1 already on `main`) · 1 warning (new) · 2 fixed" */
export function countsParagraph(report: PersonaReport, ctx: SectionContext): RootContent {
  const s = report.summary;
  const base = ctx.baseRef
    ? [text('already on '), inlineCode(ctx.baseRef)]
    : [text('already on the base branch')];
  const split = (total: number, introduced: number): PhrasingContent[] => {
    if (total === 0) return [];
    if (report.baseSha === null) return [];
    if (introduced === total) return [text(' (new in this pull request)')];
    if (introduced === 0) return [text(' ('), ...base, text(')')];
    return [
      text(
        ` (${introduced.toLocaleString('en-US')} new in this pull request, ${(total - introduced).toLocaleString('en-US')} `,
      ),
      ...base,
      text(')'),
    ];
  };
  const parts: PhrasingContent[] = [
    strong(text(plural(s.errors, 'error'))),
    ...split(s.errors, s.introducedErrors),
    text(' · '),
    strong(text(plural(s.warnings, 'warning'))),
    ...split(s.warnings, s.introducedWarnings),
    text(` · ${plural(s.personas, 'persona')} and ${plural(s.contributions, 'contribution')} checked`),
  ];
  if (s.resolved > 0) parts.push(text(` · ${plural(s.resolved, 'problem')} from the base branch fixed here`));
  return paragraph(...parts, text('.'));
}

/** Every contribution in the pull request, as the personas would read after merging. */
export function previewSection(
  report: PersonaReport,
  ctx: SectionContext,
  limits: PreviewLimits,
  depth: 2 | 3 | 4,
): RootContent[] {
  const preview = report.previews;
  if (preview === null) {
    return [
      heading(depth, text('Contribution previews')),
      paragraph(text('No preview could be made for this commit; see the workflow run.')),
    ];
  }
  if (preview.applied.length === 0 && preview.conflicts.length === 0) return [];
  const out: RootContent[] = [heading(depth, text('Contribution previews'))];
  if (preview.applied.length > 0) {
    out.push(
      paragraph(
        text(`Once merged, ${plural(preview.applied.length, 'contribution')} will change these personas:`),
      ),
    );
  }
  const shown = preview.personas.slice(0, limits.personas);
  for (const persona of shown) {
    const sub = Math.min(depth + 1, 6) as 3 | 4 | 5;
    out.push(
      heading(
        sub,
        untrusted(persona.title, oneLine(200)),
        text(' · '),
        untrusted(persona.slug, oneLine(120)),
      ),
    );
    const contributions = preview.applied.filter((a) => a.personaFile === persona.file);
    if (contributions.length > 0) {
      out.push(
        bulletList(
          contributions.map((a) => [
            link(lineLink(ctx, a.file, 1), untrusted(a.file, oneLine(200))),
            text(`: ${a.action} `),
            untrusted(a.field, oneLine(80)),
            text(typeof a.item === 'number' ? ` item ${a.item}` : ''),
            text(', by '),
            untrusted(a.author, oneLine(80)),
          ]),
        ),
      );
    }
    if (persona.changes.length > 0) {
      out.push(
        table(
          [[text('Field')], [text('Action')], [text('Before')], [text('After')]],
          persona.changes.map((c) => [
            [untrusted(fieldLabel(c), oneLine(120))],
            [text(c.action)],
            changeText(c.before, limits.textLength),
            changeText(c.after, limits.textLength),
          ]),
        ),
      );
    }
    if (limits.diffLength > 0 && persona.diff) {
      const cut =
        persona.diff.length > limits.diffLength
          ? `${truncate(persona.diff, limits.diffLength)}\n… (diff cut)`
          : persona.diff;
      // Mentions and HTML are inert in a code block already; this also drops bidi controls and marker copies.
      out.push(...details('Diff', [code('diff', neutralizeText(cut))]));
    }
  }
  if (preview.personas.length > shown.length) {
    out.push(moreParagraph(preview.personas.length - shown.length, 'more persona', ctx));
  }
  if (preview.conflicts.length > 0) {
    out.push(
      paragraph(text(`${plural(preview.conflicts.length, 'contribution')} cannot be applied as it stands:`)),
    );
    out.push(
      diagnosticTable(
        preview.conflicts.slice(0, Math.max(limits.personas, 1)).map((c) => ({ ...c, introduced: true })),
        ctx,
        { cellLength: limits.textLength },
      ),
    );
  }
  return out;
}

function fieldLabel(change: FieldChange): string {
  return typeof change.item === 'number' ? `${change.field} #${change.item}` : change.field;
}

function changeText(value: string | null, maxLength: number): PhrasingContent[] {
  return value === null ? [emphasis(text('none'))] : [untrusted(value, oneLine(maxLength))];
}

export function moreParagraph(count: number, what: string, ctx: SectionContext): RootContent {
  return paragraph(
    text(`…and ${plural(count, what)}: see the `),
    link(ctx.runUrl, text('job summary')),
    text('.'),
  );
}

export function footer(report: PersonaReport, ctx: SectionContext): RootContent {
  return paragraph(
    trustedHtml('<sub>'),
    text('Checked commit '),
    link(commitLink(ctx), inlineCode(report.headSha.slice(0, 7))),
    text(' · '),
    link(ctx.runUrl, text('workflow run')),
    text(' · this comment updates on every push'),
    trustedHtml('</sub>'),
  );
}
