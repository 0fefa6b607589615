import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validateLibrary } from '../../scripts/pipeline/validate-library.ts';
import { checkPersonas } from '../helpers/check-in-memory.ts';
import { baseLibrary, VOCABULARY } from './rule-cases.ts';

const MODELINE = '# yaml-language-server: $schema=schemas/tags.schema.json';

describe('tags.yaml, the tag vocabulary', () => {
  it.each([
    ['a tag that is not kebab-case', `${MODELINE}\ntags:\n  Monitoring: "x"\n`, 'schema/invalid-format', 3],
    ['an empty description', `${MODELINE}\ntags:\n  monitoring: ""\n`, 'schema/empty-value', 3],
    ['a list instead of a mapping of tags', `${MODELINE}\ntags:\n  - monitoring\n`, 'schema/wrong-type', 3],
    ['an unknown top-level key', `${MODELINE}\ntag:\n  monitoring: "x"\n`, 'schema/unknown-key', 2],
    ['a list at the top level', `${MODELINE}\n- monitoring\n`, 'yaml/not-a-mapping', 2],
    [
      'broken YAML (an unclosed quote, reported where the file ends)',
      `${MODELINE}\ntags:\n  monitoring: "x\n`,
      'yaml/syntax',
      4,
    ],
  ])('reports %s in tags.yaml, with its place', (_name, text, rule, line) => {
    const found = checkPersonas({ ...baseLibrary(), 'tags.yaml': text }).filter(
      (d) => d.file === 'tags.yaml',
    );
    expect(found.map((d) => d.rule)).toContain(rule);
    const match = found.find((d) => d.rule === rule);
    expect(match?.severity).toBe('error');
    expect(match?.line).toBe(line);
    expect(match?.hint.length).toBeGreaterThan(5);
  });

  it('still checks personas against the well-formed entries of a vocabulary with errors', () => {
    const text = `${VOCABULARY}  Bad Tag: "x"\n`;
    const found = checkPersonas({ ...baseLibrary(), 'tags.yaml': text });
    expect(found.filter((d) => d.rule === 'tag/unknown')).toEqual([]);
  });

  it('makes every tag of a persona outside it a warning, and none when the library has no vocabulary', () => {
    const only = `${MODELINE}\ntags:\n  monitoring: "x"\n`;
    const found = checkPersonas({ ...baseLibrary(), 'tags.yaml': only });
    expect(found.map((d) => [d.file, d.rule, d.severity])).toEqual([
      ['personas/acme/acme-alpha.yaml', 'tag/unknown', 'warning'],
      ['personas/acme/acme-beta.yaml', 'tag/unknown', 'warning'],
    ]);
    expect(checkPersonas(baseLibrary())).toEqual([]);
  });

  const roots: string[] = [];
  afterAll(() => {
    for (const root of roots) rmSync(root, { recursive: true, force: true });
  });

  it('is never read through a symbolic link', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'persona-tags-'));
    roots.push(root);
    for (const [file, text] of Object.entries(baseLibrary())) {
      const absolute = path.join(root, file);
      mkdirSync(path.dirname(absolute), { recursive: true });
      writeFileSync(absolute, text);
    }
    writeFileSync(path.join(root, 'elsewhere.yaml'), VOCABULARY);
    symlinkSync(path.join(root, 'elsewhere.yaml'), path.join(root, 'tags.yaml'));
    const result = await validateLibrary(root, { store: null, env: { PERSONA_ACCEL: 'off' } });
    expect(result.diagnostics.map((d) => [d.file, d.rule])).toEqual([['tags.yaml', 'file/symlink']]);
    expect(result.tagDescriptions.size).toBe(0);
  });
});
