import type { Diagnostic } from '../../core/diagnostic.ts';
import type { PersonaContext } from '../persona/persona-context.ts';
import { matchesOf, type PrivacyDetector, personaPrivacyWarnings } from '../privacy/privacy-detector.ts';

/** A local part, `@`, and a domain of labels ending in a top-level domain of letters. */
const EMAIL =
  /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+\p{L}{2,24}(?![\p{L}\p{N}-]|\.\p{L})/gu;

/** Domains reserved for examples and tests (RFC 2606, RFC 6761): an address there belongs to nobody. */
const RESERVED = /(?:^|\.)(?:example\.(?:com|net|org)|example|test|invalid|localhost)$/i;

export const EMAIL_ADDRESSES: PrivacyDetector = {
  rule: 'privacy/email',
  hint: 'A persona describes a kind of person, not a real one: remove the address, or name the role ("the billing contact"). Addresses at example.com are fine in examples.',
  mayContain: (source) => source.includes('@'),
  find: (text) =>
    text.includes('@')
      ? matchesOf(text, EMAIL, (match) => {
          const domain = match[0].slice(match[0].lastIndexOf('@') + 1);
          if (RESERVED.test(domain)) return null;
          return { start: match.index, end: match.index + match[0].length, what: 'an e-mail address' };
        })
      : [],
};

export function privacyEmail(ctx: PersonaContext): Diagnostic[] {
  return personaPrivacyWarnings(ctx, EMAIL_ADDRESSES);
}
