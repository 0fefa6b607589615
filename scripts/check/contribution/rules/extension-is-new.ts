import { placeOf } from '../../../core/contribution.ts';
import { type Diagnostic, diagnostic } from '../../../core/diagnostic.ts';
import { normalizeItem } from '../contribution-effect.ts';
import type { TargetContext } from './target-context.ts';

/** A new or corrected list item that says what another item already says. */
export function extensionIsNew(ctx: TargetContext): Diagnostic[] {
  const { action, field, item, value } = ctx.contribution;
  const list = ctx.data[field];
  if (value === undefined || !Array.isArray(list) || (action !== 'extend' && action !== 'correct')) return [];
  const wanted = normalizeItem(value);
  const index = list.findIndex(
    (entry, i) => i + 1 !== item && typeof entry === 'string' && normalizeItem(entry) === wanted,
  );
  if (index === -1) return [];
  return [
    diagnostic(
      ctx.facts.file,
      placeOf(ctx.facts, 'value'),
      'contribution/duplicate-item',
      `\`${field}\` of \`${ctx.target.slug}\` already has this text as item ${index + 1}.`,
      action === 'extend'
        ? `To vouch for it, confirm it instead: \`action: confirm\` with \`item: ${index + 1}\`.`
        : 'Write a different text, or delete this correction.',
    ),
  ];
}
