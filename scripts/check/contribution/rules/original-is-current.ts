import { placeOf } from '../../../core/contribution.ts';
import { type Diagnostic, diagnostic } from '../../../core/diagnostic.ts';
import { quote } from '../../schema/describe.ts';
import { currentText } from '../contribution-effect.ts';
import { isParked } from '../contribution-location.ts';
import type { TargetContext } from './target-context.ts';

/** A correction is only safe while the text it replaces is still there; otherwise it would undo someone's edit. */
export function originalIsCurrent(ctx: TargetContext): Diagnostic[] {
  const { action, field, item, original } = ctx.contribution;
  if (action !== 'correct' || original === undefined) return [];
  const current = currentText(ctx.data, field, item);
  if (current === undefined || current === original) return [];
  const what = item === undefined ? `\`${field}\`` : `\`${field}\` item ${item}`;
  if (isParked(ctx.facts.file)) {
    return [
      diagnostic(
        ctx.facts.file,
        placeOf(ctx.facts, 'original', 'field'),
        'contribution/parked',
        `This correction of ${what} of \`${ctx.target.slug}\` went stale after it was merged, so it is parked: it is applied automatically if the text it replaces comes back.`,
        `The persona now reads "${quote(current, 300)}". To redo the correction on that text, delete this file and run \`npx persona contribute ${ctx.target.slug} ${field}${item === undefined ? '' : ` --item ${item}`} --correct "…"\`; to withdraw it, delete this file.`,
        'warning',
      ),
    ];
  }
  const onlySpacing = current.replace(/\s+/g, ' ').trim() === original.replace(/\s+/g, ' ').trim();
  return [
    diagnostic(
      ctx.facts.file,
      placeOf(ctx.facts, 'original', 'field'),
      'contribution/stale-original',
      `\`original\` no longer matches ${what} of \`${ctx.target.slug}\`${onlySpacing ? ' (they differ only in spacing)' : ''}, so the correction is stale.`,
      `The persona now reads "${quote(current, 300)}"; if the correction still applies, set \`original\` to this text (\`npx persona contribute --correct\` fills it in), otherwise delete this file.`,
    ),
  ];
}
