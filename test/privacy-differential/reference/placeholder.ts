// The placeholder rule as it was before it was made faster, copied verbatim from
// scripts/check/rules/no-placeholder-text.ts (only the imports differ): the reference the differential tests
// hold the fast one to. `mayHoldPlaceholder` and `placeholderIn` are its two steps, named for the tests.

import { type PersonaContext, placeIn } from '../../../scripts/check/persona/persona-context.ts';
import { personaStrings } from '../../../scripts/check/persona/persona-strings.ts';
import { describePath } from '../../../scripts/check/schema/describe.ts';
import { type Diagnostic, diagnostic } from '../../../scripts/core/diagnostic.ts';

/** Upper-case markers only, so a persona about a to-do app can say "todo list"; lorem ipsum in any case. */
const PLACEHOLDER = /\b(TODO|TBD|FIXME|XXX)\b|\blorem\b/i;
const UPPER_ONLY = /\b(TODO|TBD|FIXME|XXX)\b/;

/** Any marker anywhere, in any case: a source without one cannot hold placeholder text. */
const ANY_MARKER = /todo|tbd|fixme|xxx|lorem/i;

export function noPlaceholderText(ctx: PersonaContext): Diagnostic[] {
  // One pass over the source instead of a regex per string. Only an escape (`\u0054ODO`) can spell a marker
  // that the source does not show, so files with a backslash are always checked string by string.
  if (!ctx.text.includes('\\') && !ANY_MARKER.test(ctx.text)) return [];
  const out: Diagnostic[] = [];
  for (const [key, value] of Object.entries(ctx.data)) {
    if (key === 'community') continue;
    for (const { path, text } of personaStrings(value, [key])) {
      const match = PLACEHOLDER.exec(text);
      if (!match) continue;
      if (match[1] && !UPPER_ONLY.test(text)) continue;
      out.push(
        diagnostic(
          ctx.file,
          placeIn(ctx, ...path),
          'lint/placeholder',
          `${describePath(path)} still holds placeholder text ("${match[0]}").`,
          'Replace the placeholder with real, specific content.',
          'warning',
        ),
      );
    }
  }
  return out;
}

/** The rule's test of a whole source. */
export function mayHoldPlaceholder(source: string): boolean {
  return ANY_MARKER.test(source);
}

/** The rule's test of one text value: the marker its message quotes, or null. */
export function placeholderIn(text: string): string | null {
  const match = PLACEHOLDER.exec(text);
  if (!match) return null;
  if (match[1] && !UPPER_ONLY.test(text)) return null;
  return match[0];
}
