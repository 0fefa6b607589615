import type { Diagnostic } from '../../../core/diagnostic.ts';
import { confirmedOnce } from './confirmed-once.ts';
import { extensionIsNew } from './extension-is-new.ts';
import { itemInRange } from './item-in-range.ts';
import { keepsPersonaValid } from './keeps-persona-valid.ts';
import { originalIsCurrent } from './original-is-current.ts';
import type { TargetContext } from './target-context.ts';

export type TargetRule = (ctx: TargetContext) => Diagnostic[];

/**
 * Rules that compare one contribution with its persona. `persona validate` runs them against the personas
 * on disk; `persona merge` runs them again before applying each contribution, against the result so far.
 */
export const TARGET_RULES: readonly TargetRule[] = [
  originalIsCurrent,
  extensionIsNew,
  confirmedOnce,
  keepsPersonaValid,
];

export function checkAgainstPersona(ctx: TargetContext): Diagnostic[] {
  // With no such item, there is no text to compare with; the range error says all there is to say.
  const out = itemInRange(ctx);
  if (out.length > 0) return out;
  for (const rule of TARGET_RULES) out.push(...rule(ctx));
  return out;
}
