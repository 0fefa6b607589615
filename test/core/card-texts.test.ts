import { describe, expect, it } from 'vitest';
import { excerpt, firstSentence } from '../../scripts/core/catalogue-persona.ts';
import { tagKey } from '../../scripts/core/tag-key.ts';

describe('firstSentence', () => {
  it.each([
    ['Ends here. Then more.', 'Ends here.'],
    ['Uses e.g. this and 3.5 times more. Next one.', 'Uses e.g. this and 3.5 times more.'],
    ['Asks why? Then answers.', 'Asks why?'],
    ['No end at all', 'No end at all'],
    ['Line\nbreaks  and   spaces. Second.', 'Line breaks and spaces.'],
    [`${'word '.repeat(60)}end. Next.`, `${'word '.repeat(35).trim()}…`],
  ])('%j → %j', (text, expected) => {
    expect(firstSentence(text, 180)).toBe(expected);
  });
});

describe('excerpt', () => {
  it.each([
    ['short', 10, 'short'],
    ['one two three four', 10, 'one two…'],
    ['abcdefghijklmnop', 10, 'abcdefghi…'],
    ['one, two, three', 10, 'one, two…'],
    ['😀😀😀😀😀😀', 4, '😀😀😀…'],
  ])('%j at %i → %j', (text, max, expected) => {
    const out = excerpt(text, max);
    expect(out).toBe(expected);
    expect(Array.from(out).length).toBeLessThanOrEqual(max);
  });
});

describe('tagKey', () => {
  it.each([
    ['design-systems', 'design-system', true],
    ['on-call', 'oncall', true],
    ['policies', 'policy', true],
    ['boxes', 'box', true],
    ['slos', 'slo', true],
    ['analytics', 'analytic', true],
    ['billing', 'billings', true],
    ['sla', 'slo', false],
    ['status', 'statu', false],
    ['ci-cd', 'cicds', true],
    ['frontend', 'backend', false],
    ['On-Call', 'on-call', true],
    ['Design Systems', 'design-system', true],
    ['incident_response', 'incident-response', true],
  ])('%s and %s are one tag: %s', (a, b, same) => {
    expect(tagKey(a) === tagKey(b)).toBe(same);
  });
});
