import { compareCodePoints } from '../../core/diagnostic.ts';

/**
 * A fixed collator (never the machine's locale) so "apm" sorts next to "APM" and APP-99 before APP-100, then
 * a code-point tiebreak so no two different strings ever compare equal and the order is total.
 */
const COLLATOR = new Intl.Collator('en-US', { numeric: true, sensitivity: 'base' });

export function compareForReaders(a: string, b: string): number {
  return COLLATOR.compare(a, b) || compareCodePoints(a, b);
}
