import { describe } from 'vitest';
import { incrementalCases } from '../catalogue/incremental-cases.ts';

// 1,200 personas over 12 products with 12 tags each: tags, exports and the graph are all split.
describe('incremental catalogue on a large library (every split in effect)', () =>
  incrementalCases(1200, 12));
