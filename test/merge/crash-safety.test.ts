import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MergeJournalError } from '../../scripts/apply/apply-merge-plan.ts';
import { diskOps, type FileOps } from '../../scripts/apply/file-ops.ts';
import { MERGE_JOURNAL } from '../../scripts/apply/merge-journal.ts';
import { mergeLibrary } from '../../scripts/pipeline/merge-library.ts';
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
function crashingOps(root: string, crashAt: number, torn = false): FileOps & { changes: number } {
  const disk = diskOps(root);
  const ops = {
    changes: 0,
    read: disk.read,
    list: disk.list,
    write: async (file: string, text: string) => {
      if (ops.changes++ === crashAt) {
        if (torn)
          writeFileSync(path.join(root, `${file}.123456789`), text.slice(0, Math.floor(text.length / 2)));
        throw new InjectedCrash(`crash before writing ${file}`);
      }
      await disk.write(file, text);
    },
    remove: async (file: string) => {
      if (ops.changes++ === crashAt) throw new InjectedCrash(`crash before removing ${file}`);
      await disk.remove(file);
    },
    removeEmptyDir: async (dir: string) => {
      if (ops.changes++ === crashAt) throw new InjectedCrash(`crash before removing ${dir}`);
      await disk.removeEmptyDir(dir);
    },
  };
  return ops;
}

async function cleanRun(): Promise<{ state: Record<string, string>; changes: number; conflicts: string[] }> {
  const root = pendingLibrary();
  const ops = crashingOps(root, -1);
  const { plan } = await mergeLibrary(root, { dryRun: false, date: null, ops });
  return {
    state: snapshot(root),
    changes: ops.changes,
    conflicts: plan.conflicts.map((d) => `${d.file} ${d.rule}`),
  };
}

describe('idempotency', () => {
  it('a second run changes nothing and reports nothing applied', async () => {
    const root = pendingLibrary();
    const first = await mergeLibrary(root, { dryRun: false, date: null });
    expect(first.plan.applied).toHaveLength(3);
    const afterFirst = snapshot(root);
    const second = await mergeLibrary(root, { dryRun: false, date: null });
    expect(second.plan.applied).toEqual([]);
    expect(second.plan.personas).toEqual([]);
    expect(second.plan.conflicts.map((d) => d.rule)).toEqual(['contribution/stale-original']);
    expect(snapshot(root)).toEqual(afterFirst);
    expect(afterFirst).not.toHaveProperty(MERGE_JOURNAL);
  });

  it('with nothing pending, a run is a no-op', async () => {
    const { root, cleanup } = scratchLibrary(FIXTURE_LIBRARY);
    cleanups.push(cleanup);
    const before = snapshot(root);
    const ops = crashingOps(root, -1);
    const { plan } = await mergeLibrary(root, { dryRun: false, date: null, ops });
    expect([plan.applied, plan.conflicts, plan.personas]).toEqual([[], [], []]);
    expect(ops.changes).toBe(0);
    expect(snapshot(root)).toEqual(before);
  });

  it('a dry run changes nothing and plans exactly what the real run does', async () => {
    const root = pendingLibrary();
    const before = snapshot(root);
    const ops = crashingOps(root, -1);
    const dry = await mergeLibrary(root, { dryRun: true, date: null, ops });
    expect(ops.changes).toBe(0);
    expect(snapshot(root)).toEqual(before);
    const real = await mergeLibrary(root, { dryRun: false, date: null });
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
      await expect(
        mergeLibrary(root, { dryRun: false, date: null, ops: crashingOps(root, crashAt) }),
      ).rejects.toThrow(InjectedCrash);
      const { plan } = await mergeLibrary(root, { dryRun: false, date: null });
      expect(snapshot(root)).toEqual(clean.state);
      expect(plan.conflicts.map((d) => `${d.file} ${d.rule}`)).toEqual(clean.conflicts);
    });

    it('a torn write (temporary file left behind) is cleaned up by the re-run', async () => {
      const root = pendingLibrary();
      await expect(
        mergeLibrary(root, { dryRun: false, date: null, ops: crashingOps(root, crashAt, true) }),
      ).rejects.toThrow(InjectedCrash);
      await mergeLibrary(root, { dryRun: false, date: null });
      expect(snapshot(root)).toEqual(clean.state);
    });

    it('a dry run after the crash changes nothing and previews the end state', async () => {
      const root = pendingLibrary();
      await expect(
        mergeLibrary(root, { dryRun: false, date: null, ops: crashingOps(root, crashAt) }),
      ).rejects.toThrow(InjectedCrash);
      const crashed = snapshot(root);
      const preview = await mergeLibrary(root, { dryRun: true, date: null });
      expect(snapshot(root)).toEqual(crashed);
      const journaled = MERGE_JOURNAL in crashed;
      // Once the journal exists the outcome is fixed; the preview shows only what is left to plan.
      expect(preview.resumed).toBe(journaled);
      if (!journaled) expect(preview.plan.applied).toHaveLength(3);
    });

    it('a second crash during the recovery still ends as one clean run', async () => {
      const root = pendingLibrary();
      await expect(
        mergeLibrary(root, { dryRun: false, date: null, ops: crashingOps(root, crashAt) }),
      ).rejects.toThrow(InjectedCrash);
      await mergeLibrary(root, { dryRun: false, date: null, ops: crashingOps(root, 1) }).catch((error) => {
        if (!(error instanceof InjectedCrash)) throw error;
      });
      await mergeLibrary(root, { dryRun: false, date: null });
      expect(snapshot(root)).toEqual(clean.state);
    });
  });

  it('a persona edited by hand after the crash is not overwritten', async () => {
    const root = pendingLibrary();
    await expect(
      mergeLibrary(root, { dryRun: false, date: null, ops: crashingOps(root, 1) }),
    ).rejects.toThrow(InjectedCrash);
    writeFiles(root, { [MONITOR]: `${snapshot(root)[MONITOR]}# edited by hand\n` });
    const edited = snapshot(root);
    await expect(mergeLibrary(root, { dryRun: false, date: null })).rejects.toThrow(MergeJournalError);
    expect(snapshot(root)).toEqual(edited);
  });

  it('a journal that is not valid JSON stops the merge before anything is written', async () => {
    const root = pendingLibrary();
    mkdirSync(path.join(root, 'contributions'), { recursive: true });
    writeFileSync(path.join(root, MERGE_JOURNAL), '{"version": 1, "writes": [{"file": "../../etc/passwd"');
    const before = snapshot(root);
    await expect(mergeLibrary(root, { dryRun: false, date: null })).rejects.toThrow(MergeJournalError);
    expect(snapshot(root)).toEqual(before);
  });
});
