import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { generateLibrary } from '../../bench/generate-library.ts';
import { median } from '../../bench/measure.ts';
import { BenchUsageError, parseOptions } from '../../bench/options.ts';
import { peerContributionFiles, peerFiles } from '../../bench/scenarios.ts';
import { isPlainlyCanonical } from '../../scripts/accel/plainly-canonical.ts';
import { LIST_FIELDS } from '../../scripts/core/persona-fields.ts';
import { formatPersonaSource } from '../../scripts/plan/format-persona-source.ts';
import { listFiles } from '../helpers/golden.ts';
import { REPO_ROOT, scratchLibrary } from '../helpers/run-cli.ts';

const scratch = scratchLibrary();
afterAll(() => scratch.cleanup());

function generate(name: string, size: number, seed: number) {
  return generateLibrary({
    dir: path.join(scratch.root, name),
    size,
    seed,
    schemasDir: path.join(REPO_ROOT, 'schemas'),
  });
}

function readTree(root: string): Record<string, string> {
  return Object.fromEntries(
    listFiles(root)
      .filter((file) => !file.startsWith('schemas/'))
      .map((file) => [file, readFileSync(path.join(root, file), 'utf8')]),
  );
}

describe('bench library generator', () => {
  const library = generate('a', 60, 7);
  const personas = library.personaFiles
    .filter((file) => !library.invalid.some((f) => f.file === file))
    .map((file) => ({ file, data: parse(readFileSync(path.join(library.root, file), 'utf8')) }));

  it('is deterministic for a seed and varies with it', () => {
    expect(readTree(generate('b', 60, 7).root)).toEqual(readTree(library.root));
    expect(readTree(generate('c', 60, 8).root)).not.toEqual(readTree(library.root));
  });

  it('writes N valid personas in canonical format, about 4 KB each, in ~N/20 product folders', () => {
    expect(personas).toHaveLength(60);
    const products = new Set(personas.map((p) => p.file.split('/')[1]));
    expect(products.size).toBe(3);
    for (const { file } of personas) {
      const bytes = readFileSync(path.join(library.root, file));
      expect(formatPersonaSource(file, bytes).kind, file).toBe('canonical');
      // So the bench measures the fast path, which skips printing only for plainly canonical lines.
      expect(isPlainlyCanonical(bytes.toString('utf8')), file).toBe(true);
    }
    const average = median(personas.map((p) => readFileSync(path.join(library.root, p.file)).length));
    expect(average).toBeGreaterThan(3000);
    expect(average).toBeLessThan(5500);
    for (const { data } of personas) {
      for (const field of LIST_FIELDS) {
        expect(data[field].length).toBeGreaterThanOrEqual(3);
        expect(data[field].length).toBeLessThanOrEqual(8);
      }
      expect(data.composability.length).toBeLessThanOrEqual(4);
    }
  });

  it('reciprocates every link', () => {
    const bySlug = new Map(personas.map((p) => [p.data.slug, p.data]));
    for (const { data } of personas) {
      for (const link of data.composability) {
        expect(link.persona).not.toBe(data.slug);
        expect(bySlug.get(link.persona)?.composability.map((l: { persona: string }) => l.persona)).toContain(
          data.slug,
        );
      }
    }
  });

  it('writes about N/2 contributions in all, a third of each action, with current `original` text', () => {
    expect(library.contributionsByAction).toEqual({ confirm: 10, correct: 10, extend: 10 });
    const bySlug = new Map(personas.map((p) => [p.data.slug, p.data]));
    for (const file of library.contributionFiles) {
      if (library.invalid.some((f) => f.file === file)) continue;
      const contribution = parse(readFileSync(path.join(library.root, file), 'utf8'));
      expect(file).toMatch(/^contributions\/[a-z0-9-]+\/\d{4}-\d{2}-\d{2}-[a-z0-9]+-[a-z_]+\.yaml$/);
      if (contribution.action !== 'correct') continue;
      const current = bySlug.get(contribution.persona)?.[contribution.field];
      expect(contribution.original).toBe(Array.isArray(current) ? current[contribution.item - 1] : current);
    }
  });

  it('adds at least one invalid file of each kind to the library, and none to the clean copy', () => {
    const kinds = library.invalid.map((f) => `${f.file.split('/')[0]}/${f.kind}`);
    expect(new Set(kinds)).toEqual(
      new Set([
        'personas/bad-yaml',
        'personas/unknown-key',
        'personas/broken-link',
        'contributions/bad-yaml',
        'contributions/unknown-key',
      ]),
    );
    const clean = listFiles(library.cleanRoot);
    for (const { file } of library.invalid) expect(clean).not.toContain(file);
    expect(peerFiles(library)).toHaveLength(library.personaFiles.length - 1);
    expect(peerContributionFiles(library)).toHaveLength(library.contributionFiles.length - 1);
  });

  it('writes no pull-request heads unless asked', () => {
    expect(library.pullRequests).toBeNull();
    expect(listFiles(path.join(scratch.root, 'a')).some((f) => f.startsWith('head-'))).toBe(false);
  });

  it('writes two pull-request heads, each the library with one valid change', () => {
    const withHeads = generateLibrary({
      dir: path.join(scratch.root, 'heads'),
      size: 60,
      seed: 7,
      schemasDir: path.join(REPO_ROOT, 'schemas'),
      pullRequests: true,
    });
    // The library itself is the same as without heads: they come from a stream of their own.
    expect(readTree(withHeads.root)).toEqual(readTree(library.root));
    const heads = withHeads.pullRequests;
    if (!heads) throw new Error('no heads');
    const base = readTree(withHeads.root);

    const personaHead = readTree(heads.persona.root);
    const changed = Object.keys(personaHead).filter((file) => personaHead[file] !== base[file]);
    expect(changed).toEqual([heads.persona.file]);
    expect(Object.keys(personaHead).sort()).toEqual(Object.keys(base).sort());
    expect(heads.persona.file).not.toBe(withHeads.editedFile);
    const before = parse(base[heads.persona.file] as string);
    const after = parse(personaHead[heads.persona.file] as string);
    expect(after[heads.persona.field]).not.toBe(before[heads.persona.field]);
    expect({ ...after, [heads.persona.field]: null }).toEqual({ ...before, [heads.persona.field]: null });
    expect(
      formatPersonaSource(heads.persona.file, Buffer.from(personaHead[heads.persona.file] as string)).kind,
    ).toBe('canonical');

    const contributionHead = readTree(heads.contribution.root);
    const added = Object.keys(contributionHead).filter((file) => !(file in base));
    expect(added).toEqual([heads.contribution.file]);
    expect(Object.keys(contributionHead).filter((file) => contributionHead[file] !== base[file])).toEqual(
      added,
    );
    const contribution = parse(contributionHead[heads.contribution.file] as string);
    expect(contribution).toMatchObject({
      persona: heads.contribution.persona,
      field: heads.contribution.field,
      action: 'extend',
    });
    // No other contribution touches that persona field.
    for (const file of withHeads.contributionFiles) {
      if (withHeads.invalid.some((f) => f.file === file)) continue;
      const other = parse(base[file] as string);
      expect(`${other.persona}/${other.field}`).not.toBe(`${contribution.persona}/${contribution.field}`);
    }
  });

  it('edits one persona to new text on each edit', () => {
    const file = library.editPersona(library.cleanRoot, 1);
    const first = readFileSync(path.join(library.cleanRoot, file), 'utf8');
    library.editPersona(library.cleanRoot, 2);
    const second = readFileSync(path.join(library.cleanRoot, file), 'utf8');
    expect(second).not.toBe(first);
    expect(formatPersonaSource(file, Buffer.from(second)).kind).toBe('canonical');
  });
});

describe('bench options', () => {
  it('has defaults for a full run', () => {
    expect(parseOptions([])).toMatchObject({
      sizes: [1000, 10000],
      runs: 5,
      warmup: 1,
      out: 'bench/results.json',
    });
  });

  it.each([
    ['--runs', '0'],
    ['--sizes', '10,abc'],
    ['--warmup', '-1'],
    ['--only', 'validate-cold,nope'],
    ['--unknown', 'x'],
  ])('rejects %s %s', (flag, value) => {
    expect(() => parseOptions([flag, value])).toThrow(BenchUsageError);
  });

  it.each([
    [[3, 1, 2], 2],
    [[4, 1, 3, 2], 2.5],
  ])('median of %j is %d', (values, expected) => {
    expect(median(values)).toBe(expected);
  });
});
