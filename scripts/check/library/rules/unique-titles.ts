import type { LibraryRule } from '../library-rule.ts';
import { groupBy, sharedValues } from './shared-values.ts';

export const uniqueTitles: LibraryRule = {
  name: 'unique-titles',
  meta: { rule: 'lint/duplicate-title', fixable: false },
  check: (entries) =>
    sharedValues(
      // Titles clash regardless of case and surrounding spaces: readers would not tell them apart either.
      groupBy(entries, (e) => e.identity.title?.trim().toLowerCase()),
      {
        rule: 'lint/duplicate-title',
        key: 'title',
        severity: 'warning',
        message: (holder, others) => `The title "${holder.identity.title}" is also used by ${others}.`,
        hint: 'Readers tell personas apart by title; make each one say what is distinctive about this persona.',
      },
    ),
};
