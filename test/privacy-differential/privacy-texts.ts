import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { parse } from 'yaml';
import { generateLibrary } from '../../bench/generate-library.ts';
import { personaStrings } from '../../scripts/check/persona/persona-strings.ts';
import type { PrivacyScope } from '../../scripts/check/privacy/privacy-detector.ts';
import { DEFAULT_SETTINGS, type LintSettings } from '../../scripts/core/lint-settings.ts';
import { REPO_ROOT } from '../helpers/run-cli.ts';
import { RULE_CASES } from '../validate/rule-cases.ts';

/**
 * Texts for the differential tests of the fast privacy detectors and placeholder rule against their
 * references (reference/): random texts made of the pieces the patterns care about, the generated bench
 * library's texts, and the texts of the existing rule fixtures, the shipped personas and the docs.
 */

/** The characters keys are written in: long runs of them are what privacy/secret looks at. */
const KEY_ALPHABET = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=_-'];

/** Single characters the patterns decide on: separators, look-behind neighbours, Unicode letters. */
const CHARACTERS = [
  ...'aeZk09xX+/=_-.:,;@()&%#"\'\\',
  '\t',
  '\n',
  '\r',
  '\u0000',
  '’',
  '–',
  '—',
  'É',
  'é',
  'ß',
  'ı',
  'İ',
  'Ω',
  '名',
  '٣',
  '\u00a0',
  '\u2028',
  '😀',
  // A mathematical bold capital A (an upper-case letter outside the BMP) and the halves of a surrogate pair.
  '\u{1d400}',
  '\ud835',
  '\udc00',
];

const BLANKS = [' ', ' ', ' ', '  ', '\t', ' \t ', ', ', '. ', ': ', ' - ', ' – ', ' — ', '\u0000', '\n'];

/** Company suffixes, and words that start like one. */
const COMPANY_SUFFIXES = [
  ...['Inc', 'Inc.', 'Corp', 'Corp.', 'Corporation', 'Co', 'Co.', 'Co-op', 'Ltd', 'Limited', 'LLC', 'LLP'],
  ...['GmbH', 'AG', 'SA', 'SAS', 'BV', 'plc', 'PLC', 'Pty', 'Incident', 'Compare', 'Limit', 'Corps', 'SAP'],
];

/** Words that start, end or stop a match of the customer-name patterns, and names to follow them. */
const WORDS = [
  ...['Our', 'our', 'OUR', 'my', 'My', 'their', 'Their', 'his', 'His', 'her', 'Her', 'Your', 'Hour', 'timy'],
  ...['client', 'Client', 'clients', 'customer', 'Customer', 'customers', 'CUSTOMER', 'account', 'accounts'],
  ...['biggest', 'largest', 'main', 'key', 'top', 'new', 'first', 'best', 'old', 'a'],
  ...['like', 'such as', 'including', 'called', 'named', 'such'],
  ...COMPANY_SUFFIXES,
  ...['Acme', 'Globex', 'Initech', 'Umbrella', 'Health', 'Stark', 'Industries', 'Hooli', 'Stripe', 'ACME'],
  ...["O'Brien", 'H&M', 'Émile', 'Ærø', 'Zürich', 'Łódź', 'x-Acme', 'Acme-Widgets', 'Ω-Labs', 'X2', 'A', 'I'],
  ...['At', 'The', 'For', 'With', 'An', 'If', 'So', 'When', 'Success', 'Support', 'Team', 'Monday', 'May'],
  ...[
    'TODO',
    'todo',
    'Todo',
    'TBD',
    'tbd',
    'FIXME',
    'fixme',
    'XXX',
    'xxx',
    'lorem',
    'Lorem',
    'LOREM',
    'LoReM',
  ],
  ...['ipsum', 'TODOs', 'xxxl', 'lorems', 'to-do'],
  ...['jane.doe', 'ops+alerts', 'example.com', 'acme-widgets.io', 'mail.globex.co.uk', 'localhost', 'test'],
];

/** The starts of known tokens, and words that look like them. */
const TOKEN_STARTS = [
  ...[
    'ghp_',
    'gho_',
    'ghu_',
    'ghs_',
    'ghr_',
    'github_pat_',
    'glpat-',
    'AKIA',
    'ASIA',
    'ABIA',
    'ACCA',
    'AIza',
  ],
  ...['xoxb-', 'xoxp-', 'xoxa-', 'hooks.slack.com/services/', 'hooks.slack.com', 'sk_live_', 'rk_test_'],
  ...['sk-', 'sk-proj-', 'sk-svcacct-', 'task-', 'sk-learn', 'npm_', 'eyJ', '.eyJ', 'ey', 'J', '-----BEGIN '],
  ...['-----BEGIN', 'RSA ', 'OPENSSH ', 'PRIVATE KEY-----', '----', '_'],
];

/** Numbers, addresses and their parts. */
const NUMBERS = [
  ...[
    '+44',
    '+1',
    '(555)',
    '(5',
    '010-4477',
    '020',
    '7946',
    '0958',
    '06',
    '12',
    '555.010.4477',
    '030-1234567',
  ],
  ...[
    '10.20.30.40',
    '192.0.2.1',
    '127.0.0.1',
    '203.0.113.9',
    '255.255.255.255',
    '256',
    '0.0.0.0',
    '1.2',
    '.5',
  ],
  ...[
    '::',
    '::1',
    'fe80',
    '2001:db8',
    '2001:0db8',
    'ffff',
    ':',
    '/24',
    ':8080',
    '3,000',
    '2026-11-18',
    '4:20',
  ],
];

const piece = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...BLANKS) },
  { weight: 6, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 3, arbitrary: fc.constantFrom(...CHARACTERS) },
  { weight: 2, arbitrary: fc.constantFrom(...TOKEN_STARTS) },
  { weight: 2, arbitrary: fc.constantFrom(...NUMBERS) },
  {
    weight: 2,
    arbitrary: fc.string({ unit: fc.constantFrom(...KEY_ALPHABET), minLength: 1, maxLength: 48 }),
  },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 1, maxLength: 6 }) },
  {
    weight: 1,
    arbitrary: fc.string({ unit: fc.constantFrom(...'0123456789abcdefABCDEF:.'), maxLength: 12 }),
  },
);

/** A random text of the pieces above: one value, or several joined by NUL like a persona's. */
export const privacyText: fc.Arbitrary<string> = fc
  .array(piece, { maxLength: 40 })
  .map((pieces) => pieces.join(''));

/** The same, with pieces of one kind only, so the rarer combinations of that kind come up often. */
export const wordsText: fc.Arbitrary<string> = fc
  .array(fc.oneof(fc.constantFrom(...BLANKS), fc.constantFrom(...WORDS)), { maxLength: 30 })
  .map((pieces) => pieces.join(''));
export const keysText: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      fc.constantFrom(...TOKEN_STARTS, ...BLANKS, ...CHARACTERS),
      fc.string({ unit: fc.constantFrom(...KEY_ALPHABET), minLength: 1, maxLength: 64 }),
    ),
    { maxLength: 20 },
  )
  .map((pieces) => pieces.join(''));

/** Key characters, or a class of them, `length` long. */
const keyRun = (alphabet: readonly string[], minLength: number, maxLength: number) =>
  fc.string({ unit: fc.constantFrom(...alphabet), minLength, maxLength });
const ALNUM = KEY_ALPHABET.filter((char) => /[A-Za-z0-9]/.test(char));
const UPPER_AND_DIGITS = KEY_ALPHABET.filter((char) => /[A-Z0-9]/.test(char));

/** Known tokens, whole or nearly: each prefix with a body about as long as needed, in its alphabet or not. */
const TOKEN_SHAPES: ReadonlyArray<readonly [prefix: string, length: number]> = Object.entries({
  ghp_: 36,
  gho_: 36,
  ghr_: 40,
  github_pat_: 22,
  'glpat-': 20,
  AKIA: 16,
  ASIA: 16,
  AIza: 35,
  'xoxb-': 10,
  'xoxp-': 12,
  sk_live_: 16,
  rk_test_: 20,
  'sk-': 20,
  'sk-proj-': 24,
  npm_: 36,
  'hooks.slack.com/services/': 20,
  'task-': 20,
});
const token: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .tuple(
        fc.constantFrom(...TOKEN_SHAPES),
        fc.integer({ min: -2, max: 3 }),
        fc.constantFrom(ALNUM, UPPER_AND_DIGITS, KEY_ALPHABET),
      )
      .chain(([[prefix, length], off, alphabet]) =>
        keyRun(alphabet, length + off, length + off).map((body) => prefix + body),
      ),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(keyRun(KEY_ALPHABET, 6, 14), keyRun(KEY_ALPHABET, 6, 14), keyRun(KEY_ALPHABET, 6, 14))
      .map(([header, payload, signature]) => `eyJ${header}.eyJ${payload}.${signature}`),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom('', 'RSA ', 'OPENSSH ', 'rsa '), fc.constantFrom('-----', '----'))
      .map(([kind, end]) => `-----BEGIN ${kind}PRIVATE KEY${end}`),
  },
);

/** Phrases in the shapes the customer-name patterns look for, with their words varied and sometimes wrong. */
const NAME_WORDS = [
  ...['Acme', 'Globex', 'Initech', 'Umbrella', 'Health', 'Stark', 'Industries', 'Hooli', 'Stripe', 'ACME'],
  ...["O'Brien", 'H&M', 'Émile', 'Ærø', 'Zürich', 'Łódź', 'Ω-Labs', 'X2', 'A', 'I', 'X', '\u{1d400}cme'],
  ...['Success', 'Support', 'Team', 'Monday', 'May', 'The', 'At', 'For', 'Our', 'Inc', 'Co', 'of', 'and'],
];
const nameText = fc
  .array(fc.tuple(fc.constantFrom(' ', ' ', '  ', '\t', ' \t', ', ', '-'), fc.constantFrom(...NAME_WORDS)), {
    minLength: 1,
    maxLength: 6,
  })
  .map((words) => words.map(([blank, word], i) => (i === 0 ? word : blank + word)).join(''));
const blank = fc.constantFrom(' ', ' ', '  ', '\t', '', ' \t');
const customerWord = fc.constantFrom(
  'client',
  'customer',
  'account',
  'Client',
  'Customer',
  'clients',
  'customers',
);
const customerPhrase: fc.Arbitrary<string> = fc.oneof(
  fc
    .tuple(
      fc.constantFrom('our', 'Our', 'my', 'My', 'their', 'Their', 'his', 'His', 'her', 'Her', 'Your', 'xour'),
      blank,
      fc.constantFrom('', 'biggest ', 'main\t', 'key  ', 'best', 'top ', 'old '),
      customerWord,
      fc.constantFrom('', 's', ' ', ', ', ': ', ' – ', '—', ',', '-'),
      nameText,
    )
    .map((parts) => parts.join('')),
  fc
    .tuple(
      customerWord,
      blank,
      fc.constantFrom(':', '-', '–', '—', 'like', 'such as', 'including', 'called', 'named', 'such'),
      blank,
      nameText,
    )
    .map((parts) => parts.join('')),
  fc
    .tuple(
      fc.constantFrom('', 'At ', 'at ', 'The ', 'with ', '(', '-', 'x'),
      nameText,
      blank,
      fc.constantFrom(...COMPANY_SUFFIXES),
      fc.constantFrom('', '.', "'s", ' ', ',', '-', 'x', '\u0000', 'É'),
    )
    .map((parts) => parts.join('')),
);

/** Texts rich in the shapes the customer-name patterns look for. */
export const customerText: fc.Arbitrary<string> = fc
  .array(fc.oneof({ weight: 3, arbitrary: customerPhrase }, { weight: 2, arbitrary: piece }), {
    maxLength: 8,
  })
  .map((pieces) => pieces.join(''));

/** Texts rich in known tokens and long runs of key characters. */
export const tokenText: fc.Arbitrary<string> = fc
  .array(fc.oneof({ weight: 2, arbitrary: token }, { weight: 3, arbitrary: piece }), { maxLength: 10 })
  .map((pieces) => pieces.join(''));

/** Dotted numbers and colon-separated hex groups: addresses, or nearly (a group too many, a bad octet). */
const hexDigit = fc.constantFrom(...'0123456789abcdefABCDEF');
const hexGroup = fc.string({ unit: hexDigit, maxLength: 5 });
const octet = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 255 }).map(String) },
  { weight: 1, arbitrary: fc.constantFrom('256', '300', '01', '000', '') },
);
const address = fc.oneof(
  fc.tuple(octet, octet, octet, octet).map((octets) => octets.join('.')),
  fc.array(octet, { minLength: 2, maxLength: 5 }).map((octets) => octets.join('.')),
  fc.array(hexGroup, { minLength: 2, maxLength: 9 }).map((groups) => groups.join(':')),
  // Eight full groups: an address without `::`, whose colons are never closer than four digits apart.
  fc
    .array(fc.oneof(fc.string({ unit: hexDigit, minLength: 4, maxLength: 4 }), hexGroup), {
      minLength: 8,
      maxLength: 8,
    })
    .map((groups) => groups.join(':')),
  fc
    .tuple(fc.array(hexGroup, { maxLength: 4 }), fc.array(hexGroup, { maxLength: 4 }))
    .map(([head, tail]) => `${head.join(':')}::${tail.join(':')}`),
);
export const addressText: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      { weight: 4, arbitrary: address },
      {
        weight: 3,
        arbitrary: fc.constantFrom('.', ':', '::', '/24', ':8080', ' ', '\n', 'x', 'É', '\u0000'),
      },
      { weight: 1, arbitrary: fc.constantFrom(...NUMBERS) },
      { weight: 2, arbitrary: piece },
    ),
    { maxLength: 12 },
  )
  .map((pieces) => pieces.join(''));

/** What a detector may know besides the text: an allow-list, and the persona's product. */
export const privacyScope: fc.Arbitrary<PrivacyScope> = fc
  .record({
    allow: fc.subarray(['Globex', 'initech', 'Acme Corp', 'Umbrella Health', 'Émile']),
    product: fc.option(fc.constantFrom('acme', 'globex', 'stark industries'), { nil: undefined }),
  })
  .map(({ allow, product }) => ({
    settings: { privacy: { allow } } satisfies LintSettings,
    ...(product === undefined ? {} : { product }),
  }));

export const DEFAULT_SCOPE: PrivacyScope = { settings: DEFAULT_SETTINGS };

/** A persona's text values (`community` aside) joined by NUL, as privacy-detector.ts scans them. */
export function joinedValues(data: unknown): string {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return '';
  const values: string[] = [];
  for (const [key, value] of Object.entries(data)) {
    if (key === 'community') continue;
    for (const { text } of personaStrings(value, [key])) values.push(text);
  }
  return values.join('\u0000');
}

function parsed(source: string): unknown {
  try {
    return parse(source, { logLevel: 'silent' });
  } catch {
    return undefined;
  }
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.yaml'))
    .map((file) => path.join(dir, file));
}

/** Sources of YAML files, and the texts to scan: each one's values joined, and the source. */
export interface Corpus {
  sources: string[];
  texts: string[];
}

function corpusOf(sources: string[]): Corpus {
  return { sources, texts: [...sources.map((source) => joinedValues(parsed(source))), ...sources] };
}

/** The bench's generated library (personas, contributions and the invalid sprinkle), small. */
export function benchCorpus(size = 40, seed = 7): Corpus {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'privacy-differential-'));
  try {
    const library = generateLibrary({
      dir: tmp,
      size,
      seed,
      schemasDir: path.join(REPO_ROOT, 'schemas'),
    });
    const files = [
      ...yamlFiles(path.join(library.root, 'personas')),
      ...yamlFiles(path.join(library.root, 'contributions')),
    ];
    return corpusOf(files.sort().map((file) => readFileSync(file, 'utf8')));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * The texts the rules' own tests and docs use: the rule fixtures (test/validate/rule-cases.ts, markers
 * removed), the examples of test/validate/privacy-rules.test.ts, the shipped personas and docs/rules.md.
 */
export function fixtureCorpus(): Corpus {
  const fixtures = RULE_CASES.flatMap((ruleCase) =>
    Object.values(ruleCase.files).map((file) =>
      (typeof file === 'string' ? file : new TextDecoder().decode(file)).replaceAll('«', ''),
    ),
  );
  const shipped = yamlFiles(path.join(REPO_ROOT, 'personas')).map((file) => readFileSync(file, 'utf8'));
  const corpus = corpusOf([...fixtures, ...shipped]);
  return {
    sources: corpus.sources,
    texts: [
      ...corpus.texts,
      ...PRIVACY_RULE_EXAMPLES,
      PRIVACY_RULE_EXAMPLES.join('\u0000'),
      readFileSync(path.join(REPO_ROOT, 'docs/rules.md'), 'utf8'),
    ],
  };
}

/** The examples of test/validate/privacy-rules.test.ts, reported and quiet, without their span markers. */
const PRIVACY_RULE_EXAMPLES = [
  'Reach them at jane.doe@acme-widgets.io for interviews.',
  'Their inbox (ops+alerts@mail.globex.co.uk) fills up.',
  'They write to support@example.com in the docs.',
  'They mention @octocat in every pull request.',
  'A user@localhost account for tests.',
  'Call +44 20 7946 0958 after hours.',
  'The on-call phone is (555) 010-4477.',
  'Their desk line is 020 7946 0958.',
  'Text 06 12 34 56 78 when it breaks.',
  'A B2B scheduling SaaS with about 3,000 customers and 41 users.',
  'Reviewed on 2026-11-18 and again on 2026-12-01.',
  'At 4:20 on Thursday, 63 events from 41 users after the 3:05 release.',
  'Version 16.4.1 of Safari, build 20240101, between 2019 and 2024.',
  'Revenue grew from 1 200 000 to 1 450 000 in a year.',
  'The VPN sits at 10.20.30.40 behind the office router.',
  'They ssh to 203.0.114.7:2222 each morning.',
  'Staging answers on fe80::1ff:fe23:4567:890a only.',
  'Examples use 192.0.2.10 and 2001:db8::1 as documentation addresses.',
  'Chrome 120.0.6099.109 and Node 20.10.0 on localhost 127.0.0.1.',
  'The stand-up runs 10:30 to 10:45 every day.',
  'Their token ghp_aB3dE5fG7hI9jK1lM3nO5pQ7rS9tU1vW3xY5 is in the wiki.',
  'The key AKIAIOSFODNN7EXAMPLE leaked once.',
  'The Slack bot uses xoxb-1234567890-abcdefghij.',
  'A Stripe key sk_live_4eC39HqLyjWDarjtT1zdp7dc in a screenshot.',
  'An API key xK9mP2qR7vL4nT8wZ3yB6cF1aQ5s pasted in chat.',
  'They run sk-learn models and read the persona-library-persona-library repository.',
  'A B2B-SaaS-with-3000-customers slide and an ErrorBoundaryComponentWrapper2 class.',
  'US-EAST-1-PROD-K8S-CLUSTER-2024 is the cluster name they use.',
  'getUserById2FactorAuthToken is the function everyone calls.',
  'An analyst at Initech Corp who owns the billing exports.',
  'They built it for our client Globex, then reused it.',
  'Their biggest customer, Umbrella Health, asked for audit logs.',
  'Every report starts with customer: Hooli.',
  'They onboard customers like Stark Industries by hand.',
  'A developer at a B2B scheduling SaaS with about 3,000 customers.',
  'Customer A and client X asked for the same export.',
  'They hand the list to our customer Success team every Monday.',
  'At Vercel they deploy previews; our customers use Slack.',
  'The customer portal and the client dashboard share a login.',
  'Keep alerts quiet.',
  'Mail jane@globex.io daily.',
  'Page them on +1 (555) 010-4477 at night.',
  'Our client Globex told me.',
  'An analyst at Initech Corp; their client Globex pays.',
  'They moved our client Acme to the new plan.',
];
