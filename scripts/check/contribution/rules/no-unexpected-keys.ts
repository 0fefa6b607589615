import { type Diagnostic, diagnostic } from '../../../core/diagnostic.ts';
import { type ContributionContext, keyPlace, textAt } from '../contribution-context.ts';

/** Keys that the action would silently ignore: usually a sign that the author meant another action. */
const UNEXPECTED: Record<string, Record<string, { message: string; hint: string }>> = {
  confirm: {
    value: {
      message: '`value` has no effect on a `confirm`, which vouches for the text as it stands.',
      hint: 'To replace the text, use `action: correct`; to confirm it, remove `value`.',
    },
    original: {
      message: '`original` has no effect on a `confirm`.',
      hint: 'Remove `original`; it is only used by `action: correct`.',
    },
  },
  extend: {
    item: {
      message: '`item` has no effect on an `extend`, which always adds the new item at the end of the list.',
      hint: 'Remove `item`. To replace an existing item, use `action: correct`.',
    },
    original: {
      message: '`original` has no effect on an `extend`, which replaces nothing.',
      hint: 'Remove `original`; it is only used by `action: correct`.',
    },
  },
};

export function noUnexpectedKeys(ctx: ContributionContext): Diagnostic[] {
  const action = textAt(ctx.data, 'action');
  if (action === undefined || !Object.hasOwn(UNEXPECTED, action)) return [];
  const out: Diagnostic[] = [];
  for (const [key, { message, hint }] of Object.entries(UNEXPECTED[action] ?? {})) {
    if (ctx.data[key] === undefined) continue;
    out.push(diagnostic(ctx.file, keyPlace(ctx, key), 'contribution/unexpected-key', message, hint));
  }
  return out;
}
