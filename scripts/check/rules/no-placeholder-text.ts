import { type Diagnostic, diagnostic } from '../../core/diagnostic.ts';
import { type PersonaContext, placeIn } from '../persona/persona-context.ts';
import { personaStrings } from '../persona/persona-strings.ts';
import { describePath } from '../schema/describe.ts';

/** Upper-case markers only, so a persona about a to-do app can say "todo list"; lorem ipsum in any case. */
const PLACEHOLDER = /\b(TODO|TBD|FIXME|XXX)\b|\blorem\b/i;
const UPPER_ONLY = /\b(TODO|TBD|FIXME|XXX)\b/;

/**
 * What a value needs to hold placeholder text: an upper-case marker (a marker in another case counts only in a
 * value that also holds an upper-case one) or "lorem" in any case. A case-insensitive regex of every marker
 * takes a step at every character; instead, each upper-case marker holds a `D` (TODO, TBD) or an `X` (FIXME,
 * XXX), letters rare in prose that a native search finds, and "lorem" is one word for one regex.
 */
const LOREM = /lorem/i;

/** Whether a source may hold placeholder text (false only when no value of it, as the source shows it, can). */
export function mayHoldPlaceholder(source: string): boolean {
  return (
    someIndexOf(source, 'D', (i) => source.startsWith('TODO', i - 2) || source.startsWith('TBD', i - 2)) ||
    someIndexOf(source, 'X', (i) => source.startsWith('FIXME', i - 2) || source.startsWith('XXX', i)) ||
    LOREM.test(source)
  );
}

/** Whether `test` holds at some occurrence of `char` in `text`. */
function someIndexOf(text: string, char: string, test: (index: number) => boolean): boolean {
  for (let i = text.indexOf(char); i !== -1; i = text.indexOf(char, i + 1)) if (test(i)) return true;
  return false;
}

/** The placeholder a text value holds, as the message quotes it, or null. */
export function placeholderIn(text: string): string | null {
  const match = PLACEHOLDER.exec(text);
  if (!match) return null;
  if (match[1] && !UPPER_ONLY.test(text)) return null;
  return match[0];
}

export function noPlaceholderText(ctx: PersonaContext): Diagnostic[] {
  // One pass over the source instead of a regex per string. Only an escape (`\u0054ODO`) can spell a marker
  // that the source does not show, so files with a backslash are always checked string by string.
  if (!ctx.text.includes('\\') && !mayHoldPlaceholder(ctx.text)) return [];
  const out: Diagnostic[] = [];
  for (const [key, value] of Object.entries(ctx.data)) {
    if (key === 'community') continue;
    for (const { path, text } of personaStrings(value, [key])) {
      const placeholder = placeholderIn(text);
      if (placeholder === null) continue;
      out.push(
        diagnostic(
          ctx.file,
          placeIn(ctx, ...path),
          'lint/placeholder',
          `${describePath(path)} still holds placeholder text ("${placeholder}").`,
          'Replace the placeholder with real, specific content.',
          'warning',
        ),
      );
    }
  }
  return out;
}
