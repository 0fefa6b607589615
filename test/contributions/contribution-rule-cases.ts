import {
  contribution,
  fixturePersonas,
  MONITOR,
  replaceField,
  withCommunity,
} from './contribution-helpers.ts';

const DIR = 'contributions/sentry-error-monitor';
const monitor = () => fixturePersonas()[MONITOR] as string;
const FRUSTRATION_3 = 'Crawler and browser-extension noise eating the monthly error quota.';

export interface ContributionRuleCase {
  name: string;
  rule: string;
  severity?: 'error' | 'warning';
  /** Files added to (or replacing files of) the fixture library; exactly one holds a « marker, or `at` is set. */
  files: Record<string, string | Uint8Array>;
  file: string;
  at?: { line: number; column: number };
  suggests?: string;
}

/** One failing case per contribution rule (and the persona rules a contribution file can break). */
export const CONTRIBUTION_RULE_CASES: ContributionRuleCase[] = [
  {
    name: 'misspelt persona slug',
    rule: 'contribution/unknown-persona',
    file: `${DIR}/a.yaml`,
    suggests: 'sentry-error-monitor',
    files: {
      [`${DIR}/a.yaml`]: contribution(
        'persona: «sentry-eror-monitor',
        'field: goals',
        'action: confirm',
        'author: octocat',
      ),
    },
  },
  {
    name: 'unknown persona id',
    rule: 'contribution/unknown-persona',
    file: `${DIR}/a.yaml`,
    files: {
      [`${DIR}/a.yaml`]: contribution(
        'persona: «APP-999',
        'field: goals',
        'action: confirm',
        'author: octocat',
      ),
    },
  },
  {
    name: 'contribution in another persona’s folder',
    rule: 'contribution/folder-mismatch',
    severity: 'warning',
    file: 'contributions/sentry-release-guardian/a.yaml',
    files: {
      'contributions/sentry-release-guardian/a.yaml': contribution(
        'persona: «sentry-error-monitor',
        'field: goals',
        'action: confirm',
        'author: octocat',
      ),
    },
  },
  {
    name: 'contribution to the id',
    rule: 'contribution/protected-field',
    file: `${DIR}/a.yaml`,
    files: {
      [`${DIR}/a.yaml`]: contribution(
        'persona: sentry-error-monitor',
        'field: «id',
        'action: correct',
        'value: "APP-999"',
        'original: "APP-101"',
        'author: octocat',
        'rationale: "Because."',
      ),
    },
  },
  {
    name: 'contribution to the community provenance',
    rule: 'contribution/protected-field',
    file: `${DIR}/a.yaml`,
    files: {
      [`${DIR}/a.yaml`]: contribution(
        'persona: sentry-error-monitor',
        'field: «community',
        'action: confirm',
        'author: octocat',
      ),
    },
  },
  {
    name: 'extend on a text field',
    rule: 'contribution/action-field-mismatch',
    file: `${DIR}/a.yaml`,
    files: {
      [`${DIR}/a.yaml`]: contribution(
        'persona: sentry-error-monitor',
        'field: aha_moment',
        'action: «extend',
        'value: "More."',
        'author: octocat',
      ),
    },
  },
  {
    name: 'item on a text field',
    rule: 'contribution/action-field-mismatch',
    file: `${DIR}/a.yaml`,
    files: {
      [`${DIR}/a.yaml`]: contribution(
        'persona: sentry-error-monitor',
        'field: scenario',
        'action: confirm',
        'item: «2',
        'author: octocat',
      ),
    },
  },
  {
    name: 'correction of a list without item',
    rule: 'contribution/action-field-mismatch',
    file: `${DIR}/a.yaml`,
    files: {
      [`${DIR}/a.yaml`]: contribution(
        'persona: sentry-error-monitor',
        'field: goals',
        'action: «correct',
        'value: "New."',
        'original: "Old."',
        'author: octocat',
        'rationale: "Because."',
      ),
    },
  },
  {
    name: 'value on a confirm',
    rule: 'contribution/unexpected-key',
    file: `${DIR}/a.yaml`,
    files: {
      [`${DIR}/a.yaml`]: contribution(
        'persona: sentry-error-monitor',
        'field: goals',
        'action: confirm',
        '«value: "Something else."',
        'author: octocat',
      ),
    },
  },
  {
    name: 'item on an extend',
    rule: 'contribution/unexpected-key',
    file: `${DIR}/a.yaml`,
    files: {
      [`${DIR}/a.yaml`]: contribution(
        'persona: sentry-error-monitor',
        'field: goals',
        'action: extend',
        '«item: 2',
        'value: "A new goal."',
        'author: octocat',
      ),
    },
  },
  {
    name: 'file name starting with a date that does not exist',
    rule: 'contribution/invalid-date',
    file: `${DIR}/2026-02-30-octocat-goals.yaml`,
    at: { line: 1, column: 1 },
    files: {
      [`${DIR}/2026-02-30-octocat-goals.yaml`]: contribution(
        'persona: sentry-error-monitor',
        'field: goals',
        'action: confirm',
        'author: octocat',
      ),
    },
  },
  {
    name: 'correction to the same text',
    rule: 'contribution/no-change',
    file: `${DIR}/a.yaml`,
    files: {
      [`${DIR}/a.yaml`]: contribution(
        'persona: sentry-error-monitor',
        'field: frustrations',
        'action: correct',
        'item: 3',
        `value: «"${FRUSTRATION_3}"`,
        `original: "${FRUSTRATION_3}"`,
        'author: octocat',
        'rationale: "Because."',
      ),
    },
  },
  {
    name: 'item beyond the end of the list',
    rule: 'contribution/item-out-of-range',
    file: `${DIR}/a.yaml`,
    files: {
      [`${DIR}/a.yaml`]: contribution(
        'persona: sentry-error-monitor',
        'field: goals',
        'action: confirm',
        'item: «9',
        'author: octocat',
      ),
    },
  },
  {
    name: 'correction of text that has changed',
    rule: 'contribution/stale-original',
    file: `${DIR}/a.yaml`,
    files: {
      [`${DIR}/a.yaml`]: contribution(
        'persona: sentry-error-monitor',
        'field: frustrations',
        'action: correct',
        'item: 3',
        'value: "Bot noise eats the quota by mid-month."',
        'original: «"Crawler noise eating the monthly error quota."',
        'author: octocat',
        'rationale: "Because."',
      ),
    },
  },
  {
    name: 'a parked correction whose text has not come back (a warning, not an error)',
    rule: 'contribution/parked',
    severity: 'warning',
    file: `${DIR}/stale/a.yaml`,
    files: {
      [`${DIR}/stale/a.yaml`]: contribution(
        'persona: sentry-error-monitor',
        'field: frustrations',
        'action: correct',
        'item: 3',
        'value: "Bot noise eats the quota by mid-month."',
        'original: «"Crawler noise eating the monthly error quota."',
        'author: octocat',
        'rationale: "Because."',
      ),
    },
  },
  {
    name: 'extension repeating an item (other case and punctuation)',
    rule: 'contribution/duplicate-item',
    file: `${DIR}/a.yaml`,
    files: {
      [`${DIR}/a.yaml`]: contribution(
        'persona: sentry-error-monitor',
        'field: goals',
        'action: extend',
        'value: «"read stack traces in the original TypeScript thanks to source maps"',
        'author: octocat',
      ),
    },
  },
  {
    name: 'two pending extensions adding the same item',
    rule: 'contribution/duplicate-item',
    file: `${DIR}/b.yaml`,
    files: {
      [`${DIR}/a.yaml`]: contribution(
        'persona: sentry-error-monitor',
        'field: goals',
        'action: extend',
        'value: "Know the release behind every new issue."',
        'author: octocat',
      ),
      [`${DIR}/b.yaml`]: contribution(
        'persona: sentry-error-monitor',
        'field: goals',
        'action: extend',
        'value: «"Know the release behind every new issue"',
        'author: hubot',
      ),
    },
  },
  {
    name: 'author who already confirmed the field (from the provenance)',
    rule: 'contribution/duplicate-confirm',
    file: `${DIR}/a.yaml`,
    files: {
      [MONITOR]: withCommunity(
        monitor(),
        [
          'community:',
          '  confirmations: 1',
          '  contributors:',
          '    - octocat',
          '  fields:',
          '    goals:',
          '      confirmed: 1',
          '      corrected: 0',
          '      extended: 0',
          '      contributors:',
          '        - octocat',
          '      confirmed_by:',
          '        - octocat',
        ].join('\n'),
      ),
      [`${DIR}/a.yaml`]: contribution(
        'persona: sentry-error-monitor',
        'field: goals',
        'action: confirm',
        'author: «octocat',
      ),
    },
  },
  {
    name: 'author confirming the same field in two pending files',
    rule: 'contribution/duplicate-confirm',
    file: `${DIR}/b.yaml`,
    files: {
      [`${DIR}/a.yaml`]: contribution(
        'persona: sentry-error-monitor',
        'field: goals',
        'action: confirm',
        'author: octocat',
      ),
      [`${DIR}/b.yaml`]: contribution(
        'persona: APP-101',
        'field: goals',
        'action: confirm',
        'item: 2',
        'author: «octocat',
      ),
    },
  },
  {
    name: 'two pending corrections of the same item',
    rule: 'contribution/conflicting-corrections',
    severity: 'warning',
    file: `${DIR}/b.yaml`,
    files: {
      [`${DIR}/a.yaml`]: contribution(
        'persona: sentry-error-monitor',
        'field: frustrations',
        'action: correct',
        'item: 3',
        'value: "Bot noise eats the quota by mid-month."',
        `original: "${FRUSTRATION_3}"`,
        'author: octocat',
        'rationale: "Because."',
      ),
      [`${DIR}/b.yaml`]: contribution(
        'persona: sentry-error-monitor',
        'field: «frustrations',
        'action: correct',
        'item: 3',
        'value: "Crawler noise burns the quota."',
        `original: "${FRUSTRATION_3}"`,
        'author: hubot',
        'rationale: "Because."',
      ),
    },
  },
  {
    name: 'extension past the maximum number of items',
    rule: 'contribution/breaks-persona',
    file: `${DIR}/a.yaml`,
    files: {
      [MONITOR]: replaceField(
        monitor(),
        'goals',
        `goals:\n${Array.from({ length: 12 }, (_, i) => `  - "Goal number ${i + 1} of twelve."`).join('\n')}`,
      ),
      [`${DIR}/a.yaml`]: contribution(
        'persona: sentry-error-monitor',
        'field: goals',
        'action: extend',
        'value: «"A thirteenth goal."',
        'author: octocat',
      ),
    },
  },
  {
    name: 'list item longer than a persona allows',
    rule: 'contribution/breaks-persona',
    file: `${DIR}/a.yaml`,
    files: {
      [`${DIR}/a.yaml`]: contribution(
        'persona: sentry-error-monitor',
        'field: goals',
        'action: extend',
        `value: «"${'A very long goal. '.repeat(30).trim()}"`,
        'author: octocat',
      ),
    },
  },
  {
    name: 'persona with errors of its own',
    rule: 'contribution/persona-has-errors',
    file: `${DIR}/a.yaml`,
    files: {
      [MONITOR]: monitor().replace('category: technical', 'category: wizardry'),
      [`${DIR}/a.yaml`]: contribution(
        'persona: «sentry-error-monitor',
        'field: goals',
        'action: confirm',
        'author: octocat',
      ),
    },
  },
  // --- the schema and file rules, as they apply to contributions
  {
    name: 'extension without value',
    rule: 'schema/missing-key',
    file: `${DIR}/a.yaml`,
    files: {
      [`${DIR}/a.yaml`]: contribution(
        '«persona: sentry-error-monitor',
        'field: goals',
        'action: extend',
        'author: octocat',
      ),
    },
  },
  {
    name: 'correction without rationale',
    rule: 'schema/missing-key',
    file: `${DIR}/a.yaml`,
    files: {
      [`${DIR}/a.yaml`]: contribution(
        '«persona: sentry-error-monitor',
        'field: aha_moment',
        'action: correct',
        'value: "New."',
        'original: "Old."',
        'author: octocat',
      ),
    },
  },
  {
    name: 'misspelt action',
    rule: 'schema/not-allowed',
    file: `${DIR}/a.yaml`,
    suggests: 'confirm',
    files: {
      [`${DIR}/a.yaml`]: contribution(
        'persona: sentry-error-monitor',
        'field: goals',
        'action: «confrim',
        'author: octocat',
      ),
    },
  },
  {
    name: 'misspelt field',
    rule: 'schema/not-allowed',
    file: `${DIR}/a.yaml`,
    suggests: 'frustrations',
    files: {
      [`${DIR}/a.yaml`]: contribution(
        'persona: sentry-error-monitor',
        'field: «frustation',
        'action: confirm',
        'author: octocat',
      ),
    },
  },
  {
    name: 'author that is not a GitHub login',
    rule: 'schema/invalid-format',
    file: `${DIR}/a.yaml`,
    files: {
      [`${DIR}/a.yaml`]: contribution(
        'persona: sentry-error-monitor',
        'field: goals',
        'action: confirm',
        'author: «octo cat',
      ),
    },
  },
  {
    name: 'contribution without the modeline',
    rule: 'file/missing-modeline',
    severity: 'warning',
    file: `${DIR}/a.yaml`,
    files: {
      [`${DIR}/a.yaml`]: '«persona: sentry-error-monitor\nfield: goals\naction: confirm\nauthor: octocat\n',
    },
  },
  {
    name: 'contribution with a byte order mark',
    rule: 'format/bom',
    severity: 'warning',
    file: `${DIR}/a.yaml`,
    at: { line: 1, column: 1 },
    files: {
      [`${DIR}/a.yaml`]: new Uint8Array([
        0xef,
        0xbb,
        0xbf,
        ...new TextEncoder().encode(
          contribution('persona: sentry-error-monitor', 'field: goals', 'action: confirm', 'author: octocat'),
        ),
      ]),
    },
  },
  {
    name: 'contribution with CRLF line endings',
    rule: 'format/line-endings',
    severity: 'warning',
    file: `${DIR}/a.yaml`,
    files: {
      [`${DIR}/a.yaml`]: contribution(
        'persona: sentry-error-monitor',
        'field: goals',
        'action: confirm',
        'author: octocat',
      )
        .replace(/\n/g, '\r\n')
        .replace('\r', '«\r'),
    },
  },
  {
    name: 'contribution outside a persona folder',
    rule: 'file/misplaced',
    file: 'contributions/a.yaml',
    at: { line: 1, column: 1 },
    files: {
      'contributions/a.yaml': contribution(
        'persona: sentry-error-monitor',
        'field: goals',
        'action: confirm',
        'author: octocat',
      ),
    },
  },
];
