import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { mergeLibrary } from '../../scripts/pipeline/merge-library.ts';
import { contribution, FIXTURE_LIBRARY, MONITOR, writeFiles } from '../contributions/contribution-helpers.ts';
import { scratchLibrary } from '../helpers/run-cli.ts';

const DIR = 'contributions/sentry-error-monitor';
let cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups) cleanup();
  cleanups = [];
});

/** Merges the contributions into the fixture library with `persona` as the monitor persona's bytes. */
async function merge(persona: string | Uint8Array): Promise<Buffer> {
  const { root, cleanup } = scratchLibrary(FIXTURE_LIBRARY);
  cleanups.push(cleanup);
  writeFiles(root, {
    [MONITOR]: persona,
    [`${DIR}/a.yaml`]: contribution(
      'persona: sentry-error-monitor',
      'field: goals',
      'action: extend',
      'value: "Know which release introduced an issue without opening the deploy log."',
      'author: octocat',
    ),
    [`${DIR}/b.yaml`]: contribution(
      'persona: sentry-error-monitor',
      'field: worldview',
      'action: confirm',
      'author: hubot',
    ),
  });
  const { plan } = await mergeLibrary(root, { dryRun: false, date: '2026-01-02' });
  expect(plan.conflicts).toEqual([]);
  expect(plan.applied).toHaveLength(2);
  return readFileSync(path.join(root, MONITOR));
}

function lineEndings(text: string): { crlf: number; lf: number } {
  const crlf = text.split('\r\n').length - 1;
  return { crlf, lf: text.split('\n').length - 1 - crlf };
}

const canonical = readFileSync(path.join(FIXTURE_LIBRARY, MONITOR), 'utf8');
/** Formatting the printer would change, so the merge splices the changed fields into the original lines. */
const handWritten = canonical
  .replace('id: APP-101\n', '# Reviewed with the Sentry team.\nid: APP-101\n')
  .replace('goals:\n', 'goals:\n  # Ordered by how often they come up.\n')
  .replace(/^outcome: .*$/m, 'outcome: >-\n  Most regressions are caught within an hour\n  of the deploy.');
const crlf = (text: string) => text.replace(/\n/g, '\r\n');

describe('merge never leaves mixed line endings (issue 15)', () => {
  it.each([
    ['canonical', canonical],
    ['hand-formatted (the changed fields are spliced in)', handWritten],
  ])('a %s CRLF persona stays CRLF throughout, with the content an LF copy gets', async (_name, text) => {
    const fromLf = (await merge(text)).toString('utf8');
    const fromCrlf = (await merge(crlf(text))).toString('utf8');
    expect(lineEndings(fromCrlf)).toEqual({ crlf: fromLf.split('\n').length - 1, lf: 0 });
    expect(fromCrlf).toBe(crlf(fromLf));
    // Only the contribution changed: the lines before `goals` are the original CRLF lines.
    expect(fromCrlf.startsWith(crlf(text).slice(0, crlf(text).indexOf('goals:')))).toBe(true);
  });

  it('a persona with mixed line endings comes out LF', async () => {
    let n = 0;
    const mixed = handWritten.replace(/\n/g, () => (n++ % 3 === 0 ? '\r\n' : '\n'));
    expect(lineEndings(mixed).crlf).toBeGreaterThan(0);
    const after = (await merge(mixed)).toString('utf8');
    expect(lineEndings(after).crlf).toBe(0);
    expect(after).toBe((await merge(handWritten)).toString('utf8'));
  });

  it('a persona with a BOM is merged (the journal hashes the bytes as read) and comes out without it', async () => {
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(canonical)]);
    const after = await merge(withBom);
    expect([...after.subarray(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
    expect(after.toString('utf8')).toBe((await merge(canonical)).toString('utf8'));
  });
});
