import { personaText } from '../helpers/persona-text.ts';

export const ALPHA = 'personas/acme/acme-alpha.yaml';
export const BETA = 'personas/acme/acme-beta.yaml';

/** Two valid personas that link each other: every rule passes on this library. */
export function baseLibrary(): Record<string, string> {
  return {
    [ALPHA]: personaText('acme-alpha', { id: 'APP-101', links: ['acme-beta'] }),
    [BETA]: personaText('acme-beta', { id: 'APP-102', links: ['acme-alpha'] }),
  };
}

/** A vocabulary holding the base library's tags (every persona of `baseLibrary` passes against it). */
export const VOCABULARY = [
  '# yaml-language-server: $schema=schemas/tags.schema.json',
  'tags:',
  '  monitoring: "People who watch production."',
  '  production: "People who run what users use."',
  '  on-call: "Engineers who carry the pager."',
  '',
].join('\n');

export interface RuleCase {
  name: string;
  rule: string;
  severity?: 'error' | 'warning';
  /** Files replacing or adding to the base library; exactly one holds a « marker (or `at` is given). */
  files: Record<string, string | Uint8Array>;
  /** The file the diagnostic is expected in (the one with the marker). */
  file: string;
  /** Explicit position when the content is bytes and cannot carry a marker. */
  at?: { line: number; column: number };
  /** Text the hint must suggest ("did you mean"). */
  suggests?: string;
}

const alpha = (overrides: Record<string, string | null>, links = ['acme-beta']) =>
  personaText('acme-alpha', { id: 'APP-101', links, overrides });

export const RULE_CASES: RuleCase[] = [
  // --- schema
  {
    name: 'misspelt key',
    rule: 'schema/unknown-key',
    file: ALPHA,
    suggests: 'frustrations',
    files: { [ALPHA]: alpha({ frustrations: '«frustations:\n  - "Too many alerts."' }) },
  },
  {
    name: 'unrelated key',
    rule: 'schema/unknown-key',
    file: ALPHA,
    files: { [ALPHA]: alpha({ zzz: '«favourite_colour: blue' }) },
  },
  {
    name: 'missing required key points at the mapping',
    rule: 'schema/missing-key',
    file: ALPHA,
    files: { [ALPHA]: alpha({ id: '«id: APP-101', goals: null }) },
  },
  {
    name: 'text where a list is expected',
    rule: 'schema/wrong-type',
    file: ALPHA,
    files: { [ALPHA]: alpha({ goals: 'goals: «"Ship faster."' }) },
  },
  {
    name: 'list where text is expected',
    rule: 'schema/wrong-type',
    file: ALPHA,
    files: { [ALPHA]: alpha({ outcome: 'outcome:\n  «- "a"' }) },
  },
  {
    name: 'empty text',
    rule: 'schema/empty-value',
    file: ALPHA,
    files: { [ALPHA]: alpha({ aha_moment: 'aha_moment: «""' }) },
  },
  {
    name: 'text over the cap',
    rule: 'schema/too-long',
    file: ALPHA,
    files: { [ALPHA]: alpha({ context: `context: «"${'word '.repeat(420)}"` }) },
  },
  {
    name: 'bad id format',
    rule: 'schema/invalid-format',
    file: ALPHA,
    files: { [ALPHA]: alpha({ id: 'id: «APP-12' }) },
  },
  {
    name: 'tag not kebab-case',
    rule: 'schema/invalid-format',
    file: ALPHA,
    suggests: 'error-monitoring',
    files: { [ALPHA]: alpha({ tags: 'tags:\n  - «Error Monitoring' }) },
  },
  {
    name: 'category outside the list',
    rule: 'schema/not-allowed',
    file: ALPHA,
    suggests: 'technical',
    files: { [ALPHA]: alpha({ category: 'category: «technicl' }) },
  },
  {
    name: 'relation outside the list',
    rule: 'schema/not-allowed',
    file: ALPHA,
    suggests: 'pairs-with',
    files: {
      [ALPHA]: alpha({
        composability: 'composability:\n  - persona: acme-beta\n    relation: «pair-with\n    note: "x"',
      }),
    },
  },
  {
    name: 'empty list',
    rule: 'schema/too-few-items',
    file: ALPHA,
    files: { [ALPHA]: alpha({ goals: 'goals: «[]' }) },
  },
  {
    name: 'thirteen tags',
    rule: 'schema/too-many-items',
    file: ALPHA,
    files: {
      [ALPHA]: alpha({
        tags: `tags:\n  «${Array.from({ length: 13 }, (_, i) => `- tag-${i}`).join('\n  ')}`,
      }),
    },
  },
  {
    name: 'repeated tag',
    rule: 'schema/duplicate-item',
    file: ALPHA,
    files: { [ALPHA]: alpha({ tags: 'tags:\n  - monitoring\n  - «monitoring' }) },
  },
  {
    name: 'negative count in community',
    rule: 'schema/invalid',
    file: ALPHA,
    files: { [ALPHA]: alpha({ community: 'community:\n  confirmations: «-1' }) },
  },
  // --- identity
  {
    name: 'id used twice',
    rule: 'id/duplicate',
    file: BETA,
    files: {
      [BETA]: personaText('acme-beta', {
        id: 'APP-101',
        links: ['acme-alpha'],
        overrides: { id: 'id: «APP-101' },
      }),
    },
  },
  {
    name: 'slug used twice',
    rule: 'slug/duplicate',
    file: 'personas/acme/acme-gamma.yaml',
    files: {
      'personas/acme/acme-gamma.yaml': personaText('acme-alpha', {
        id: 'APP-103',
        title: 'Gamma',
        overrides: { slug: 'slug: «acme-alpha' },
      }),
    },
  },
  {
    name: 'slug differs from file name',
    rule: 'slug/file-name-mismatch',
    file: ALPHA,
    files: { [ALPHA]: alpha({ slug: 'slug: «acme-alfa' }) },
  },
  {
    name: 'slug without product prefix',
    rule: 'slug/product-prefix',
    file: 'personas/acme/alpha.yaml',
    suggests: 'acme-alpha',
    files: {
      'personas/acme/alpha.yaml': personaText('alpha', {
        id: 'APP-103',
        product: 'acme',
        title: 'Alpha',
        overrides: { slug: 'slug: «alpha' },
      }),
    },
  },
  {
    name: 'product differs from folder',
    rule: 'product/folder-mismatch',
    file: ALPHA,
    files: { [ALPHA]: alpha({ product: 'product: «acne' }) },
  },
  // --- links
  {
    name: 'link to a missing persona',
    rule: 'link/unknown-persona',
    file: ALPHA,
    suggests: 'acme-beta',
    files: { [ALPHA]: alpha({}, ['acme-betta']).replace('persona: acme-betta', 'persona: «acme-betta') },
  },
  {
    name: 'link by id instead of slug',
    rule: 'link/unknown-persona',
    file: ALPHA,
    suggests: 'acme-beta',
    files: {
      [ALPHA]: alpha({
        composability: 'composability:\n  - persona: «APP-102\n    relation: contrast\n    note: "x"',
      }),
    },
  },
  {
    name: 'link to itself',
    rule: 'link/self',
    file: ALPHA,
    files: {
      [ALPHA]: alpha({
        composability:
          'composability:\n  - persona: acme-beta\n    relation: contrast\n    note: "x"\n  - persona: «acme-alpha\n    relation: contrast\n    note: "x"',
      }),
    },
  },
  {
    name: 'same link twice',
    rule: 'link/duplicate',
    file: ALPHA,
    files: {
      [ALPHA]: alpha({
        composability:
          'composability:\n  - persona: acme-beta\n    relation: contrast\n    note: "x"\n  - persona: «acme-beta\n    relation: use-with\n    note: "y"',
      }),
    },
  },
  {
    name: 'link not returned',
    rule: 'link/not-reciprocated',
    severity: 'warning',
    file: ALPHA,
    files: {
      [BETA]: personaText('acme-beta', { id: 'APP-102' }),
      [ALPHA]: alpha({}).replace('persona: acme-beta', 'persona: «acme-beta'),
    },
  },
  // --- lints
  {
    name: 'job story without the shape',
    rule: 'lint/job-story-shape',
    severity: 'warning',
    file: ALPHA,
    files: { [ALPHA]: alpha({ job_story: 'job_story: «"I want to see every error."' }) },
  },
  {
    name: 'job story template slip',
    rule: 'lint/job-story-shape',
    severity: 'warning',
    file: ALPHA,
    files: {
      [ALPHA]: alpha({
        job_story: 'job_story: «"When I\'m it\'s wednesday afternoon, I want answers, so I can rest."',
      }),
    },
  },
  {
    name: 'list item cut mid-sentence',
    rule: 'lint/cut-list-item',
    severity: 'warning',
    file: ALPHA,
    files: {
      [ALPHA]: alpha({
        impact:
          'impact:\n  - «"Smarter grouping that separates distinct errors instead of"\n  - "bucketing them by similar stack trace."',
      }),
    },
  },
  {
    name: 'two personas with one title',
    rule: 'lint/duplicate-title',
    severity: 'warning',
    file: BETA,
    files: {
      [BETA]: personaText('acme-beta', {
        id: 'APP-102',
        links: ['acme-alpha'],
        overrides: { title: 'title: «"The acme-alpha persona"' },
      }),
    },
  },
  // --- tags
  {
    name: 'a tag outside the vocabulary, with the vocabulary’s spelling suggested',
    rule: 'tag/unknown',
    severity: 'warning',
    file: ALPHA,
    suggests: 'monitoring',
    files: {
      'tags.yaml': VOCABULARY,
      [ALPHA]: alpha({ tags: 'tags:\n  - «monitorings\n  - production' }),
    },
  },
  {
    name: 'two spellings of one tag across personas (no vocabulary)',
    rule: 'tag/near-duplicate',
    severity: 'warning',
    file: ALPHA,
    suggests: 'production',
    files: { [ALPHA]: alpha({ tags: 'tags:\n  - monitoring\n  - «productions' }) },
  },
  {
    name: 'two spellings of one tag in the vocabulary',
    rule: 'tag/near-duplicate',
    severity: 'warning',
    file: 'tags.yaml',
    suggests: 'on-call',
    files: {
      'tags.yaml': `${VOCABULARY}  «oncall: "Engineers who carry the pager."\n`,
    },
  },
  {
    name: 'TODO left in',
    rule: 'lint/placeholder',
    severity: 'warning',
    file: ALPHA,
    files: { [ALPHA]: alpha({ identity: 'identity: «"TODO: describe them."' }) },
  },
  {
    name: 'lorem ipsum in a list',
    rule: 'lint/placeholder',
    severity: 'warning',
    file: ALPHA,
    files: { [ALPHA]: alpha({ worldview: 'worldview:\n  - «"Lorem ipsum dolor sit amet."' }) },
  },
  {
    name: 'TODO spelled with an escape the source does not show',
    rule: 'lint/placeholder',
    severity: 'warning',
    file: ALPHA,
    files: { [ALPHA]: alpha({ identity: 'identity: «"\\u0054ODO: describe them."' }) },
  },
  {
    name: 'the same job story and identity as another persona of the product',
    rule: 'lint/duplicate-persona',
    severity: 'warning',
    file: BETA,
    files: {
      [BETA]: personaText('acme-beta', {
        id: 'APP-102',
        links: ['acme-alpha'],
        overrides: {
          job_story:
            'job_story: «"When a deploy goes out late on a Friday, I want the errors grouped by release, so I can roll back within minutes."',
          identity:
            'identity: "A backend developer on a six-person team who inherited the monitoring setup."',
        },
      }),
    },
  },
  // --- privacy
  {
    name: 'an e-mail address',
    rule: 'privacy/email',
    severity: 'warning',
    file: ALPHA,
    files: { [ALPHA]: alpha({ identity: 'identity: "Write to «jane@globex.io first."' }) },
  },
  {
    name: 'a phone number',
    rule: 'privacy/phone',
    severity: 'warning',
    file: ALPHA,
    files: { [ALPHA]: alpha({ identity: 'identity: "Paged on «+1 (555) 010-4477 at night."' }) },
  },
  {
    name: 'an IP address',
    rule: 'privacy/ip-address',
    severity: 'warning',
    file: ALPHA,
    files: { [ALPHA]: alpha({ context: 'context: "The VPN is «10.0.4.17 for the office."' }) },
  },
  {
    name: 'an API token',
    rule: 'privacy/secret',
    severity: 'warning',
    file: ALPHA,
    files: {
      [ALPHA]: alpha({ context: 'context: "CI uses «ghp_aB3dE5fG7hI9jK1lM3nO5pQ7rS9tU1vW3xY5 today."' }),
    },
  },
  {
    name: 'a named customer',
    rule: 'privacy/customer-name',
    severity: 'warning',
    file: ALPHA,
    files: { [ALPHA]: alpha({ scenario: 'scenario: "Our client «Globex calls at nine."' }) },
  },
  // --- file layout and encoding
  {
    name: 'no modeline',
    rule: 'file/missing-modeline',
    severity: 'warning',
    file: ALPHA,
    files: { [ALPHA]: `«${alpha({}).split('\n').slice(1).join('\n')}` },
  },
  {
    name: 'persona outside a product folder',
    rule: 'file/misplaced',
    file: 'personas/acme-gamma.yaml',
    files: { 'personas/acme-gamma.yaml': `«${personaText('acme-gamma', { id: 'APP-103', title: 'G' })}` },
  },
  {
    name: '.yml extension',
    rule: 'file/wrong-extension',
    file: 'personas/acme/acme-gamma.yml',
    files: { 'personas/acme/acme-gamma.yml': `«${personaText('acme-gamma', { id: 'APP-103', title: 'G' })}` },
  },
  {
    name: 'empty file',
    rule: 'file/empty',
    file: 'personas/acme/acme-gamma.yaml',
    files: { 'personas/acme/acme-gamma.yaml': '«' },
  },
  {
    name: 'comments only',
    rule: 'file/empty',
    file: 'personas/acme/acme-gamma.yaml',
    files: { 'personas/acme/acme-gamma.yaml': '«# nothing here\n\n' },
  },
  {
    name: 'NUL byte',
    rule: 'file/binary',
    file: 'personas/acme/acme-gamma.yaml',
    at: { line: 2, column: 5 },
    files: {
      'personas/acme/acme-gamma.yaml': new Uint8Array([
        0x69, 0x64, 0x3a, 0x0a, 0x61, 0x62, 0x63, 0x64, 0x00, 0x01,
      ]),
    },
  },
  {
    name: 'invalid UTF-8',
    rule: 'file/invalid-utf8',
    file: 'personas/acme/acme-gamma.yaml',
    at: { line: 1, column: 8 },
    files: {
      'personas/acme/acme-gamma.yaml': new Uint8Array([
        ...new TextEncoder().encode('title: '),
        0xc3,
        0x28,
        0x0a,
      ]),
    },
  },
  {
    name: 'over 256 KB',
    rule: 'file/too-large',
    file: 'personas/acme/acme-gamma.yaml',
    at: { line: 1, column: 1 },
    files: { 'personas/acme/acme-gamma.yaml': `id: APP-103\nidentity: "${'x'.repeat(300_000)}"\n` },
  },
  // --- canonical form (what `persona fmt` rewrites)
  {
    name: 'a byte order mark',
    rule: 'format/bom',
    severity: 'warning',
    file: ALPHA,
    at: { line: 1, column: 1 },
    files: { [ALPHA]: new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(alpha({}))]) },
  },
  {
    name: 'CRLF line endings, reported at the first',
    rule: 'format/line-endings',
    severity: 'warning',
    file: ALPHA,
    files: { [ALPHA]: alpha({}).replace(/\n/g, '\r\n').replace('\r', '«\r') },
  },
  {
    name: 'one CRLF line among LF lines',
    rule: 'format/line-endings',
    severity: 'warning',
    file: ALPHA,
    files: {
      [ALPHA]: alpha({ intention: 'intention: "To know about breakage before anyone else does."«\r' }),
    },
  },
  {
    name: 'keys out of order, at the first line that differs',
    rule: 'format/not-canonical',
    severity: 'warning',
    file: ALPHA,
    files: { [ALPHA]: alpha({ slug: '«title: "The acme-alpha persona"', title: 'slug: acme-alpha' }) },
  },
  {
    name: 'a list indented by four spaces',
    rule: 'format/not-canonical',
    severity: 'warning',
    file: ALPHA,
    files: { [ALPHA]: alpha({ worldview: 'worldview:\n«    - "An alert nobody acts on is noise."' }) },
  },
  {
    name: 'text folded onto two lines',
    rule: 'format/not-canonical',
    severity: 'warning',
    file: ALPHA,
    files: {
      [ALPHA]: alpha({ intention: '«intention: "To know about breakage before\n  anyone else does."' }),
    },
  },
  {
    name: 'link keys out of order',
    rule: 'format/not-canonical',
    severity: 'warning',
    file: ALPHA,
    files: {
      [ALPHA]: alpha({
        composability:
          'composability:\n«  - relation: pairs-with\n    persona: acme-beta\n    note: "They work the same incidents."',
      }),
    },
  },
  // --- YAML
  {
    name: 'a key indented one space less than its neighbours',
    rule: 'yaml/indentation',
    file: ALPHA,
    files: {
      [ALPHA]: alpha({
        composability:
          'composability:\n  - persona: acme-beta\n   «relation: pairs-with\n    note: "They work the same incidents."',
      }),
    },
  },
  {
    name: 'spaces then a tab before a key',
    rule: 'yaml/tab',
    file: ALPHA,
    files: {
      [ALPHA]: alpha({
        composability:
          'composability:\n  - persona: acme-beta\n  «\t relation: pairs-with\n    note: "They work the same incidents."',
      }),
    },
  },
  {
    name: 'unclosed quote',
    rule: 'yaml/syntax',
    file: ALPHA,
    files: { [ALPHA]: alpha({ intention: 'intention: "To know first.«\nrest: 1' }) },
  },
  {
    name: 'key twice (reported at the second)',
    rule: 'yaml/duplicate-key',
    file: ALPHA,
    files: { [ALPHA]: `${alpha({})}«aha_moment: "Again."\n` },
  },
  {
    name: 'two documents',
    rule: 'yaml/multiple-documents',
    file: ALPHA,
    files: { [ALPHA]: `${alpha({})}«---\nid: APP-999\n` },
  },
  {
    name: 'top level is a list',
    rule: 'yaml/not-a-mapping',
    file: 'personas/acme/acme-gamma.yaml',
    files: { 'personas/acme/acme-gamma.yaml': '«- id: APP-103\n- slug: acme-gamma\n' },
  },
  {
    name: 'alias',
    rule: 'yaml/alias',
    file: ALPHA,
    files: { [ALPHA]: alpha({ goals: 'goals: &g\n  - "One goal."', frustrations: 'frustrations: «*g' }) },
  },
  {
    name: 'js function tag',
    rule: 'yaml/unsupported-tag',
    file: ALPHA,
    files: { [ALPHA]: alpha({ aha_moment: 'aha_moment: «!!js/function "function () {}"' }) },
  },
  {
    name: 'binary tag',
    rule: 'yaml/unsupported-tag',
    file: ALPHA,
    files: { [ALPHA]: alpha({ aha_moment: 'aha_moment: «!!binary aGVsbG8=' }) },
  },
  {
    name: 'YAML 1.1 directive',
    rule: 'yaml/unsupported-directive',
    file: ALPHA,
    files: { [ALPHA]: `«%YAML 1.1\n---\n${alpha({})}` },
  },
  {
    name: 'unknown directive',
    rule: 'yaml/warning',
    file: ALPHA,
    files: { [ALPHA]: `«%FOO bar\n---\n${alpha({})}` },
  },
  {
    name: '__proto__ key',
    rule: 'yaml/forbidden-key',
    file: ALPHA,
    files: { [ALPHA]: `${alpha({})}«__proto__:\n  polluted: true\n` },
  },
  {
    name: 'list as a key',
    rule: 'yaml/non-string-key',
    file: ALPHA,
    files: { [ALPHA]: `${alpha({})}? «[a, b]\n: x\n` },
  },
  {
    name: 'nesting too deep',
    rule: 'yaml/too-deep',
    file: ALPHA,
    files: {
      [ALPHA]: alpha({ community: `community: ${'['.repeat(15)}«${'['.repeat(4)}1${']'.repeat(19)}` }),
    },
  },
  {
    name: 'half of a character (a lone surrogate escape)',
    rule: 'yaml/invalid-text',
    file: ALPHA,
    files: { [ALPHA]: alpha({ context: 'context: «"Lone \\ud800 surrogate."' }) },
  },
];

RULE_CASES.push(
  {
    name: 'set tag',
    rule: 'yaml/unsupported-tag',
    file: ALPHA,
    files: { [ALPHA]: alpha({ tags: 'tags: «!!set {a, b}' }) },
  },
  {
    name: 'local tag',
    rule: 'yaml/unsupported-tag',
    file: ALPHA,
    files: { [ALPHA]: alpha({ title: 'title: «!foo "x"' }) },
  },
);
