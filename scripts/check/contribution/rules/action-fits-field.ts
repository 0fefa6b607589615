import { type Diagnostic, diagnostic } from '../../../core/diagnostic.ts';
import { isListField, isTextField } from '../../../core/persona-fields.ts';
import { type ContributionContext, textAt, valuePlace } from '../contribution-context.ts';

/** `extend` only appends to lists; text fields have no items; a list is corrected one item at a time. */
export function actionFitsField(ctx: ContributionContext): Diagnostic[] {
  const field = textAt(ctx.data, 'field');
  const action = textAt(ctx.data, 'action');
  if (field === undefined || action === undefined) return [];
  const out: Diagnostic[] = [];
  const hasItem = ctx.data.item !== undefined;
  if (isTextField(field) && action === 'extend') {
    out.push(
      diagnostic(
        ctx.file,
        valuePlace(ctx, 'action'),
        'contribution/action-field-mismatch',
        `\`extend\` appends an item to a list, but \`${field}\` is a text field.`,
        'To change the text, use `action: correct` with `original` (the current text) and `value` (the new text); `npx persona contribute --correct` fills in `original`.',
      ),
    );
  }
  if (isTextField(field) && hasItem) {
    out.push(
      diagnostic(
        ctx.file,
        valuePlace(ctx, 'item'),
        'contribution/action-field-mismatch',
        `\`${field}\` is a text field, so it has no items to number.`,
        'Remove `item`: a contribution to a text field is about the whole text.',
      ),
    );
  }
  if (isListField(field) && action === 'correct' && !hasItem) {
    out.push(
      diagnostic(
        ctx.file,
        valuePlace(ctx, 'action'),
        'contribution/action-field-mismatch',
        `\`${field}\` is a list, and a correction replaces one item of it, but \`item\` is missing.`,
        'Add `item: <n>` (1 for the first item). To add a new item instead, use `action: extend`.',
      ),
    );
  }
  return out;
}
