import type { Diagnostic } from '../../core/diagnostic.ts';
import { type LintSettings, nameKey } from '../../core/lint-settings.ts';
import type { PersonaContext } from '../persona/persona-context.ts';
import {
  ascendingOnce,
  matchesAt,
  type PrivacyDetector,
  type PrivacyScope,
  type PrivateMatch,
  personaPrivacyWarnings,
  positionsOf,
} from '../privacy/privacy-detector.ts';

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
 * Each is sticky (flag `y`): it is tried only where a match can start, found from the rare words every match
 * holds (see `find`), since a pattern opening with a lookbehind would take a step at every character.
 */
const COMPANY_NAME = new RegExp(
  `${NOT_IN_WORD}${NOT_A_NAME_START}(${NAME}[ \\t]+${SUFFIX})(?![\\p{L}\\p{N}-])`,
  'uy',
);
const OUR_CUSTOMER_NAME = new RegExp(
  `${NOT_IN_WORD}(?:[Oo]ur|[Mm]y|[Tt]heir|[Hh]is|[Hh]er)[ \\t]+(?:(?:biggest|largest|main|key|top|new|first|best)[ \\t]+)?(?:client|customer|account)s?[ \\t]*(?:[,:–—-][ \\t]*)?(${NAME})`,
  'uy',
);
const CUSTOMER_COLON_NAME = new RegExp(
  `${NOT_IN_WORD}(?:[Cc]lient|[Cc]ustomer)[ \\t]*[:–—-][ \\t]*(${NAME})`,
  'uy',
);
const CUSTOMERS_LIKE_NAME = new RegExp(
  `${NOT_IN_WORD}(?:[Cc]lient|[Cc]ustomer)s?[ \\t]+(?:like|such as|including|called|named)[ \\t]+(${NAME})`,
  'uy',
);

/** The words the last three patterns hold: "client" and "customer" start the last two. */
const CUSTOMER_WORD = /[Cc]lient|[Cc]ustomer|account/g;
/**
 * What the last two patterns need right after "client" or "customer" (their ASCII part): most of the words
 * have neither, and these cost less than the patterns with their Unicode classes.
 */
const COLON_AFTER = /(?:[Cc]lient|[Cc]ustomer)[ \t]*[:–—-]/y;
const LIKE_AFTER = /(?:[Cc]lient|[Cc]ustomer)s?[ \t]+(?:like|such as|including|called|named)[ \t]/y;
/** A company suffix as a word of its own, tried where the text shows what one starts with. */
const SUFFIX_WORD =
  /(?:Inc|Corp|Corporation|Ltd|Limited|LLC|LLP|GmbH|AG|SA|SAS|BV|plc|PLC|Pty|Co)(?![A-Za-z0-9])/y;
/**
 * What each suffix starts with. Searching for a character is native and fast, and upper-case letters are few
 * in prose, where a regex of the suffixes takes a step at every character.
 */
const SUFFIX_STARTS = ['I', 'C', 'L', 'G', 'A', 'S', 'B', 'P', 'plc'];
/** How long "our", "my", "their", "his" and "her" are, and what they start with. */
const POSSESSIVE_LENGTHS = [2, 3, 5];
const POSSESSIVE_FIRST = new Set([...'OoMmTtHh']);
/** A name has at most four words (NAME). */
const MAX_NAME_WORDS = 4;

const isBlank = (text: string, i: number) => {
  const code = text.charCodeAt(i);
  return code === 32 || code === 9;
};
const isLowerAscii = (text: string, i: number) => {
  const code = text.charCodeAt(i);
  return code >= 97 && code <= 122;
};
const isAsciiLetterOrDigit = (text: string, i: number) => {
  const code = text.charCodeAt(i);
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
};
/**
 * What a word of a name may hold, or more: every non-ASCII code unit, since `\p{L}`, `\p{N}` and `’` are
 * not ASCII (a wider class only widens the search window).
 */
const mayBeInName = (text: string, i: number) => {
  const code = text.charCodeAt(i);
  // & ' -
  return code >= 128 || isAsciiLetterOrDigit(text, i) || code === 38 || code === 39 || code === 45;
};
/**
 * Whether a name may start here: an upper-case letter (`\p{Lu}`; any non-ASCII code unit but the second half
 * of a surrogate pair, where no match starts) that does not follow an ASCII letter or digit (NOT_IN_WORD).
 */
function mayStartName(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  const upper = (code >= 65 && code <= 90) || (code >= 128 && (code < 0xdc00 || code > 0xdfff));
  return upper && !isAsciiLetterOrDigit(text, i - 1);
}

/** Those of `positions` at which a sticky pattern matches. */
function whereMatches(text: string, positions: readonly number[], sticky: RegExp): number[] {
  return positions.filter((position) => {
    sticky.lastIndex = position;
    return sticky.test(text);
  });
}

/** The first index of the run of characters that `test` holds for and that ends at `end`. */
function runStart(text: string, end: number, test: (text: string, i: number) => boolean): number {
  let start = end;
  while (start > 0 && test(text, start - 1)) start--;
  return start;
}

/**
 * Where a company name can start: in the four words before a suffix that follows a space or tab, at an
 * upper-case letter. The words of a name are separated by spaces and tabs only, so each is within one run of
 * name characters, and the first is at most four runs back.
 */
function companyNameStarts(text: string): number[] {
  const starts: number[] = [];
  for (const suffix of suffixesAfterBlanks(text)) {
    let from = suffix;
    for (let words = 0; words < MAX_NAME_WORDS; words++) {
      const wordEnd = runStart(text, from, isBlank);
      if (wordEnd === from) break;
      const wordStart = runStart(text, wordEnd, mayBeInName);
      if (wordStart === wordEnd) break;
      from = wordStart;
    }
    for (let i = from; i < suffix; i++) if (mayStartName(text, i)) starts.push(i);
  }
  return ascendingOnce(starts);
}

/** Where a company suffix starts right after a space or tab, in no particular order. */
function suffixesAfterBlanks(text: string): number[] {
  const found: number[] = [];
  for (const start of SUFFIX_STARTS)
    for (let i = text.indexOf(start); i !== -1; i = text.indexOf(start, i + 1)) {
      if (!isBlank(text, i - 1)) continue;
      SUFFIX_WORD.lastIndex = i;
      if (SUFFIX_WORD.test(text)) found.push(i);
    }
  return found;
}

/**
 * Where "our client …" can start, found from each lower-case "client", "customer" or "account" after a space or
 * tab: the possessive ends where those spaces begin, or, when the word before them is lower-case (an adjective:
 * "our biggest client"), where the spaces before that word begin.
 */
function possessiveStarts(text: string, customerWords: readonly number[]): number[] {
  const starts: number[] = [];
  const possessiveEndingAt = (end: number) => {
    for (const length of POSSESSIVE_LENGTHS) {
      const start = end - length;
      if (start >= 0 && POSSESSIVE_FIRST.has(text.charAt(start)) && !isAsciiLetterOrDigit(text, start - 1))
        starts.push(start);
    }
  };
  for (const word of customerWords) {
    // Only the lower-case words: "our Client" is not one of the ways.
    if (text[word] === 'C' || !isBlank(text, word - 1)) continue;
    const end = runStart(text, word, isBlank);
    possessiveEndingAt(end);
    const adjectiveStart = runStart(text, end, isLowerAscii);
    if (adjectiveStart < end && isBlank(text, adjectiveStart - 1))
      possessiveEndingAt(runStart(text, adjectiveStart, isBlank));
  }
  return ascendingOnce(starts);
}

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
    const keep = (match: RegExpExecArray): PrivateMatch | null => {
      const name = match[1] as string;
      if (!isPrivateName(name, scope)) return null;
      const start = match.index + match[0].length - name.length;
      return { start, end: start + name.length, what: 'the name of a customer or employer' };
    };
    const customerWords = positionsOf(text, CUSTOMER_WORD);
    const clientOrCustomer = customerWords.filter((word) => text[word] !== 'a');
    const found = [
      ...matchesAt(text, COMPANY_NAME, companyNameStarts(text), keep),
      ...matchesAt(text, OUR_CUSTOMER_NAME, possessiveStarts(text, customerWords), keep),
      ...matchesAt(text, CUSTOMER_COLON_NAME, whereMatches(text, clientOrCustomer, COLON_AFTER), keep),
      ...matchesAt(text, CUSTOMERS_LIKE_NAME, whereMatches(text, clientOrCustomer, LIKE_AFTER), keep),
    ];
    // "our client Acme Corp" matches two patterns: one finding per name, the longest.
    found.sort((a, b) => a.start - b.start || b.end - a.end);
    return found.filter((match, i) => !found.slice(0, i).some((kept) => match.start < kept.end));
  },
};

export function privacyCustomerName(ctx: PersonaContext): Diagnostic[] {
  return personaPrivacyWarnings(ctx, CUSTOMER_NAMES);
}
