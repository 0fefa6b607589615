import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
// @ts-expect-error: plain ESM build script without type declarations
import { bundle } from '../../scripts/build/bundle.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    cliBundleDir: string;
    /** PERSONA_STATE_DIR for every CLI the tests start: the tools' journal and caches go here, not in /tmp. */
    stateDir: string;
  }
}

/**
 * Builds the CLI once per test run into its own folder under test/.tmp, so subprocess tests run the current
 * source (never the committed dist/) and concurrent runs don't overwrite each other's bundle.
 */
export default async function setup(project: TestProject): Promise<() => void> {
  const dir = path.resolve('test/.tmp', `bundle-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  await bundle({ outdir: dir });
  const stateDir = path.resolve('test/.tmp', `state-${process.pid}`);
  mkdirSync(stateDir, { recursive: true });
  project.provide('cliBundleDir', dir);
  project.provide('stateDir', stateDir);
  return () => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(stateDir, { recursive: true, force: true });
  };
}
