import { type Diagnostic, diagnostic } from '../../../core/diagnostic.ts';
import { type ContributionContext, textAt, valuePlace } from '../contribution-context.ts';

export function correctionChangesText(ctx: ContributionContext): Diagnostic[] {
  const value = textAt(ctx.data, 'value');
  if (
    textAt(ctx.data, 'action') !== 'correct' ||
    value === undefined ||
    value !== textAt(ctx.data, 'original')
  )
    return [];
  return [
    diagnostic(
      ctx.file,
      valuePlace(ctx, 'value'),
      'contribution/no-change',
      'The new `value` is the same as `original`, so this correction would change nothing.',
      'Write the corrected text in `value`. To vouch for the current text instead, use `action: confirm`.',
    ),
  ];
}
