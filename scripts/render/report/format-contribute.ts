import type { Diagnostic } from '../../core/diagnostic.ts';

type Action = 'confirm' | 'correct' | 'extend';

/**
 * A problem with the contribution `persona contribute` was asked for, said in the words the user typed: the
 * file's keys become the flags that fill them (`value` → the text of `--extend`, `item` → `--item`), and the
 * advice of rules that speak of files ("delete this file") becomes what to type instead. The file does not
 * exist, so nothing points into it: no line, no column.
 */
export function inFlagWords(
  d: Diagnostic,
  action: Action,
): Pick<Diagnostic, 'severity' | 'rule' | 'message' | 'hint'> {
  const text = `the text of --${action}`;
  const flagWords = (words: string) =>
    words
      .replace(/`action: (confirm|correct|extend)`/g, '--$1')
      .replace(/`item: (\d+|<n>)`/g, '--item $1')
      .replace(/The new `value`/g, `The text of --${action}`)
      .replace(/`value`/g, text)
      .replace(/`item`/g, '--item')
      .replace(/`author`/g, '--author')
      .replace(/`rationale`/g, '--rationale')
      .replace(/`evidence`/g, '--evidence')
      .replace(/`original`/g, 'the current text')
      .replace(/\bRemove --item\b/g, 'Leave out --item')
      .replace(/`(confirm|correct|extend)`/g, '--$1');
  const base = { severity: d.severity, rule: d.rule, message: flagWords(d.message) };
  switch (d.rule) {
    case 'contribution/duplicate-confirm':
      return {
        ...base,
        hint: 'Each person confirms a field once: to add to it, use --correct or --extend instead.',
      };
    case 'contribution/duplicate-item': {
      const item = /as item (\d+)/.exec(d.message)?.[1];
      return {
        ...base,
        hint:
          action === 'extend' && item
            ? `To vouch for that item, use --confirm --item ${item} instead.`
            : action === 'extend'
              ? 'It is already on its way: once that contribution is merged, vouch for the item with --confirm --item <n>.'
              : 'Give --correct a text the list does not have yet.',
      };
    }
    case 'contribution/no-change':
      return {
        ...base,
        hint: 'Give --correct the corrected text; to vouch for the text as it is, use --confirm.',
      };
    case 'contribution/action-field-mismatch':
      return {
        ...base,
        hint: /text field, so it has no items/.test(d.message)
          ? 'Leave out --item: a contribution to a text field is about the whole text.'
          : 'To change the text, use --correct "<new text>" --rationale "<why>"; the current text is filled in for you.',
      };
    default:
      return { ...base, hint: flagWords(d.hint) };
  }
}

/**
 * `persona contribute`'s problems, in flag words: each as `severity  message  [rule]` with its hint, then the
 * verdict line (nothing written, or written with warnings).
 */
export function formatContributeProblems(problems: readonly Diagnostic[], action: Action): string {
  const lines: string[] = [];
  for (const d of problems) {
    const said = inFlagWords(d, action);
    lines.push(`${said.severity}  ${said.message}  [${said.rule}]`);
    if (said.hint) lines.push(`    hint: ${said.hint}`);
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}
