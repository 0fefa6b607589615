import { isIPv6 } from 'node:net';
import type { Diagnostic } from '../../core/diagnostic.ts';
import type { PersonaContext } from '../persona/persona-context.ts';
import {
  matchesOf,
  type PrivacyDetector,
  type PrivateMatch,
  personaPrivacyWarnings,
} from '../privacy/privacy-detector.ts';

const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
/** Four octets, with an optional prefix length or port, not inside a longer dotted number or a word. */
const IPV4 = new RegExp(
  `(?<![\\p{L}\\p{N}.])(${OCTET}(?:\\.${OCTET}){3})(?:/\\d{1,2}|:\\d{1,5})?(?![\\p{L}\\p{N}]|\\.\\p{N})`,
  'gu',
);
/** Hex groups and colons, at least two of them; `isIPv6` decides. */
const IPV6 = /(?<![\p{L}\p{N}:.])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?![\p{L}\p{N}:])/gu;

/**
 * Addresses that identify no one's network: unspecified, loopback, broadcast, and the ranges reserved for
 * documentation (RFC 5737, RFC 3849).
 */
const NOBODYS_V4 =
  /^(?:0\.0\.0\.0|127\.\d+\.\d+\.\d+|255\.255\.255\.255|192\.0\.2\.\d+|198\.51\.100\.\d+|203\.0\.113\.\d+)$/;
const NOBODYS_V6 = /^(?:::1?|2001:0?db8:.*)$/i;

/** What an IPv4 address needs (four numbers and three dots): digits are few in prose, so this is quick. */
const DOTTED_QUAD = /\d\.\d+\.\d+\.\d/;

// Tests of colons, each exactly the answer of the regex it names. Those regexes take a step at every character
// (their first character can be any hex digit, or they start with `:` but V8 does not skip to it); a native
// search finds the colons, and a sticky regex runs only at the few that a hex digit or colon follows.

/** `/[0-9A-Fa-f]:[0-9A-Fa-f]*:/`: what the source of a value with an IPv6 address shows, most of the time. */
function hasHexColonPair(text: string): boolean {
  return someColon(text, (i) => isHexDigit(text, i - 1) && stickyMatchesAt(text, i, COLONS_AFTER_HEX));
}
/** `/:[0-9A-Fa-f]{0,4}:/`: what an IPv6 address needs (two colons, at most one group apart). */
function hasColonPair(text: string): boolean {
  return someColon(text, (i) => stickyMatchesAt(text, i, COLON_PAIR));
}
const COLONS_AFTER_HEX = /:[0-9A-Fa-f]*:/y;
const COLON_PAIR = /:[0-9A-Fa-f]{0,4}:/y;

/** Whether `test` holds at some colon that a hex digit or a colon follows (as in both regexes above). */
function someColon(text: string, test: (index: number) => boolean): boolean {
  for (let i = text.indexOf(':'); i !== -1; i = text.indexOf(':', i + 1))
    if ((isHexDigit(text, i + 1) || text.charCodeAt(i + 1) === 58) && test(i)) return true;
  return false;
}
function isHexDigit(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  // `| 32` folds A-F onto a-f and nothing else onto them.
  return (code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 102);
}
function stickyMatchesAt(text: string, index: number, sticky: RegExp): boolean {
  sticky.lastIndex = index;
  return sticky.test(text);
}

function ipv4Address(match: RegExpExecArray): PrivateMatch | null {
  return NOBODYS_V4.test(match[1] as string)
    ? null
    : { start: match.index, end: match.index + match[0].length, what: 'an IP address' };
}

function ipv6Address(match: RegExpExecArray): PrivateMatch | null {
  const address = match[0];
  // At least two groups with digits: `a::b` in prose is more likely code than an address.
  if (!isIPv6(address) || NOBODYS_V6.test(address) || (address.match(/[0-9A-Fa-f]+/g) ?? []).length < 2)
    return null;
  return { start: match.index, end: match.index + address.length, what: 'an IP address' };
}

export const IP_ADDRESSES: PrivacyDetector = {
  rule: 'privacy/ip-address',
  hint: 'An address can identify a company or a person: remove it, or say what it is ("the office VPN"). Documentation ranges such as 192.0.2.0/24 and 2001:db8::/32 are fine in examples.',
  mayContain: (source) => DOTTED_QUAD.test(source) || hasHexColonPair(source),
  // Each pattern only where the text has what its matches need: a contribution's text is searched without
  // mayContain, and a persona's values when its source has an escape.
  find: (text) => [
    ...(DOTTED_QUAD.test(text) ? matchesOf(text, IPV4, ipv4Address) : []),
    ...(hasColonPair(text) ? matchesOf(text, IPV6, ipv6Address) : []),
  ],
};

export function privacyIpAddress(ctx: PersonaContext): Diagnostic[] {
  return personaPrivacyWarnings(ctx, IP_ADDRESSES);
}
