import { type Diagnostic, diagnostic } from '../../core/diagnostic.ts';
import type { LintSettings } from '../../core/lint-settings.ts';
import type { RuleId } from '../../core/rules.ts';
import { placeWithinScalar } from '../../parse/node-place.ts';
import type { PersonaContext } from '../persona/persona-context.ts';
import { personaStrings } from '../persona/persona-strings.ts';
import { describePath } from '../schema/describe.ts';

/** One private detail found in a text: where it is in the value, and what it is ("an e-mail address"). */
export interface PrivateMatch {
  start: number;
  end: number;
  what: string;
}

/** What a detector may know besides the text: the library's settings and the persona's own product. */
export interface PrivacyScope {
  settings: LintSettings;
  product?: string;
}

/**
 * One kind of private detail. `find` is exact; `mayContain` is a cheap test on a whole file's source that is
 * false only when no value of the file can hold a match (a file with a backslash is always searched value by
 * value, since an escape can spell what the source does not show).
 */
export interface PrivacyDetector {
  rule: RuleId;
  hint: string;
  mayContain(source: string): boolean;
  find(text: string, scope: PrivacyScope): PrivateMatch[];
}

/**
 * A detector's warnings on one persona: every text value but the `community` block (logins and dates the tools
 * write), each at the exact span of the detail when the source shows it verbatim. The message says what and
 * where, never the detail itself: the report is shown on pull requests and in logs.
 */
export function personaPrivacyWarnings(ctx: PersonaContext, detector: PrivacyDetector): Diagnostic[] {
  if (!ctx.text.includes('\\') && !detector.mayContain(ctx.text)) return [];
  const scope: PrivacyScope = {
    settings: ctx.settings,
    ...(typeof ctx.data.product === 'string' ? { product: ctx.data.product } : {}),
  };
  const out: Diagnostic[] = [];
  for (const [key, value] of Object.entries(ctx.data)) {
    if (key === 'community') continue;
    for (const { path, text } of personaStrings(value, [key])) {
      for (const match of detector.find(text, scope)) {
        const node = ctx.doc?.getIn(path, true) as { range?: [number, number, number] } | undefined;
        const place = placeWithinScalar(node, ctx.lines, ctx.text, text, match.start, match.end);
        out.push(
          diagnostic(
            ctx.file,
            place,
            detector.rule,
            `${describePath(path)} holds ${match.what}.`,
            detector.hint,
            'warning',
          ),
        );
      }
    }
  }
  return out;
}

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
