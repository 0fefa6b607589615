import type { Diagnostic } from '../../core/diagnostic.ts';
import type { PersonaContext } from '../persona/persona-context.ts';
import { matchesOf, type PrivacyDetector, personaPrivacyWarnings } from '../privacy/privacy-detector.ts';

/**
 * A run of digits with the separators phone numbers are written with (spaces, `.`, `-`, parentheses), not
 * inside a word or a longer number. Most such runs in a persona are not phone numbers (dates, years, counts,
 * times, versions), so a run is one only in a shape that numbers rarely take otherwise:
 */
const CANDIDATE =
  /(?<![\p{L}\p{N}+.,:/-])(?:\+|\(\d)[\d ().-]{5,}\d(?![\p{L}\p{N}]|[.,:/-]\d)|(?<![\p{L}\p{N}+.,:/(-])\d[\d ().-]{5,}\d(?![\p{L}\p{N}]|[.,:/-]\d)/gu;

const SHAPES = [
  // International, E.164: `+`, a country code and 7 to 14 more digits (`+44 20 7946 0958`, `+1 (555) 010-4477`).
  /^\+\d[\d ().-]+$/,
  // North American: `(555) 010-4477`, `555-010-4477`, `555.010.4477` (never 3-3-4 by accident in prose).
  /^(?:\(\d{3}\) ?|\d{3}[ .-])\d{3}[ .-]\d{4}$/,
  // National with a trunk 0, in groups (`020 7946 0958`, `06 12 34 56 78`, `030-1234567`).
  /^0\d{1,4}(?:[ .-]\d{2,8}){1,4}$/,
];

export const PHONE_NUMBERS: PrivacyDetector = {
  rule: 'privacy/phone',
  hint: 'A persona describes a kind of person, not a real one: remove the number (to say how they are reached, name the channel, e.g. "a pager", "the support line").',
  // `\s`: in a folded text a number may run over a line break in the source.
  mayContain: (source) => /\d[\d\s().-]{5,}\d/.test(source),
  find: (text) =>
    matchesOf(text, CANDIDATE, (match) => {
      const candidate = match[0].trim();
      const digits = candidate.replace(/\D/g, '').length;
      const international = candidate.startsWith('+');
      if (digits > 15 || digits < (international ? 8 : candidate.startsWith('0') ? 9 : 10)) return null;
      if (!SHAPES.some((shape) => shape.test(candidate))) return null;
      return { start: match.index, end: match.index + candidate.length, what: 'a phone number' };
    }),
};

export function privacyPhone(ctx: PersonaContext): Diagnostic[] {
  return personaPrivacyWarnings(ctx, PHONE_NUMBERS);
}
