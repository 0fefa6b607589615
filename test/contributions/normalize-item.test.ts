import { describe, expect, it } from 'vitest';
import { normalizeItem } from '../../scripts/check/contribution/contribution-effect.ts';

describe('normalizeItem', () => {
  it.each([
    ['Export the report.', 'export the report'],
    ['  Export   the\treport!?  ', 'export the report'],
    ['Export the report . ! …', 'export the report'],
    ['Use e.g. a filter', 'use e.g. a filter'],
    ['Ｆｕｌｌ-width ＡＢＣ', 'full-width abc'],
    ['Wait... what?', 'wait... what'],
    ['...', ''],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(normalizeItem(input)).toBe(expected);
  });
});
