import { openAccelerator } from '../accel/accelerator.ts';
import { incrementalSession } from '../accel/incremental-session.ts';
import type { LibrarySession, ValidationResult } from '../check/library-checker.ts';
import { diffDiagnostics } from '../check/report/diff-diagnostics.ts';
import { countBySeverity, type Diagnostic } from '../core/diagnostic.ts';
import { isSelected, type PathSelection } from '../core/path-selection.ts';
import { watchLibrary } from '../read/watch-library.ts';
import { counts, type ValidationReport } from './validate-for-report.ts';
import { validateLibrary } from './validate-library.ts';

export interface WatchUpdate {
  /** The root-relative paths whose change this check follows. */
  changed: string[];
  added: Diagnostic[];
  removed: Diagnostic[];
  summary: ValidationReport['summary'];
}

export interface WatchOptions {
  selection: PathSelection;
  /** The accelerator's store, as `validate --cache-location` / `--no-cache` give it. */
  store?: string | null;
  env: Record<string, string | undefined>;
  /** Ends the watch: its watchers are closed and what the accelerator learnt is kept. */
  signal: AbortSignal;
  /** How long the library must be quiet before a change is checked (an editor's save is several events). */
  quietMs?: number;
  onReport(report: ValidationReport): void;
  onUpdate(update: WatchUpdate): void;
  /** A check that could not run (the library root went away, a schema became unreadable). */
  onProblem(message: string): void;
}

/**
 * `persona validate --watch`: the library validated once and reported in full, then after each change checked
 * again (the accelerator's session checks only what changed; the reference validates everything again) and
 * reported as what is new and what went away. Changes that arrive during a check are checked right after it,
 * together. Resolves once `signal` aborts and the check under way has finished.
 */
export async function watchValidation(root: string, options: WatchOptions): Promise<void> {
  const { selection } = options;
  const accelerator = openAccelerator(root, { store: options.store, env: options.env });
  const session: LibrarySession = accelerator
    ? incrementalSession(root, accelerator)
    : referenceSession(root, options.env);
  const select = (result: ValidationResult) => ({
    diagnostics: result.diagnostics.filter((d) => isSelected(d.file, selection)),
    counts: counts(result, selection),
    files: new Set([...result.personas, ...result.contributions].map((f) => f.file)),
  });
  let files = new Set<string>();
  /** The changed paths that are (or were) personas or contributions; all of them when none is (a folder, a schema). */
  const named = (changed: string[], now: Set<string>) => {
    const ours = changed.filter((file) => now.has(file) || files.has(file));
    return ours.length > 0 ? ours : changed;
  };
  let shown: Diagnostic[] = [];
  let queued: string[] = [];
  let running: Promise<void> | null = null;
  let reported = false;
  // After a failed check nothing the session kept can be trusted: the next one starts afresh.
  let afresh = false;
  const runChecks = async () => {
    while (queued.length > 0 && !options.signal.aborted) {
      const changed = queued;
      queued = [];
      try {
        const now = select(await session.validate(afresh ? null : changed));
        afresh = false;
        const { added, removed } = diffDiagnostics(shown, now.diagnostics);
        shown = now.diagnostics;
        const reported = named([...new Set(changed)], now.files);
        files = now.files;
        options.onUpdate({
          changed: reported,
          added,
          removed,
          summary: { ...now.counts, ...countBySeverity(now.diagnostics) },
        });
      } catch (error) {
        afresh = true;
        options.onProblem((error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '');
      }
    }
  };
  const kick = () => {
    if (running || !reported) return;
    running = runChecks().finally(() => {
      running = null;
      // Changes that came after the last check began, but before it finished.
      if (queued.length > 0 && !options.signal.aborted) kick();
    });
  };
  // Watching starts before the first validation, so that nothing saved while it runs goes unseen: those
  // changes are checked right after it is reported.
  const watch = watchLibrary(root, {
    quietMs: options.quietMs ?? 80,
    maxWaitMs: 1000,
    onChange(paths) {
      queued.push(...paths);
      kick();
    },
  });
  try {
    const first = select(await session.validate(null));
    shown = first.diagnostics;
    files = first.files;
    options.onReport({
      diagnostics: shown,
      summary: { ...first.counts, ...countBySeverity(shown) },
      againstBase: false,
      baseProblem: null,
    });
  } catch (error) {
    watch.close();
    session.close();
    throw error;
  }
  reported = true;
  kick();
  await new Promise<void>((resolve) => {
    if (options.signal.aborted) resolve();
    else options.signal.addEventListener('abort', () => resolve(), { once: true });
  });
  watch.close();
  await running;
  session.close();
}

/** The reference session: the whole library validated again on every change, on the reference path. */
export function referenceSession(root: string, env: Record<string, string | undefined>): LibrarySession {
  return {
    validate: () => validateLibrary(root, { accelerator: null, personaData: false, env }),
    close() {},
  };
}
