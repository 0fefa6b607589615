import { placeOf } from '../../../core/contribution.ts';
import { type Diagnostic, diagnostic } from '../../../core/diagnostic.ts';
import type { TargetContext } from './target-context.ts';

export function itemInRange(ctx: TargetContext): Diagnostic[] {
  const { item, field } = ctx.contribution;
  const list = ctx.data[field];
  if (item === undefined || !Array.isArray(list) || item <= list.length) return [];
  return [
    diagnostic(
      ctx.facts.file,
      placeOf(ctx.facts, 'item'),
      'contribution/item-out-of-range',
      `\`${field}\` of \`${ctx.target.slug}\` has ${list.length} item${list.length === 1 ? '' : 's'}, so there is no item ${item}.`,
      `Use a number from 1 to ${list.length}. To add a new item, use \`action: extend\` without \`item\`.`,
    ),
  ];
}
