import type { LibraryRule } from '../library-rule.ts';
import { groupBy, sharedValues } from './shared-values.ts';

export const uniqueSlugs: LibraryRule = {
  name: 'unique-slugs',
  meta: { rule: 'slug/duplicate', fixable: false },
  check: (entries) =>
    sharedValues(
      groupBy(entries, (e) => e.identity.slug),
      {
        rule: 'slug/duplicate',
        key: 'slug',
        message: (holder, others) => `The slug \`${holder.identity.slug}\` is also used by ${others}.`,
        hint: 'Slugs must be unique across products. Choose a more specific slug and rename the file to match.',
      },
    ),
};
