import { readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { POOL_TASKS } from '../../scripts/accel/pool-tasks.ts';
import { setAccelerated } from '../../scripts/accel/switch.ts';
import { inProcessWorker } from '../../scripts/accel/worker-pool.ts';
import { defaultCacheFile } from '../../scripts/read/tool-state.ts';
import { runCli } from '../helpers/run-cli.ts';
import { editStoredResults } from '../helpers/store-file.ts';
import { FIXTURES, generateLibrary, scratchCopy } from './catalogue-helpers.ts';
import {
  catalogue,
  dirs,
  expectExactly,
  incrementalCases,
  state,
  tempDir,
  writeLibrary,
} from './incremental-cases.ts';

describe('incremental catalogue', () => incrementalCases(24, 3));

describe('the store is only ever a hint', () => {
  beforeEach(() => setAccelerated(true));
  it.each([
    ['not JSON', '{"format":'],
    ['another tool', 'persona-result-store 2\tanother-fingerprint\nR"persona\\u0000x"\t{}\n'],
    ['an array', '[]'],
  ])('a store that is %s: everything is rendered, and nothing current is written', async (_, text) => {
    const personas = generateLibrary(12, 3);
    const root = tempDir();
    writeLibrary(root, personas);
    await catalogue(root);
    const store = defaultCacheFile(root, 'results', { PERSONA_STATE_DIR: state }) as string;
    writeFileSync(store, text);
    const run = await catalogue(root);
    expect(run.rendered.length).toBeGreaterThan(12);
    expect(run.changed).toEqual([]);
  });

  it('a planted unit record for the wrong files is not trusted: their stamps do not match', async () => {
    const personas = generateLibrary(12, 3);
    const root = tempDir();
    writeLibrary(root, personas);
    await catalogue(root);
    const store = defaultCacheFile(root, 'results', { PERSONA_STATE_DIR: state }) as string;
    editStoredResults(store, (id, value) =>
      id.startsWith('catalogue-unit\0') ? [['README.md', 1, 2, 3, 4]] : value,
    );
    const run = await catalogue(root);
    expect(run.changed).toEqual([]);
    expect(run.unchanged).toBeGreaterThan(12);
    expect(run.rendered.length).toBeGreaterThan(12);
  });
});

/** Threads that run in this process: the pool's real worker side, without a bundle. */
const inProcessThreads = () => inProcessWorker(POOL_TASKS);

describe('the accelerator against the reference', () => {
  beforeEach(() => setAccelerated(true));
  it('pages written on several threads, with the fast kit, are the reference rendering', async () => {
    const personas = generateLibrary(36, 4);
    const root = tempDir();
    writeLibrary(root, personas);
    const run = await catalogue(root, {
      pool: { minItemsPerThread: 10, threads: 3, spawn: inProcessThreads },
    });
    expect(run.rendered.length).toBeGreaterThan(36);
    expectExactly(root, personas);
  });

  it('a worker lost after writing some of its pages: this thread writes them again, and the output is whole', async () => {
    const personas = generateLibrary(16, 4);
    const root = tempDir();
    writeLibrary(root, personas);
    // Each stand-in thread writes its first chunk's temporary files, then exits without answering.
    const run = await catalogue(root, {
      pool: {
        minItemsPerThread: 5,
        threads: 3,
        spawn: () => inProcessWorker(POOL_TASKS, { lose: true }),
      },
    });
    expect(run.rendered.length).toBeGreaterThan(16);
    expectExactly(root, personas);
  });

  it('with the accelerator off, a run renders everything and writes the same files', async () => {
    const personas = generateLibrary(12, 3);
    const root = tempDir();
    writeLibrary(root, personas);
    setAccelerated(false);
    const first = await catalogue(root);
    const again = await catalogue(root);
    expect(again.rendered).toEqual(first.rendered);
    expect(again.changed).toEqual([]);
    expectExactly(root, personas);
  });
});

describe('persona catalogue (the command) with the store', () => {
  const SMALL = path.join(FIXTURES, 'small-library', 'input');

  it('--check finds a hand-edited page even when the store says it is current', async () => {
    const root = scratchCopy(SMALL);
    dirs.push(root);
    expect((await runCli(['catalogue', '--root', root])).code).toBe(0);
    const page = path.join(root, 'catalogue', 'sentry', 'sentry-error-monitor.md');
    const before = statSync(page);
    const text = readFileSync(page, 'utf8');
    writeFileSync(page, text.replace('Aha moment', 'Aha MOMENT'));
    utimesSync(page, before.atime, before.mtime);
    const check = await runCli(['catalogue', '--root', root, '--check']);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('catalogue/sentry/sentry-error-monitor.md:');
    expect(check.stdout).toContain('[catalogue/stale]');
  });

  it('a warm run after one persona changed writes only the files that depend on it', async () => {
    const root = scratchCopy(SMALL);
    dirs.push(root);
    expect((await runCli(['catalogue', '--root', root])).code).toBe(0);
    const source = path.join(root, 'personas', 'pagerduty', 'pagerduty-on-call-engineer.yaml');
    writeFileSync(source, readFileSync(source, 'utf8').replace(/^context: .*$/m, 'context: Edited context.'));
    const run = await runCli(['catalogue', '--root', root]);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n').filter((line) => /^(created|updated|removed) /.test(line))).toEqual([
      'updated catalogue/pagerduty/pagerduty-on-call-engineer.json',
      'updated catalogue/pagerduty/pagerduty-on-call-engineer.md',
      'updated catalogue/personas.csv',
      'updated catalogue/personas.json',
    ]);
    expect((await runCli(['catalogue', '--root', root, '--check'])).code).toBe(0);
    expect((await runCli(['catalogue', '--root', root])).stdout).toMatch(
      / 0 files written, 0 files removed,/,
    );
  });
});
