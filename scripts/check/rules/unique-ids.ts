import type { Diagnostic } from '../../core/diagnostic.ts';
import type { LibraryIndex } from '../library/library-index.ts';
import { reportSharedValues } from './report-shared-values.ts';

export function uniqueIds(index: LibraryIndex): Diagnostic[] {
  return reportSharedValues(index, index.byId.values(), {
    rule: 'id/duplicate',
    key: 'id',
    message: (holder, others) => `The id \`${holder.id}\` is also used by ${others}.`,
    hint: 'Ids must be unique. Keep the id on the older persona; give the new one the next free id (`npx persona new` picks it).',
  });
}
