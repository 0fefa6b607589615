import type { RuleMeta } from '../core/fix.ts';
import type { RuleId } from '../core/rules.ts';
import { LIBRARY_RULES } from './library/library-rules.ts';
import { canonicalFormMeta } from './rules/canonical-form.ts';
import { hasModelineMeta } from './rules/has-modeline.ts';
import { lfLineEndingsMeta } from './rules/lf-line-endings.ts';
import { noByteOrderMarkMeta } from './rules/no-byte-order-mark.ts';
import { SCHEMA_RULE_META } from './schema/schema-diagnostics.ts';

/**
 * What the rules declare about themselves, gathered from beside each one: a rule that declares nothing has no
 * fix. `docs/rules.md` says "Fixable" for exactly the fixable ones (a test keeps them in step).
 */
export const RULE_META: readonly RuleMeta[] = [
  hasModelineMeta,
  canonicalFormMeta,
  lfLineEndingsMeta,
  noByteOrderMarkMeta,
  ...Object.values(SCHEMA_RULE_META),
  ...LIBRARY_RULES.map((rule) => rule.meta),
];

/** The rules whose diagnostics may carry a `fix`. */
export const FIXABLE_RULES: ReadonlySet<RuleId> = new Set(
  RULE_META.filter((m) => m.fixable).map((m) => m.rule),
);
