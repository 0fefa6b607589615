import { placeOf } from '../../../core/contribution.ts';
import { type Diagnostic, diagnostic } from '../../../core/diagnostic.ts';
import type { TargetContext } from './target-context.ts';

/** Confirmations are counted per person: the provenance keeps who confirmed each field. */
export function confirmedOnce(ctx: TargetContext): Diagnostic[] {
  const { action, field, author } = ctx.contribution;
  if (action !== 'confirm' || !confirmedBy(ctx.data, field).includes(author)) return [];
  return [
    diagnostic(
      ctx.facts.file,
      placeOf(ctx.facts, 'author'),
      'contribution/duplicate-confirm',
      `\`${author}\` has already confirmed \`${field}\` of \`${ctx.target.slug}\`.`,
      'Each person confirms a field once. Delete this file, or contribute a correction or an extension instead.',
    ),
  ];
}

export function confirmedBy(data: Record<string, unknown>, field: string): string[] {
  const community = data.community as { fields?: Record<string, { confirmed_by?: unknown }> } | undefined;
  const list = community?.fields?.[field]?.confirmed_by;
  return Array.isArray(list) ? list.filter((login): login is string => typeof login === 'string') : [];
}
