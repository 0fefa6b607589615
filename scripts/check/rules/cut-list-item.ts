import { type Diagnostic, diagnostic } from '../../core/diagnostic.ts';
import { LIST_FIELDS } from '../../core/persona-fields.ts';
import { type PersonaContext, placeIn } from '../persona/persona-context.ts';

const ENDS_A_SENTENCE = /[.!?…:;)"'”’]$/u;
const STARTS_LOWER = /^\p{Ll}/u;

/** An item with no end punctuation followed by one starting in lower case: one sentence split in two. */
export function cutListItem(ctx: PersonaContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const field of LIST_FIELDS) {
    const items = ctx.data[field];
    if (!Array.isArray(items)) continue;
    for (let i = 0; i + 1 < items.length; i++) {
      const current = items[i];
      const next = items[i + 1];
      if (typeof current !== 'string' || typeof next !== 'string') continue;
      if (ENDS_A_SENTENCE.test(current.trim()) || !STARTS_LOWER.test(next.trim())) continue;
      out.push(
        diagnostic(
          ctx.file,
          placeIn(ctx, field, i),
          'lint/cut-list-item',
          `\`${field}\` item ${i + 1} looks cut mid-sentence: it has no end punctuation and item ${i + 2} starts in lower case.`,
          `Join items ${i + 1} and ${i + 2} into one item, or finish the sentence.`,
          'warning',
        ),
      );
    }
  }
  return out;
}
