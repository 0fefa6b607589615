import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CONTRIBUTION_MODELINE } from '../../scripts/core/persona-fields.ts';
import { FIXTURE_LIBRARY, snapshot } from '../contributions/contribution-helpers.ts';
import { runCli, scratchLibrary } from '../helpers/run-cli.ts';
import { scenario } from '../helpers/scenario.ts';

let cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups) cleanup();
  cleanups = [];
});

function library(): string {
  const { root, cleanup } = scratchLibrary(FIXTURE_LIBRARY);
  cleanups.push(cleanup);
  return root;
}

async function contribute(root: string, ...args: string[]) {
  return runCli(['contribute', ...args, '--root', root]);
}

describe('persona contribute', () => {
  it('writes a confirm, a correct (with original filled in) and an extend that validate cleanly', async () => {
    const root = library();
    const confirm = await contribute(
      root,
      'sentry-error-monitor',
      'aha_moment',
      '--confirm',
      '--author',
      'hubot',
      '--date',
      '2026-11-05',
    );
    const correct = await contribute(
      root,
      'APP-101',
      'frustrations',
      '--correct',
      'Crawler noise eating the monthly error quota before mid-month.',
      '--item',
      '3',
      '--author',
      'monalisa',
      '--rationale',
      'The quota runs out mid-month on small plans.',
      '--date',
      '2026-11-12',
    );
    const extend = await contribute(
      root,
      'sentry-error-monitor',
      'goals',
      '--extend',
      'Know which release introduced an issue: without opening the deploy log.',
      '--author',
      'octocat',
      '--evidence',
      'https://example.com/interview-notes',
      '--date',
      '2026-11-20',
    );
    expect([confirm.code, correct.code, extend.code]).toEqual([0, 0, 0]);
    expect([confirm.stdout, correct.stdout, extend.stdout]).toEqual([
      'contributions/sentry-error-monitor/2026-11-05-hubot-aha-moment.yaml\n',
      'contributions/sentry-error-monitor/2026-11-12-monalisa-frustrations-item-3.yaml\n',
      'contributions/sentry-error-monitor/2026-11-20-octocat-goals.yaml\n',
    ]);
    const text = readFileSync(path.join(root, correct.stdout.trim()), 'utf8');
    expect(text.startsWith(`${CONTRIBUTION_MODELINE}\n`)).toBe(true);
    expect(parse(text)).toEqual({
      persona: 'sentry-error-monitor',
      field: 'frustrations',
      action: 'correct',
      item: 3,
      value: 'Crawler noise eating the monthly error quota before mid-month.',
      original: 'Crawler and browser-extension noise eating the monthly error quota.',
      author: 'monalisa',
      rationale: 'The quota runs out mid-month on small plans.',
    });
    const validate = await runCli(['validate', '--strict', '--root', root]);
    expect([validate.code, validate.stdout]).toEqual([
      0,
      '✔ 3 personas and 3 contributions checked: no problems.\n',
    ]);
    const merge = await runCli(['merge', '--root', root, '--format', 'json']);
    expect(merge.code).toBe(0);
    expect(JSON.parse(merge.stdout).summary).toEqual({ applied: 3, conflicts: 0, personasChanged: 1 });
  });

  scenario('picks a free name when the same file name is taken', async () => {
    const root = library();
    const args = [
      'sentry-error-monitor',
      'goals',
      '--confirm',
      '--item',
      '1',
      '--author',
      'hubot',
      '--date',
      '2026-11-05',
    ];
    await contribute(root, ...args);
    const again = await contribute(
      root,
      'sentry-error-monitor',
      'goals',
      '--confirm',
      '--item',
      '1',
      '--author',
      'amy',
      '--date',
      '2026-11-05',
    );
    expect(again.stdout).toBe('contributions/sentry-error-monitor/2026-11-05-amy-goals-item-1.yaml\n');
    const twice = await contribute(root, ...args);
    expect(twice.code).toBe(1);
  });

  it('refuses to write a contribution that would not be valid, and says why (exit 1)', async () => {
    const root = library();
    const before = snapshot(root);
    const result = await contribute(
      root,
      'sentry-error-monitor',
      'goals',
      '--extend',
      'Read stack traces in the original TypeScript thanks to source maps.',
      '--author',
      'octocat',
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('[contribution/duplicate-item]');
    expect(snapshot(root)).toEqual(before);
    const text = await contribute(
      root,
      'sentry-error-monitor',
      'aha_moment',
      '--extend',
      'More.',
      '--author',
      'octocat',
    );
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('[contribution/action-field-mismatch]');
    const range = await contribute(
      root,
      'sentry-error-monitor',
      'goals',
      '--confirm',
      '--item',
      '9',
      '--author',
      'octocat',
    );
    expect(range.stdout).toContain('[contribution/item-out-of-range]');
    expect(snapshot(root)).toEqual(before);
  });

  it.each([
    [
      'an item it already has',
      ['goals', '--extend', 'Read stack traces in the original TypeScript thanks to source maps.'],
      'contribution/duplicate-item',
      /--confirm --item 2/,
    ],
    [
      '--extend on a text field',
      ['aha_moment', '--extend', 'More.'],
      'contribution/action-field-mismatch',
      /--correct "<new text>"/,
    ],
    [
      'an item past the end',
      ['goals', '--confirm', '--item', '9'],
      'contribution/item-out-of-range',
      /--item/,
    ],
    [
      '--item on a text field',
      ['aha_moment', '--confirm', '--item', '2'],
      'contribution/action-field-mismatch',
      /Leave out --item/,
    ],
    [
      'an item over the length cap',
      ['goals', '--extend', 'Slow builds. '.repeat(35).trim()],
      'contribution/breaks-persona',
      /Shorten the text of --extend/,
    ],
  ])('refuses %s in terms of its flags, not of a file it never wrote', async (_, args, rule, hint) => {
    const root = library();
    const result = await contribute(root, 'sentry-error-monitor', ...args, '--author', 'octocat');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`[${rule}]`);
    expect(result.stdout).toMatch(hint);
    const said = `${result.stdout}${result.stderr}`;
    // No place in a file, and none of the file's words: keys, `action:` lines, "this file", "delete".
    expect(said).not.toMatch(
      /contributions\/\S+:\d+:\d+|this file|[Dd]elete|`(value|item|original|action)`|action: /,
    );
    expect(result.stderr).toMatch(/nothing written; change the flags/);
  });

  it('writes LF only, without a BOM, even for a CRLF persona and text with CRLF in it', async () => {
    const root = library();
    const persona = path.join(root, 'personas/sentry/sentry-error-monitor.yaml');
    writeFileSync(persona, `\uFEFF${readFileSync(persona, 'utf8').replace(/\n/g, '\r\n')}`);
    const value = 'Crawler noise eats the quota.\r\nSmall plans run out mid-month.';
    const result = await contribute(
      root,
      'sentry-error-monitor',
      'frustrations',
      '--correct',
      value,
      '--item',
      '3',
      '--author',
      'monalisa',
      '--rationale',
      'Seen on small plans.',
      '--date',
      '2026-11-12',
    );
    expect(result.code).toBe(0);
    const written = readFileSync(path.join(root, result.stdout.trim()));
    expect(written.includes(0x0d)).toBe(false);
    expect([...written.subarray(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
    expect(parse(written.toString('utf8')).value).toBe(value);
    const validate = await runCli(['validate', '--format', 'json', '--root', root]);
    const rules = (
      JSON.parse(validate.stdout) as { diagnostics: Array<{ file: string; rule: string }> }
    ).diagnostics
      .filter((d) => d.file.startsWith('contributions/'))
      .map((d) => d.rule);
    expect(rules).toEqual([]);
  });

  it.each([
    [['sentry-error-monitor', 'goals', '--author', 'octocat'], /exactly one of --confirm/],
    [
      ['sentry-error-monitor', 'goals', '--confirm', '--extend', 'x', '--author', 'octocat'],
      /exactly one of/,
    ],
    [['sentry-error-monitor', 'goals', '--confirm'], /--author/],
    [['sentry-error-monitor', 'goals', '--confirm', '--author', 'not a login'], /GitHub login/],
    [
      ['sentry-eror-monitor', 'goals', '--confirm', '--author', 'octocat'],
      /Did you mean `sentry-error-monitor`\?/,
    ],
    [['sentry-error-monitor', 'goal', '--confirm', '--author', 'octocat'], /Did you mean `goals`\?/],
    [['sentry-error-monitor', 'id', '--confirm', '--author', 'octocat'], /not a content field/],
    [['sentry-error-monitor', 'outcome', '--correct', 'x', '--author', 'octocat'], /--rationale/],
    [
      ['sentry-error-monitor', 'goals', '--correct', 'x', '--author', 'octocat', '--rationale', 'y'],
      /--item/,
    ],
    [['sentry-error-monitor', 'goals', '--confirm', '--item', '0', '--author', 'octocat'], /--item/],
    [['sentry-error-monitor', 'goals', '--confirm', '--author', 'octocat', '--date', '2026-13-01'], /--date/],
    [['sentry-error-monitor'], /give the persona/],
  ])('exits 2 on bad usage: %j', async (args, message) => {
    const root = library();
    const result = await contribute(root, ...args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(
      Object.keys(snapshot(root)).filter((f) => f.startsWith('contributions/') && f.endsWith('.yaml')),
    ).toEqual([]);
  });
});
