import { placeOf } from '../../../core/contribution.ts';
import { type Diagnostic, diagnostic } from '../../../core/diagnostic.ts';
import type { ErrorObject } from '../../schema/compile-schema.ts';
import { applyContentEffect } from '../contribution-effect.ts';
import type { TargetContext } from './target-context.ts';

/**
 * Applies the contribution to a copy of the persona and runs the persona schema on the result, so limits
 * such as "at most 12 goals" or "400 characters per item" are caught before the merge, not by it.
 */
export function keepsPersonaValid(ctx: TargetContext): Diagnostic[] {
  const { field } = ctx.contribution;
  if (ctx.contribution.action === 'confirm' || !ctx.validatePersona(ctx.data)) return [];
  // A contribution changes one top-level field (a text, or one list's items), so copying that field is enough.
  const value = ctx.data[field];
  const after = { ...ctx.data, [field]: Array.isArray(value) ? [...value] : value };
  applyContentEffect(after, ctx.contribution);
  if (ctx.validatePersona(after)) return [];
  const error = (ctx.validatePersona.errors ?? []).find((e) => e.instancePath.startsWith(`/${field}`));
  const { problem, hint } = explain(error, field);
  return [
    diagnostic(
      ctx.facts.file,
      placeOf(ctx.facts, 'value', 'field'),
      'contribution/breaks-persona',
      `Applying this would make \`${ctx.target.slug}\` invalid: ${problem}.`,
      hint,
    ),
  ];
}

function explain(error: ErrorObject | undefined, field: string): { problem: string; hint: string } {
  const limit = Number((error?.params as { limit?: number } | undefined)?.limit);
  switch (error?.keyword) {
    case 'maxLength':
      return {
        problem: `${error.instancePath === `/${field}` ? `\`${field}\`` : `an item of \`${field}\``} would be longer than ${limit} characters`,
        hint: `Shorten \`value\` to at most ${limit} characters.`,
      };
    case 'maxItems':
      return {
        problem: `\`${field}\` would have more than ${limit} items`,
        hint: 'The list is full: correct the weakest item instead (`action: correct` with `item`), or merge two items into one.',
      };
    default:
      return {
        problem: `\`${field}\` would no longer match the persona schema`,
        hint: 'Compare `value` with the description of the field in the README.',
      };
  }
}
