import type { Diagnostic } from '../../core/diagnostic.ts';
import type { LibraryIndex } from '../library/library-index.ts';
import { reportSharedValues } from './report-shared-values.ts';

export function uniqueSlugs(index: LibraryIndex): Diagnostic[] {
  return reportSharedValues(index, index.bySlug.values(), {
    rule: 'slug/duplicate',
    key: 'slug',
    message: (holder, others) => `The slug \`${holder.slug}\` is also used by ${others}.`,
    hint: 'Slugs must be unique across products. Choose a more specific slug and rename the file to match.',
  });
}
