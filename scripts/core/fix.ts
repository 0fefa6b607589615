import type { Diagnostic } from './diagnostic.ts';
import { isReportable } from './reported-path.ts';
import type { RuleId } from './rules.ts';

/**
 * One replacement in a file: the text from (`line`, `column`) up to, not including, (`endLine`, `endColumn`)
 * becomes `text`. Positions are 1-based and count as a diagnostic's do (UTF-16 code units of the file as
 * decoded, without a byte order mark); an insertion has its end equal to its start.
 */
export interface TextEdit {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  text: string;
}

/**
 * How to fix one diagnostic without asking anyone: a description in the user's words and the edits that do it,
 * all of them or none. Applying a fix means: take each file's text as decoded, apply its edits, and write it as
 * UTF-8 without a byte order mark (so the fix of `format/bom` has no edit of its own).
 */
export interface Fix {
  description: string;
  edits: TextEdit[];
}

/**
 * What a rule declares about itself, as data beside it (ESLint's `meta.fixable`): whether its diagnostics may
 * carry a `fix`. A fix is only ever attached through `withFix`, which holds the rule to its declaration.
 */
export interface RuleMeta<R extends RuleId = RuleId> {
  rule: R;
  fixable: boolean;
}

/**
 * A diagnostic of a fixable rule with its fix; undefined `fix` (nothing unambiguous to do) leaves it as it is. So
 * does a fix of a file whose name no report can show as it is (a path past 512 characters): its edits could not
 * name the file they apply to.
 */
export function withFix(meta: RuleMeta, d: Diagnostic, fix: Fix | undefined): Diagnostic {
  if (!fix) return d;
  if (!meta.fixable || meta.rule !== d.rule)
    throw new Error(`${d.rule}: a fix from a rule that is not declared fixable (${meta.rule})`);
  if (!fix.edits.every((edit) => isReportable(edit.file))) return d;
  return { ...d, fix };
}
