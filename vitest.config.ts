import { defineConfig } from 'vitest/config';

/**
 * Two projects. `default` is `npm test`: every behaviour, fast enough for a contributor (under 90 s on two
 * cores). `slow` is `npm run test:slow`: end-to-end scenarios over many git operations and scale runs, which
 * .ci/run also runs and a contributor need not.
 */
export default defineConfig({
  test: {
    globalSetup: ['test/helpers/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: { name: 'default', include: ['test/**/*.test.ts'], exclude: ['test/slow/**'] },
      },
      {
        extends: true,
        test: { name: 'slow', include: ['test/slow/**/*.test.ts'], testTimeout: 600_000 },
      },
    ],
  },
});
