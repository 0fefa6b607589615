import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { outputSizes } from '../../bench/scenarios.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'persona-output-sizes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('outputSizes: what a catalogue run wrote', () => {
  it('counts every file, and only pages one folder down that are not listings as persona pages', () => {
    const files: Record<string, number> = {
      'README.md': 5000,
      'personas.json': 9000,
      'acme/README.md': 7000,
      'acme/graph.md': 6000,
      'acme/README.part-2.md': 6500,
      'acme/acme-alpha.md': 100,
      'acme/acme-beta.md': 300,
      'acme/acme-alpha.json': 50,
      'beta/beta-gamma.md': 200,
      '_tags/billing.md': 8000,
      '_categories/technical.md': 4000,
    };
    for (const [file, size] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), 'x'.repeat(size));
    }
    expect(outputSizes(dir)).toEqual({
      files: 11,
      bytes: Object.values(files).reduce((a, b) => a + b, 0),
      personaPageMedianBytes: 200,
      personaPageMaxBytes: 300,
      largest: { file: 'personas.json', bytes: 9000 },
    });
  });
});
