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
  const texts = personaTexts(ctx.data);
  const out: Diagnostic[] = [];
  for (const match of detector.find(texts.joined, scope)) {
    const i = stringAt(texts.starts, match.start);
    const text = texts.values[i] as string;
    const path = texts.paths[i] as Array<string | number>;
    const start = match.start - (texts.starts[i] as number);
    const end = match.end - (texts.starts[i] as number);
    // No pattern matches the separator, so a match lies within one value; this only guards that promise.
    if (end > text.length) continue;
    const node = ctx.doc?.getIn(path, true) as { range?: [number, number, number] } | undefined;
    out.push(
      diagnostic(
        ctx.file,
        placeWithinScalar(node, ctx.lines, ctx.text, text, start, end),
        detector.rule,
        `${describePath(path)} holds ${match.what}.`,
        detector.hint,
        'warning',
      ),
    );
  }
  return out;
}

/**
 * A persona's text values joined by NUL, which no detector's pattern matches, so each detector scans one text
 * per persona instead of one per value (a persona has some forty); `starts` maps a match back to its value.
 */
interface PersonaTexts {
  joined: string;
  values: string[];
  paths: Array<Array<string | number>>;
  starts: number[];
}

/** Made once per persona for the five detectors (their rules see the same data object). */
const textsOfData = new WeakMap<Record<string, unknown>, PersonaTexts>();

function personaTexts(data: Record<string, unknown>): PersonaTexts {
  const known = textsOfData.get(data);
  if (known) return known;
  const texts: PersonaTexts = { joined: '', values: [], paths: [], starts: [] };
  let at = 0;
  for (const [key, value] of Object.entries(data)) {
    if (key === 'community') continue;
    for (const { path, text } of personaStrings(value, [key])) {
      texts.values.push(text);
      texts.paths.push(path);
      texts.starts.push(at);
      at += text.length + 1;
    }
  }
  texts.joined = texts.values.join('\u0000');
  textsOfData.set(data, texts);
  return texts;
}

/** The index of the value an offset of the joined text falls in (the last start at or before it). */
function stringAt(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((starts[middle] as number) <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
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

/**
 * What `matchesOf` finds with the same pattern made global, for a pattern that can start a match only where
 * the text shows something rare: `sticky` (flag `y`) is tried at each of `starts` only, which must be in
 * ascending order and hold every position a match can start at (more do no harm). A global search for a
 * pattern that opens with a lookbehind takes a step at every position of the text; this takes one per
 * start. It is exact because a global search resumed at `next` returns the match at the first position from
 * `next` on where the sticky pattern matches, and the same match.
 */
export function matchesAt(
  text: string,
  sticky: RegExp,
  starts: readonly number[],
  keep: (match: RegExpExecArray) => PrivateMatch | null,
): PrivateMatch[] {
  const out: PrivateMatch[] = [];
  let next = 0;
  for (const start of starts) {
    if (start < next) continue;
    sticky.lastIndex = start;
    const match = sticky.exec(text);
    if (match === null) continue;
    const kept = keep(match);
    if (kept) out.push(kept);
    next = match[0] === '' ? start + 1 : start + match[0].length;
  }
  return out;
}

/**
 * Every position at which a global pattern (without the `u` flag) matches, overlapping matches included, in
 * order.
 */
export function positionsOf(text: string, pattern: RegExp): number[] {
  const out: number[] = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    out.push(match.index);
    pattern.lastIndex = match.index + 1;
  }
  return out;
}

/** Positions in ascending order, each once. */
export function ascendingOnce(positions: number[]): number[] {
  positions.sort((a, b) => a - b);
  return positions.filter((position, i) => i === 0 || position !== positions[i - 1]);
}
