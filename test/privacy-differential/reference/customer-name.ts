// The detector as it was before it was made faster, copied verbatim from
// scripts/check/rules/privacy-customer-name.ts (only the imports differ, and the rule wrapper is left out):
// the reference the differential tests hold the fast one to.
import { type LintSettings, nameKey } from '../../../scripts/core/lint-settings.ts';
import { matchesOf, type PrivacyDetector, type PrivacyScope } from './matches-of.ts';

/** A capitalised word of a name (`Acme`, `O'Brien`, `H&M`, `3M` is not one: names start with a letter). */
const WORD = String.raw`\p{Lu}[\p{L}\p{N}&'’-]*`;
/** Up to four such words: `Acme`, `Acme Widgets`, `Bank of Somewhere` is out of scope (lower-case `of`). */
const NAME = String.raw`${WORD}(?:[ \t]+${WORD}){0,3}`;
const SUFFIX = String.raw`(?:Inc|Corp|Corporation|Ltd|Limited|LLC|LLP|GmbH|AG|SA|SAS|BV|plc|PLC|Pty|Co)\.?`;
const NOT_IN_WORD = String.raw`(?<![\p{L}\p{N}])`;
/** Words that start a sentence or a phrase, never a company name: "At Acme Corp" names `Acme Corp`. */
const NOT_A_NAME_START = String.raw`(?!(?:At|For|With|From|By|To|Of|In|On|The|A|An|Our|My|Their|His|Her|When|While|After|Before|Since|And|But|Or|So|If)\b)`;

/**
 * The ways a persona names the company someone works for or sells to. Each captures the name (group 1):
 * - a name with a company suffix, anywhere: "an analyst at Acme Corp", "Globex GmbH's finance team";
 * - "our client Acme", "my biggest customer, Globex", "their account Initech";
 * - "customer: Acme", "client - Globex";
 * - "customers like Acme", "clients such as Globex", "a client called Initech".
 */
// Plain-ASCII tests, without Unicode classes: each is a necessary condition of its pattern, and most texts fail it.
const COMPANY_SUFFIX =
  /[ \t](?:Inc|Corp|Corporation|Ltd|Limited|LLC|LLP|GmbH|AG|SA|SAS|BV|plc|PLC|Pty|Co)(?![A-Za-z0-9])/;
const OUR_CUSTOMER =
  /(?<![A-Za-z0-9])(?:[Oo]ur|[Mm]y|[Tt]heir|[Hh]is|[Hh]er)[ \t]+(?:[a-z]+[ \t]+)?(?:client|customer|account)/;
const CUSTOMER_COLON = /(?:[Cc]lient|[Cc]ustomer)[ \t]*[:–—-]/;
const CUSTOMERS_LIKE = /(?:[Cc]lient|[Cc]ustomer)s?[ \t]+(?:like|such as|including|called|named)[ \t]/;
/** Each pattern with a cheap test the text must pass first (most texts have no company suffix at all). */
const PATTERNS: ReadonlyArray<{ needs: RegExp; pattern: RegExp }> = [
  {
    needs: COMPANY_SUFFIX,
    pattern: new RegExp(
      `${NOT_IN_WORD}${NOT_A_NAME_START}(${NAME}[ \\t]+${SUFFIX})(?![\\p{L}\\p{N}-])`,
      'gu',
    ),
  },
  {
    needs: OUR_CUSTOMER,
    pattern: new RegExp(
      `${NOT_IN_WORD}(?:[Oo]ur|[Mm]y|[Tt]heir|[Hh]is|[Hh]er)[ \\t]+(?:(?:biggest|largest|main|key|top|new|first|best)[ \\t]+)?(?:client|customer|account)s?[ \\t]*(?:[,:–—-][ \\t]*)?(${NAME})`,
      'gu',
    ),
  },
  {
    needs: CUSTOMER_COLON,
    pattern: new RegExp(`${NOT_IN_WORD}(?:[Cc]lient|[Cc]ustomer)[ \\t]*[:–—-][ \\t]*(${NAME})`, 'gu'),
  },
  {
    needs: CUSTOMERS_LIKE,
    pattern: new RegExp(
      `${NOT_IN_WORD}(?:[Cc]lient|[Cc]ustomer)s?[ \\t]+(?:like|such as|including|called|named)[ \\t]+(${NAME})`,
      'gu',
    ),
  },
];

/**
 * Capitalised words that follow "customer" or "client" without naming anyone: teams and functions
 * ("customer Success"), days and months, and the first words of a sentence that the patterns can run into.
 */
const NOT_NAMES = new Set(
  [
    'I',
    'A',
    'An',
    'The',
    'This',
    'That',
    'They',
    'We',
    'It',
    'Success',
    'Support',
    'Service',
    'Services',
    'Care',
    'Experience',
    'Portal',
    'Journey',
    'Data',
    'Insights',
    'Team',
    'Teams',
    'Zero',
    'Monday',
    'Tuesday',
    'Wednesday',
    'Thursday',
    'Friday',
    'Saturday',
    'Sunday',
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ].map((word) => word.toLowerCase()),
);

/** Whether a captured name is a real name nobody allowed: not a letter ("customer A"), a team, or a public name. */
function isPrivateName(name: string, scope: PrivacyScope): boolean {
  const words = name.split(/[ \t]+/);
  const first = words[0] ?? '';
  // "Customer A", "client X2": a label that already hides the name.
  if (words.length === 1 && /^\p{Lu}\p{N}*$/u.test(first)) return false;
  if (NOT_NAMES.has(first.toLowerCase())) return false;
  const allowed = allowedNames(scope.settings);
  const product = scope.product === undefined ? undefined : nameKey(scope.product);
  // The whole name, or its first words: "Stripe" allows "Stripe Inc" and "Stripe Billing".
  for (let n = words.length; n >= 1; n--) {
    const key = nameKey(words.slice(0, n).join(' '));
    if (allowed.has(key) || key === product) return false;
  }
  return true;
}

/** The allow-list as name keys, made once per settings (a run checks thousands of personas with one). */
const allowedBySettings = new WeakMap<LintSettings, ReadonlySet<string>>();
function allowedNames(settings: LintSettings): ReadonlySet<string> {
  let allowed = allowedBySettings.get(settings);
  if (!allowed) {
    allowed = new Set(settings.privacy.allow.map(nameKey));
    allowedBySettings.set(settings, allowed);
  }
  return allowed;
}

export const CUSTOMER_NAMES: PrivacyDetector = {
  rule: 'privacy/customer-name',
  hint: 'Personas are composites: describe the company instead of naming it ("a 40-person logistics firm"). If the name is a public product or company, add it to `privacy.allow` in persona.config.yaml.',
  mayContain: (source) =>
    /client|customer|account|\b(?:Inc|Corp|Corporation|Ltd|Limited|LLC|LLP|GmbH|AG|SA|SAS|BV|plc|PLC|Pty|Co)\b/i.test(
      source,
    ),
  find: (text, scope) => {
    const found = PATTERNS.flatMap(({ needs, pattern }) =>
      !needs.test(text)
        ? []
        : matchesOf(text, pattern, (match) => {
            const name = match[1] as string;
            if (!isPrivateName(name, scope)) return null;
            const start = match.index + match[0].length - name.length;
            return { start, end: start + name.length, what: 'the name of a customer or employer' };
          }),
    );
    // "our client Acme Corp" matches two patterns: one finding per name, the longest.
    found.sort((a, b) => a.start - b.start || b.end - a.end);
    return found.filter((match, i) => !found.slice(0, i).some((kept) => match.start < kept.end));
  },
};
