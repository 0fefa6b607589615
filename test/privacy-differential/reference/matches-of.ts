// `matchesOf` as it was before the detectors were made faster, copied verbatim from
// scripts/check/privacy/privacy-detector.ts, so the reference detectors keep their own copy of it.
import type { PrivateMatch } from '../../../scripts/check/privacy/privacy-detector.ts';

export type {
  PrivacyDetector,
  PrivacyScope,
  PrivateMatch,
} from '../../../scripts/check/privacy/privacy-detector.ts';

/** Every match of a global regular expression, as spans; `keep` decides on each (and may narrow it). */
export function matchesOf(
  text: string,
  pattern: RegExp,
  keep: (match: RegExpExecArray) => PrivateMatch | null,
): PrivateMatch[] {
  const out: PrivateMatch[] = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const kept = keep(match);
    if (kept) out.push(kept);
    if (match[0] === '') pattern.lastIndex++;
  }
  return out;
}
