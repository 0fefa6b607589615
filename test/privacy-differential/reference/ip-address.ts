// The detector as it was before it was made faster, copied verbatim from
// scripts/check/rules/privacy-ip-address.ts (only the imports differ, and the rule wrapper is left out):
// the reference the differential tests hold the fast one to.
import { isIPv6 } from 'node:net';
import { matchesOf, type PrivacyDetector } from './matches-of.ts';

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

export const IP_ADDRESSES: PrivacyDetector = {
  rule: 'privacy/ip-address',
  hint: 'An address can identify a company or a person: remove it, or say what it is ("the office VPN"). Documentation ranges such as 192.0.2.0/24 and 2001:db8::/32 are fine in examples.',
  mayContain: (source) => /\d\.\d+\.\d+\.\d|[0-9A-Fa-f]:[0-9A-Fa-f]*:/.test(source),
  find: (text) => [
    ...matchesOf(text, IPV4, (match) =>
      NOBODYS_V4.test(match[1] as string)
        ? null
        : { start: match.index, end: match.index + match[0].length, what: 'an IP address' },
    ),
    ...matchesOf(text, IPV6, (match) => {
      const address = match[0];
      // At least two groups with digits: `a::b` in prose is more likely code than an address.
      if (!isIPv6(address) || NOBODYS_V6.test(address) || (address.match(/[0-9A-Fa-f]+/g) ?? []).length < 2)
        return null;
      return { start: match.index, end: match.index + address.length, what: 'an IP address' };
    }),
  ],
};
