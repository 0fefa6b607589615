import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkConfig } from '../../scripts/check/config/check-config.ts';
import { compileSchema } from '../../scripts/check/schema/compile-schema.ts';
import { validateFiles } from '../../scripts/check/validate-files.ts';
import type { Diagnostic } from '../../scripts/core/diagnostic.ts';
import { DEFAULT_SETTINGS, type LintSettings } from '../../scripts/core/lint-settings.ts';
import { personaValidator } from '../helpers/check-in-memory.ts';
import { personaText } from '../helpers/persona-text.ts';
import { REPO_ROOT } from '../helpers/run-cli.ts';
import { ALPHA, baseLibrary } from './rule-cases.ts';

const schema = (name: string) =>
  compileSchema(JSON.parse(readFileSync(path.join(REPO_ROOT, 'schemas', name), 'utf8')));
const validateContribution = schema('contribution.schema.json');
const validateConfig = schema('config.schema.json');

/**
 * A value with its expected finding marked: `«` where the span starts, `»` where it ends (exclusive). Returns
 * the text without the markers and the expected 1-based place, given the column the value starts at.
 */
function spanned(value: string, line: number, column: number) {
  const start = value.indexOf('«');
  const end = value.indexOf('»') - 1;
  const text = value.replace('«', '').replace('»', '');
  return { text, place: { line, column: column + start, endLine: line, endColumn: column + end } };
}

/** The privacy diagnostics of acme-alpha with `identity: "<value>"` (its value starts on line 12, column 12). */
function identityWith(value: string, settings: LintSettings = DEFAULT_SETTINGS): Diagnostic[] {
  const files = { ...baseLibrary(), [ALPHA]: identityText(value) };
  return validateFiles({
    personas: Object.entries(files).map(([file, text]) => ({ file, bytes: new TextEncoder().encode(text) })),
    validatePersona: personaValidator,
    settings,
  }).diagnostics.filter((d) => d.rule.startsWith('privacy/'));
}

function identityText(value: string): string {
  return personaText('acme-alpha', {
    id: 'APP-101',
    links: ['acme-beta'],
    overrides: { identity: `identity: "${value}"` },
  });
}

const IDENTITY_LINE = identityText('x')
  .split('\n')
  .findIndex((l) => l.startsWith('identity:'));
const IDENTITY_COLUMN = 'identity: "'.length + 1;

/** Each rule: texts it reports, at the marked span, and texts it must leave alone. */
const CASES: Array<{ rule: string; reported: string[]; quiet: string[] }> = [
  {
    rule: 'privacy/email',
    reported: [
      'Reach them at «jane.doe@acme-widgets.io» for interviews.',
      'Their inbox («ops+alerts@mail.globex.co.uk») fills up.',
    ],
    quiet: [
      'They write to support@example.com in the docs.',
      'They mention @octocat in every pull request.',
      'A user@localhost account for tests.',
    ],
  },
  {
    rule: 'privacy/phone',
    reported: [
      'Call «+44 20 7946 0958» after hours.',
      'The on-call phone is «(555) 010-4477».',
      'Their desk line is «020 7946 0958».',
      'Text «06 12 34 56 78» when it breaks.',
    ],
    quiet: [
      'A B2B scheduling SaaS with about 3,000 customers and 41 users.',
      'Reviewed on 2026-11-18 and again on 2026-12-01.',
      'At 4:20 on Thursday, 63 events from 41 users after the 3:05 release.',
      'Version 16.4.1 of Safari, build 20240101, between 2019 and 2024.',
      'Revenue grew from 1 200 000 to 1 450 000 in a year.',
    ],
  },
  {
    rule: 'privacy/ip-address',
    reported: [
      'The VPN sits at «10.20.30.40» behind the office router.',
      'They ssh to «203.0.114.7:2222» each morning.',
      'Staging answers on «fe80::1ff:fe23:4567:890a» only.',
    ],
    quiet: [
      'Examples use 192.0.2.10 and 2001:db8::1 as documentation addresses.',
      'Chrome 120.0.6099.109 and Node 20.10.0 on localhost 127.0.0.1.',
      'The stand-up runs 10:30 to 10:45 every day.',
    ],
  },
  {
    rule: 'privacy/secret',
    reported: [
      'Their token «ghp_aB3dE5fG7hI9jK1lM3nO5pQ7rS9tU1vW3xY5» is in the wiki.',
      'The key «AKIAIOSFODNN7EXAMPLE» leaked once.',
      'The Slack bot uses «xoxb-1234567890-abcdefghij».',
      'A Stripe key «sk_live_4eC39HqLyjWDarjtT1zdp7dc» in a screenshot.',
      'An API key «xK9mP2qR7vL4nT8wZ3yB6cF1aQ5s» pasted in chat.',
    ],
    quiet: [
      'They run sk-learn models and read the persona-library-persona-library repository.',
      'A B2B-SaaS-with-3000-customers slide and an ErrorBoundaryComponentWrapper2 class.',
      'US-EAST-1-PROD-K8S-CLUSTER-2024 is the cluster name they use.',
      'getUserById2FactorAuthToken is the function everyone calls.',
    ],
  },
  {
    rule: 'privacy/customer-name',
    reported: [
      'An analyst at «Initech Corp» who owns the billing exports.',
      'They built it for our client «Globex», then reused it.',
      'Their biggest customer, «Umbrella Health», asked for audit logs.',
      'Every report starts with customer: «Hooli».',
      'They onboard customers like «Stark Industries» by hand.',
    ],
    quiet: [
      'A developer at a B2B scheduling SaaS with about 3,000 customers.',
      'Customer A and client X asked for the same export.',
      'They hand the list to our customer Success team every Monday.',
      'At Vercel they deploy previews; our customers use Slack.',
      'The customer portal and the client dashboard share a login.',
    ],
  },
];

describe.each(CASES)('$rule', ({ rule, reported, quiet }) => {
  it.each(reported)('reports %j at the exact span', (marked) => {
    const { text, place } = spanned(marked, IDENTITY_LINE + 1, IDENTITY_COLUMN);
    const found = identityWith(text);
    expect(found.map((d) => d.rule)).toEqual([rule]);
    const [d] = found as [Diagnostic];
    expect({ line: d.line, column: d.column, endLine: d.endLine, endColumn: d.endColumn }).toEqual(place);
    expect(d.severity).toBe('warning');
    expect(d.hint.length).toBeGreaterThan(20);
    // The detail is never repeated in the report: it is on a pull request already, and logs keep what they see.
    expect(`${d.message} ${d.hint}`).not.toContain(
      text.slice(place.column - IDENTITY_COLUMN, place.endColumn - IDENTITY_COLUMN),
    );
  });

  it.each(quiet)('leaves %j alone', (text) => {
    expect(identityWith(text)).toEqual([]);
  });
});

describe('privacy rules: where they look', () => {
  it('reports a detail in a list item as item N, counted from 1', () => {
    const files = {
      ...baseLibrary(),
      [ALPHA]: personaText('acme-alpha', {
        id: 'APP-101',
        links: ['acme-beta'],
        overrides: { goals: 'goals:\n  - "Keep alerts quiet."\n  - "Mail jane@globex.io daily."' },
      }),
    };
    const [d] = validateFiles({
      personas: Object.entries(files).map(([file, text]) => ({
        file,
        bytes: new TextEncoder().encode(text),
      })),
      validatePersona: personaValidator,
    }).diagnostics.filter((x) => x.rule === 'privacy/email');
    expect(d?.message).toMatch(/^`goals` item 2 holds/);
  });

  it('falls back to the whole value when an escape hides the text, and still reports it', () => {
    const found = identityWith('Reach jane\\u0040globex.io any time.');
    expect(found.map((d) => d.rule)).toEqual(['privacy/email']);
    expect(found[0]?.column).toBe(IDENTITY_COLUMN - 1);
  });

  it('never reads the community block (logins and dates the tools write)', () => {
    const text = `${identityText('A developer.')}community:\n  contributors:\n    - jane\n  last_reviewed: 2026-11-18\n`;
    expect(text).toBeTruthy();
    const files = { ...baseLibrary(), [ALPHA]: text };
    const found = validateFiles({
      personas: Object.entries(files).map(([file, t]) => ({ file, bytes: new TextEncoder().encode(t) })),
      validatePersona: personaValidator,
    }).diagnostics.filter((d) => d.rule.startsWith('privacy/'));
    expect(found).toEqual([]);
  });

  it("checks a contribution's own text: value, rationale, evidence", () => {
    const contribution = [
      '# yaml-language-server: $schema=../../schemas/contribution.schema.json',
      'persona: acme-alpha',
      'field: goals',
      'action: extend',
      'author: octocat',
      'value: "Page them on +1 (555) 010-4477 at night."',
      'rationale: "Our client Globex told me."',
      '',
    ].join('\n');
    const files = baseLibrary();
    const found = validateFiles({
      personas: Object.entries(files).map(([file, t]) => ({ file, bytes: new TextEncoder().encode(t) })),
      contributions: [
        {
          file: 'contributions/acme-alpha/2026-11-20-octocat-goals.yaml',
          bytes: new TextEncoder().encode(contribution),
        },
      ],
      validatePersona: personaValidator,
      validateContribution,
    }).diagnostics.filter((d) => d.rule.startsWith('privacy/'));
    expect(found.map((d) => [d.rule, d.line, d.column, d.endColumn])).toEqual([
      ['privacy/phone', 6, 22, 39],
      ['privacy/customer-name', 7, 24, 30],
    ]);
  });
});

describe('the allow-list in persona.config.yaml', () => {
  const config = (yaml: string) =>
    checkConfig({ file: 'persona.config.yaml', bytes: new TextEncoder().encode(yaml) }, validateConfig);

  it('allows the names it lists, ignoring case, spacing and a company suffix', () => {
    const { settings, diagnostics } = config('privacy:\n  allow:\n    - initech\n    - Globex\n');
    expect(diagnostics).toEqual([]);
    expect(identityWith('An analyst at Initech Corp; their client Globex pays.', settings)).toEqual([]);
    expect(identityWith('An analyst at Initech Corp; their client Globex pays.').length).toBe(2);
  });

  it("always allows the persona's own product", () => {
    expect(identityWith('They moved our client Acme to the new plan.')).toEqual([]);
  });

  it.each([
    ['privacy:\n  alow: [Acme]\n', 'schema/unknown-key', 2, 3],
    ['privacy:\n  allow: Acme\n', 'schema/wrong-type', 2, 10],
    ['privacy:\n  allow:\n    - " Acme"\n', 'schema/invalid-format', 3, 7],
    ['privacy: [\n', 'yaml/syntax', 2, 1],
    ['- Acme\n', 'yaml/not-a-mapping', 1, 1],
  ])('an invalid config is itself a diagnostic: %j', (yaml, rule, line, column) => {
    const { diagnostics } = config(yaml);
    expect(diagnostics.map((d) => [d.file, d.rule, d.severity])).toContainEqual([
      'persona.config.yaml',
      rule,
      'error',
    ]);
    const d = diagnostics.find((x) => x.rule === rule);
    expect([d?.line, d?.column]).toEqual([line, column]);
  });

  it('suggests the key it meant', () => {
    const [d] = config('privacy:\n  alow: [Acme]\n').diagnostics;
    expect(d?.hint).toContain('`allow`');
  });

  it('an empty file, or none, configures nothing and is no problem', () => {
    expect(config('# nothing yet\n')).toEqual({ settings: DEFAULT_SETTINGS, diagnostics: [] });
    expect(checkConfig(null, validateConfig)).toEqual({ settings: DEFAULT_SETTINGS, diagnostics: [] });
  });
});
