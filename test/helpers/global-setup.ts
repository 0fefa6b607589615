import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
// @ts-expect-error: plain ESM build script without type declarations
import { bundle } from '../../scripts/build/bundle.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    cliBundleDir: string;
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
  project.provide('cliBundleDir', dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
