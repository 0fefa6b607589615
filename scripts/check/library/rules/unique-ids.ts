import type { LibraryRule } from '../library-rule.ts';
import { groupBy, sharedValues } from './shared-values.ts';

export const uniqueIds: LibraryRule = {
  name: 'unique-ids',
  meta: { rule: 'id/duplicate', fixable: false },
  check: (entries) =>
    sharedValues(
      groupBy(entries, (e) => e.identity.id),
      {
        rule: 'id/duplicate',
        key: 'id',
        message: (holder, others) => `The id \`${holder.identity.id}\` is also used by ${others}.`,
        hint: 'Ids must be unique. Keep the id on the older persona; give the new one the next free id (`npx persona new` picks it).',
      },
    ),
};
