import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * Three projects. `default` is `npm test`: every behaviour, fast enough for a contributor (under 90 s on two
 * cores), with nothing to install but Node. `slow` is `npm run test:slow`: end-to-end scenarios over many git
 * operations and scale runs, which .ci/run also runs and a contributor need not. `cmark` is `npm run test:cmark`:
 * the cross-check of `npm test`'s GFM renderer (micromark) against GitHub's (the Debian cmark-gfm, which .ci/run
 * installs) on every page the project makes.
 */
/** Files with flows over several runs that npm test skips (test/helpers/scenario.ts); the slow project runs them. */
const SCENARIO_FILES = [
  'test/bot/validate-action.e2e.test.ts',
  'test/bot/comment.e2e.test.ts',
  'test/catalogue/catalogue-command.test.ts',
  'test/merge/merge-cli.test.ts',
  'test/security/id-steal.e2e.test.ts',
  'test/intake/intake.e2e.test.ts',
  'test/merge/contribute-cli.test.ts',
  'test/merge/park-stale.test.ts',
];

/** Property and differential tests whose case counts scale (test/helpers/property-runs.ts). */
const PROPERTY_FILES = [
  'test/format/fmt-properties.test.ts',
  'test/validate/fast-path-end-to-end.test.ts',
  'test/accel/fast-markdown.test.ts',
  'test/catalogue/catalogue-entry.test.ts',
  'test/privacy-differential/secret.test.ts',
  'test/privacy-differential/customer-name.test.ts',
  'test/privacy-differential/ip-address.test.ts',
  'test/privacy-differential/placeholder.test.ts',
];

export default defineConfig({
  test: {
    globalSetup: ['test/helpers/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Each file reuses its worker's loaded modules instead of importing the tools again: about a fifth of the
    // suite's time on two cores went to imports. The one piece of process-wide state a test sets (the
    // accelerator switch) is reset before each file.
    isolate: false,
    setupFiles: ['test/helpers/reset-per-file.ts'],
    // Test files spend much of their time waiting on the processes they start (the CLI, git, the action
    // bundles): a fork per core, and at least two, keeps a 2-core machine busy where the default runs one.
    maxWorkers: Math.max(2, availableParallelism()),
    projects: [
      {
        extends: true,
        test: { name: 'default', include: ['test/**/*.test.ts'], exclude: ['test/slow/**', 'test/cmark/**'] },
      },
      {
        extends: true,
        test: {
          name: 'slow',
          include: ['test/slow/**/*.test.ts', ...PROPERTY_FILES, ...SCENARIO_FILES],
          // The property and differential files again, with ten times the cases npm test tries, and the files
          // whose multi-run flows npm test skips, whole.
          env: { PERSONA_PROPERTY_SCALE: '10', PERSONA_SCENARIOS: '1' },
          testTimeout: 600_000,
        },
      },
      {
        extends: true,
        test: { name: 'cmark', include: ['test/cmark/**/*.test.ts'], testTimeout: 300_000 },
      },
    ],
  },
});
