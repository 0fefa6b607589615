import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectGoldenFiles } from '../helpers/golden.ts';
import { CASES, FIXTURES, renderFixture } from './catalogue-helpers.ts';

describe('catalogue golden fixtures (UPDATE=1 regenerates)', () => {
  it.each(CASES)('%s renders exactly the expected files', async (name) => {
    const files = await renderFixture(path.join(FIXTURES, name, 'input'));
    expect(Object.keys(files)).toContain('README.md');
    expectGoldenFiles(path.join(FIXTURES, name, 'expected'), files);
  });
});
