import type { Severity } from '../../../core/diagnostic.ts';
import type { Finding } from '../../../core/facts.ts';
import type { RuleId } from '../../../core/rules.ts';
import type { LibraryEntry } from '../library-rule.ts';

/**
 * One finding on each persona of every group that shares a value that must be unique (id, slug, title), each
 * naming the other files, so whichever file a contributor opens tells them the whole story.
 */
export function sharedValues(
  groups: Iterable<LibraryEntry[]>,
  report: {
    rule: RuleId;
    key: 'id' | 'slug' | 'title';
    severity?: Severity;
    message: (holder: LibraryEntry, others: string) => string;
    hint: string;
  },
): Finding[] {
  const out: Finding[] = [];
  for (const holders of groups) {
    if (holders.length < 2) continue;
    for (const holder of holders) {
      const others = holders
        .filter((h) => h !== holder)
        .map((h) => `\`${h.file}\``)
        .join(', ');
      out.push({
        file: holder.file,
        at: [report.key],
        rule: report.rule,
        message: report.message(holder, others),
        hint: report.hint,
        severity: report.severity ?? 'error',
      });
    }
  }
  return out;
}

export function groupBy(entries: readonly LibraryEntry[], key: (entry: LibraryEntry) => string | undefined) {
  const groups = new Map<string, LibraryEntry[]>();
  for (const entry of entries) {
    const value = key(entry);
    if (value === undefined) continue;
    const group = groups.get(value);
    if (group) group.push(entry);
    else groups.set(value, [entry]);
  }
  return groups.values();
}
