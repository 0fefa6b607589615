import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { MergeJournalError } from '../../scripts/apply/apply-merge-plan.ts';
import { diskOps, type FileOps } from '../../scripts/apply/file-ops.ts';
import { MERGE_JOURNAL } from '../../scripts/apply/merge-journal.ts';
import { type MergeOptions, mergeLibrary } from '../../scripts/pipeline/merge-library.ts';
import { toolStateFor } from '../../scripts/read/tool-state.ts';
import {
  contribution,
  FIXTURE_LIBRARY,
  MONITOR,
  snapshot,
  writeFiles,
} from '../contributions/contribution-helpers.ts';
import { scratchLibrary } from '../helpers/run-cli.ts';

let cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups) cleanup();
  cleanups = [];
});

const MONITOR_DIR = 'contributions/sentry-error-monitor';
const GUARDIAN_DIR = 'contributions/sentry-release-guardian';

/** Two personas, three applied contributions (one folder emptied entirely) and one stale one that stays. */
const PENDING: Record<string, string> = {
  [`${MONITOR_DIR}/2026-11-02-amy-goals.yaml`]: contribution(
    'persona: sentry-error-monitor',
    'field: goals',
    'action: extend',
    'value: "Know which release introduced an issue without opening the deploy log."',
    'author: amy',
  ),
  [`${MONITOR_DIR}/2026-11-03-zed-aha.yaml`]: contribution(
    'persona: sentry-error-monitor',
    'field: aha_moment',
    'action: confirm',
    'author: zed',
  ),
  [`${MONITOR_DIR}/2026-11-04-bob-stale.yaml`]: contribution(
    'persona: sentry-error-monitor',
    'field: outcome',
    'action: correct',
    'value: "Regressions are caught the same day."',
    'original: "Text that the persona no longer has."',
    'author: bob',
    'rationale: "Because."',
  ),
  [`${GUARDIAN_DIR}/2026-11-05-amy-goals.yaml`]: contribution(
    'persona: sentry-release-guardian',
    'field: goals',
    'action: confirm',
    'author: amy',
  ),
};

/** Every scratch library keeps the tools' state in a folder of its own, outside the library, as on a runner. */
const stateBase = mkdtempSync(path.join(os.tmpdir(), 'persona-state-'));
afterAll(() => rmSync(stateBase, { recursive: true, force: true }));
const env = { PERSONA_STATE_DIR: stateBase };
const stateDir = (root: string) => toolStateFor(root, env).dir;

/**
 * The library and its state folder together: what a crash may leave behind, anywhere. The accelerator's result
 * store is left out: it records what was checked (stamps, results by content), not what the merge did.
 */
function everything(root: string): Record<string, string> {
  const state = Object.entries(snapshot(stateDir(root)))
    .filter(([file]) => !file.startsWith('cache/'))
    .map(([file, text]) => [`(state)/${file}`, text]);
  return { ...snapshot(root), ...Object.fromEntries(state) };
}

const merge = (root: string, options: Partial<MergeOptions> = {}) =>
  mergeLibrary(root, { dryRun: false, date: null, env, ...options });

function pendingLibrary(): string {
  const { root, cleanup } = scratchLibrary(FIXTURE_LIBRARY);
  cleanups.push(cleanup);
  writeFiles(root, PENDING);
  return root;
}

class InjectedCrash extends Error {}

/**
 * Disk operations that "crash" at the n-th change (0-based): the change is not made, or, for a torn write,
 * only a partial temporary file is left next to the target, as a killed write-file-atomic would leave it.
 */
function crashingOps(base: string, crashAt: number, torn: boolean, counter: { changes: number }): FileOps {
  const disk = diskOps(base);
  return {
    read: disk.read,
    list: disk.list,
    write: async (file: string, text: string) => {
      if (counter.changes++ === crashAt) {
        if (torn) {
          mkdirSync(path.dirname(path.join(base, file)), { recursive: true });
          writeFileSync(path.join(base, `${file}.123456789`), text.slice(0, Math.floor(text.length / 2)));
        }
        throw new InjectedCrash(`crash before writing ${file}`);
      }
      await disk.write(file, text);
    },
    remove: async (file: string) => {
      if (counter.changes++ === crashAt) throw new InjectedCrash(`crash before removing ${file}`);
      await disk.remove(file);
    },
    removeEmptyDir: async (dir: string) => {
      if (counter.changes++ === crashAt) throw new InjectedCrash(`crash before removing ${dir}`);
      await disk.removeEmptyDir(dir);
    },
  };
}

/** Library and state-folder operations sharing one count of changes, so a crash can hit either. */
function crashing(root: string, crashAt: number, torn = false) {
  const counter = { changes: 0 };
  return {
    counter,
    options: {
      ops: crashingOps(root, crashAt, torn, counter),
      stateOps: crashingOps(stateDir(root), crashAt, torn, counter),
    },
  };
}

async function cleanRun(): Promise<{ state: Record<string, string>; changes: number; conflicts: string[] }> {
  const root = pendingLibrary();
  const { counter, options } = crashing(root, -1);
  const { plan } = await merge(root, options);
  return {
    state: everything(root),
    changes: counter.changes,
    conflicts: plan.conflicts.map((d) => `${d.file} ${d.rule}`),
  };
}

describe('idempotency', () => {
  it('a second run changes nothing and reports nothing applied', async () => {
    const root = pendingLibrary();
    const first = await merge(root);
    expect(first.plan.applied).toHaveLength(3);
    const afterFirst = everything(root);
    const second = await merge(root);
    expect(second.plan.applied).toEqual([]);
    expect(second.plan.personas).toEqual([]);
    expect(second.plan.conflicts.map((d) => d.rule)).toEqual(['contribution/stale-original']);
    expect(everything(root)).toEqual(afterFirst);
    expect(afterFirst).not.toHaveProperty(`(state)/${MERGE_JOURNAL}`);
  });

  it('with nothing pending, a run is a no-op', async () => {
    const { root, cleanup } = scratchLibrary(FIXTURE_LIBRARY);
    cleanups.push(cleanup);
    const before = everything(root);
    const { counter, options } = crashing(root, -1);
    const { plan } = await merge(root, options);
    expect([plan.applied, plan.conflicts, plan.personas]).toEqual([[], [], []]);
    expect(counter.changes).toBe(0);
    expect(everything(root)).toEqual(before);
  });

  it('a dry run changes nothing and plans exactly what the real run does', async () => {
    const root = pendingLibrary();
    const before = everything(root);
    const { counter, options } = crashing(root, -1);
    const dry = await merge(root, { ...options, dryRun: true });
    expect(counter.changes).toBe(0);
    expect(everything(root)).toEqual(before);
    const real = await merge(root);
    expect(real.plan.applied).toEqual(dry.plan.applied);
    expect(real.plan.personas.map((p) => p.after)).toEqual(dry.plan.personas.map((p) => p.after));
  });
});

describe('kill and re-run', async () => {
  const clean = await cleanRun();

  it('the clean run writes a journal, two personas, removes three files and two folders', () => {
    // journal + 2 personas + 3 contribution removals + 2 folder removals + journal removal (+ sweeps: none)
    expect(clean.changes).toBe(9);
    expect(clean.conflicts).toEqual([`${MONITOR_DIR}/2026-11-04-bob-stale.yaml contribution/stale-original`]);
    expect(clean.state).not.toHaveProperty(`${GUARDIAN_DIR}/`);
    expect(clean.state).toHaveProperty(`${MONITOR_DIR}/2026-11-04-bob-stale.yaml`);
  });

  const steps = Array.from({ length: 9 }, (_, i) => i);
  describe.each(steps)('a crash at change %i', (crashAt) => {
    it('then a re-run ends exactly as one clean run', async () => {
      const root = pendingLibrary();
      await expect(merge(root, crashing(root, crashAt).options)).rejects.toThrow(InjectedCrash);
      const { plan } = await merge(root);
      expect(everything(root)).toEqual(clean.state);
      expect(plan.conflicts.map((d) => `${d.file} ${d.rule}`)).toEqual(clean.conflicts);
    });

    it('a torn write (temporary file left behind) is cleaned up by the re-run', async () => {
      const root = pendingLibrary();
      await expect(merge(root, crashing(root, crashAt, true).options)).rejects.toThrow(InjectedCrash);
      await merge(root);
      expect(everything(root)).toEqual(clean.state);
    });

    it('a dry run after the crash changes nothing and previews the end state', async () => {
      const root = pendingLibrary();
      await expect(merge(root, crashing(root, crashAt).options)).rejects.toThrow(InjectedCrash);
      const crashed = everything(root);
      const preview = await merge(root, { dryRun: true });
      expect(everything(root)).toEqual(crashed);
      const journaled = `(state)/${MERGE_JOURNAL}` in crashed;
      // Once the journal exists the outcome is fixed; the preview shows only what is left to plan.
      expect(preview.resumed).toBe(journaled);
      if (!journaled) expect(preview.plan.applied).toHaveLength(3);
    });

    it('a second crash during the recovery still ends as one clean run', async () => {
      const root = pendingLibrary();
      await expect(merge(root, crashing(root, crashAt).options)).rejects.toThrow(InjectedCrash);
      await merge(root, crashing(root, 1).options).catch((error) => {
        if (!(error instanceof InjectedCrash)) throw error;
      });
      await merge(root);
      expect(everything(root)).toEqual(clean.state);
    });
  });

  it('a persona edited by hand after the crash is not overwritten; the journal is set aside, not blocking', async () => {
    const root = pendingLibrary();
    // Change 0 writes the journal, change 1 would write the first persona (the guardian), change 2 the monitor.
    await expect(merge(root, crashing(root, 1).options)).rejects.toThrow(InjectedCrash);
    const edited = `${snapshot(root)[MONITOR]}# edited by hand\n`;
    writeFiles(root, { [MONITOR]: edited });
    const { plan, journal } = await merge(root);
    // The guardian's part of the journal is finished; the monitor keeps the hand edit, and its two
    // contributions are planned again on top of it instead of being dropped.
    expect(journal?.skipped).toEqual([MONITOR]);
    expect(journal?.setAside).toMatch(/^merge-journal\.[0-9a-f]{12}\.set-aside\.json$/);
    expect(plan.applied.map((a) => a.personaFile)).toEqual([MONITOR, MONITOR]);
    const after = everything(root);
    expect(after[MONITOR]).toContain('# edited by hand');
    expect(after).toHaveProperty(`(state)/${journal?.setAside}`);
    expect(after).not.toHaveProperty(`(state)/${MERGE_JOURNAL}`);
    // The end state otherwise equals one clean run's: same contributions applied and removed.
    const files = (state: Record<string, string>) =>
      Object.keys(state).filter((f) => !f.startsWith('(state)'));
    expect(files(after)).toEqual(files(clean.state));
    // And the next merge is not blocked by anything.
    const again = await merge(root);
    expect(again.journal).toBeNull();
  });

  it('a journal that is not valid JSON is set aside, never followed, and blocks nothing', async () => {
    const root = pendingLibrary();
    mkdirSync(stateDir(root), { recursive: true });
    writeFileSync(
      path.join(stateDir(root), MERGE_JOURNAL),
      '{"version": 2, "writes": [{"file": "../../etc/passwd"',
    );
    const { plan, journal } = await merge(root);
    expect(journal).toMatchObject({ unreadable: true });
    expect(plan.applied).toHaveLength(3);
    expect(everything(root)[MONITOR]).toEqual(clean.state[MONITOR]);
  });

  it('refuses a journal reached through a symbolic link, with exit-2 error and nothing written', async () => {
    const root = pendingLibrary();
    const elsewhere = mkdtempSync(path.join(os.tmpdir(), 'persona-elsewhere-'));
    cleanups.push(() => rmSync(elsewhere, { recursive: true, force: true }));
    mkdirSync(path.dirname(stateDir(root)), { recursive: true });
    symlinkSync(elsewhere, stateDir(root));
    const before = snapshot(root);
    await expect(merge(root)).rejects.toThrow(MergeJournalError);
    expect(snapshot(root)).toEqual(before);
    expect(snapshot(elsewhere)).toEqual({});
  });

  it('refuses a state folder inside the working tree, where a commit could put a journal', async () => {
    const root = pendingLibrary();
    const before = snapshot(root);
    await expect(
      mergeLibrary(root, {
        dryRun: false,
        date: null,
        env: { PERSONA_STATE_DIR: path.join(root, 'contributions') },
      }),
    ).rejects.toThrow(MergeJournalError);
    expect(snapshot(root)).toEqual(before);
  });
});
