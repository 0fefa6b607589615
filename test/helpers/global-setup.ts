import { mkdirSync } from 'node:fs';
import path from 'node:path';
// @ts-expect-error: plain ESM build script without type declarations
import { bundle } from '../../scripts/build/bundle.mjs';

export const TEST_BUNDLE_DIR = path.resolve('test/.tmp/bundle');

/** Builds the CLI once per test run into test/.tmp, so subprocess tests run the current source, not dist/. */
export default async function setup(): Promise<void> {
  mkdirSync(TEST_BUNDLE_DIR, { recursive: true });
  await bundle({ outdir: TEST_BUNDLE_DIR });
}
