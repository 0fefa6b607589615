import { type Diagnostic, diagnostic } from '../../../core/diagnostic.ts';
import { placeWithinScalar } from '../../../parse/node-place.ts';
import { PRIVACY_DETECTORS } from '../../rules/persona-rules.ts';
import { type ContributionContext, textAt, valuePlace } from '../contribution-context.ts';

/**
 * The keys of a contribution that carry the contributor's own text; `original` is the persona's text, which the
 * persona's rules already cover.
 */
const OWN_TEXT = ['value', 'rationale', 'evidence'] as const;

/**
 * The privacy rules (`privacy/*`) on a contribution's own text, with the same detectors and settings as on
 * personas: a detail that would be merged into a persona is reported before it is.
 */
export function privateText(ctx: ContributionContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const key of OWN_TEXT) {
    const text = textAt(ctx.data, key);
    if (text === undefined) continue;
    for (const detector of PRIVACY_DETECTORS) {
      for (const match of detector.find(text, { settings: ctx.settings })) {
        const node = ctx.doc?.get(key, true) as { range?: [number, number, number] } | undefined;
        const place = ctx.doc
          ? placeWithinScalar(node, ctx.lines, ctx.text, text, match.start, match.end)
          : valuePlace(ctx, key);
        out.push(
          diagnostic(
            ctx.file,
            place,
            detector.rule,
            `\`${key}\` holds ${match.what}.`,
            detector.hint,
            'warning',
          ),
        );
      }
    }
  }
  return out;
}
