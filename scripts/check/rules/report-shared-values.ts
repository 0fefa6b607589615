import { type Diagnostic, diagnostic, type Severity } from '../../core/diagnostic.ts';
import type { RuleId } from '../../core/rules.ts';
import type { IndexedPersona, LibraryIndex } from '../library/library-index.ts';

/**
 * One diagnostic on each persona of every group that shares a value that must be unique (id, slug, title),
 * each naming the other files, so whichever file a contributor opens tells them the whole story.
 */
export function reportSharedValues(
  index: LibraryIndex,
  groups: Iterable<IndexedPersona[]>,
  report: {
    rule: RuleId;
    key: 'id' | 'slug' | 'title';
    severity?: Severity;
    message: (holder: IndexedPersona, others: string) => string;
    hint: string;
  },
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const holders of groups) {
    if (holders.length < 2) continue;
    for (const holder of holders) {
      const others = holders
        .filter((h) => h !== holder)
        .map((h) => `\`${h.file}\``)
        .join(', ');
      out.push(
        diagnostic(
          holder.file,
          index.placeOf(holder, report.key),
          report.rule,
          report.message(holder, others),
          report.hint,
          report.severity,
        ),
      );
    }
  }
  return out;
}
