import { mkdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { registerWorkerEntry } from '../../scripts/pipeline/check-files.ts';
import { validateLibrary } from '../../scripts/pipeline/validate-library.ts';
import { toolStateFor } from '../../scripts/read/tool-state.ts';
import { personaText } from '../helpers/persona-text.ts';
import { runCli, scratchLibrary, testBundle, testStateDir } from '../helpers/run-cli.ts';

/** The state folder the CLI uses for a scratch library in this test run. */
const stateOf = (root: string) => toolStateFor(root, { PERSONA_STATE_DIR: testStateDir() }).dir;

const CONTRIBUTION_HEADER = '# yaml-language-server: $schema=../../schemas/contribution.schema.json\n';

/** A library of `count` personas in rings of reciprocated links, plus a correction and a few broken files. */
function writeLibrary(root: string, count: number, staleCorrections = 0): void {
  const slug = (i: number) => `acme-p${i}`;
  for (let i = 0; i < count; i++) {
    const file = path.join(root, 'personas', 'acme', `${slug(i)}.yaml`);
    mkdirSync(path.dirname(file), { recursive: true });
    const links =
      count > 1
        ? [slug((i + 1) % count), slug((i + count - 1) % count)].filter((s, k, all) => all.indexOf(s) === k)
        : [];
    writeFileSync(file, personaText(slug(i), { id: `APP-${1000 + i}`, title: `Persona ${i}`, links }));
  }
  writeFileSync(path.join(root, 'personas', 'acme', 'acme-broken.yaml'), 'id: APP-9\nslug: [\n');
  writeFileSync(
    path.join(root, 'personas', 'acme', 'acme-p0.yaml').replace('p0', 'dup'),
    personaText('acme-dup', { id: 'APP-1000', title: 'Dup' }),
  );
  const contribution = path.join(root, 'contributions', 'acme-p1', '2026-11-20-octocat-outcome.yaml');
  mkdirSync(path.dirname(contribution), { recursive: true });
  writeFileSync(
    contribution,
    `${CONTRIBUTION_HEADER}persona: acme-p1\nfield: outcome\naction: correct\nvalue: "Incidents are found in seconds."\noriginal: "Incidents are found in minutes and fixed the same day."\nauthor: octocat\nrationale: "Faster now."\n`,
  );
  // Corrections whose `original` is not the persona's text, spread over personas that different threads check.
  for (let i = 0; i < staleCorrections; i++) {
    const persona = slug(i * 7 + 3);
    const file = path.join(root, 'contributions', persona, `2026-11-21-octocat-outcome.yaml`);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(
      file,
      `${CONTRIBUTION_HEADER}persona: ${persona}\nfield: outcome\naction: correct\nvalue: "Found in seconds."\noriginal: "Not what the persona says."\nauthor: octocat\nrationale: "Faster now."\n`,
    );
  }
}

const json = async (root: string, extra: string[] = []) => {
  const result = await runCli(['validate', '--root', root, '--format', 'json', ...extra], {
    timeoutMs: 60_000,
  });
  expect(result.stderr).toBe('');
  return { code: result.code, report: JSON.parse(result.stdout) };
};

describe('worker threads', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  it('give the same report as checking in one thread', async () => {
    const lib = scratchLibrary();
    cleanup = lib.cleanup;
    // Enough files for the pool to start workers; the stale corrections are compared in whichever thread
    // parsed their persona.
    writeLibrary(lib.root, 3200, 30);
    const inProcess = await validateLibrary(lib.root); // in-process: no worker entry, one thread
    const { code, report } = await json(lib.root, ['--no-cache']);
    expect(code).toBe(1);
    expect(report.diagnostics).toEqual(JSON.parse(JSON.stringify(inProcess.diagnostics)));
    expect(report.summary.personas).toBe(3202);
    const rules = report.diagnostics.map((d: { rule: string }) => d.rule);
    expect(new Set(rules)).toEqual(new Set(['yaml/syntax', 'id/duplicate', 'contribution/stale-original']));
    expect(rules.filter((rule: string) => rule === 'contribution/stale-original')).toHaveLength(30);
  });
});

describe('a worker that is lost', () => {
  let cleanup = () => {};
  afterEach(() => {
    registerWorkerEntry(undefined);
    cleanup();
  });

  /** A library large enough for a worker, its report from one thread, and `script` as the worker's entry. */
  async function withWorker(staleCorrections: number, script: readonly string[]) {
    const lib = scratchLibrary();
    cleanup = lib.cleanup;
    writeLibrary(lib.root, 3200, staleCorrections);
    const expected = await validateLibrary(lib.root, { personaData: false }); // one thread: no worker entry
    const entry = path.join(lib.root, 'worker.mjs');
    writeFileSync(entry, script.join('\n'));
    registerWorkerEntry(pathToFileURL(entry));
    return { root: lib.root, expected };
  }

  it('leaves what it never reported to the main thread, with the same report', async () => {
    // A worker script that claims every chunk left, records how many, and dies without reporting them.
    const { root, expected } = await withWorker(30, [
      "import { writeFileSync } from 'node:fs';",
      "import { workerData } from 'node:worker_threads';",
      'const counter = new Int32Array(workerData.counter);',
      'const total = workerData.jobs.personaFiles.length + workerData.jobs.contributionFiles.length;',
      'let claimed = 0;',
      'while (Atomics.add(counter, 0, 1) * 32 < total) claimed++;',
      "writeFileSync(new URL('./claimed.txt', import.meta.url), String(claimed));",
      "throw new Error('lost before reporting');",
    ]);
    const result = await validateLibrary(root, { personaData: false });
    expect(Number(readFileSync(path.join(root, 'claimed.txt'), 'utf8'))).toBeGreaterThan(0);
    expect(result.diagnostics).toEqual(expected.diagnostics);
    expect(result.diagnostics.filter((d) => d.rule === 'contribution/stale-original')).toHaveLength(30);
    expect(result.personas.map((p) => p.summary?.slug)).toEqual(
      expected.personas.map((p) => p.summary?.slug),
    );
  });

  it('between checking and comparing has its share compared on the main thread, which reads those personas again', async () => {
    // The real worker (the test bundle), except that it exits when asked to compare, after reporting its files.
    const { root, expected } = await withWorker(450, [
      "import { writeFileSync } from 'node:fs';",
      "import { parentPort } from 'node:worker_threads';",
      'const once = parentPort.once.bind(parentPort);',
      'parentPort.once = (event, listener) =>',
      '  once(event, (message) => {',
      '    if (!Array.isArray(message?.comparisons)) return listener(message);',
      "    writeFileSync(new URL('./asked.txt', import.meta.url), String(message.comparisons.length));",
      '    process.exit(3);',
      '  });',
      `await import(${JSON.stringify(pathToFileURL(testBundle()).href)});`,
    ]);
    // The worker only holds personas it claimed before the main thread got to them; the stale corrections are
    // spread over all of them, but a worker that starts very late may hold none, so this tries a few times.
    const asked = path.join(root, 'asked.txt');
    let comparisonsLost = 0;
    for (let attempt = 0; attempt < 4 && comparisonsLost === 0; attempt++) {
      rmSync(asked, { force: true });
      const result = await validateLibrary(root, { personaData: false });
      expect(result.diagnostics).toEqual(expected.diagnostics);
      expect(result.diagnostics.filter((d) => d.rule === 'contribution/stale-original')).toHaveLength(450);
      comparisonsLost = Number(readFileSync(asked, 'utf8'));
    }
    expect(comparisonsLost).toBeGreaterThan(0);
  });
});

describe('the validation cache', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  function library() {
    const lib = scratchLibrary();
    cleanup = lib.cleanup;
    writeLibrary(lib.root, 40);
    return lib.root;
  }
  const cacheFile = (root: string) => path.join(stateOf(root), 'cache/validate.json');

  it('is written on the first run and gives the same report on the next', async () => {
    const root = library();
    const cold = await json(root);
    expect(statSync(cacheFile(root)).size).toBeGreaterThan(0);
    const warm = await json(root);
    expect(warm).toEqual(cold);
  });

  it('sees an edited persona, and a persona edit that makes a contribution stale', async () => {
    const root = library();
    await json(root);
    const p1 = path.join(root, 'personas/acme/acme-p1.yaml');
    writeFileSync(
      p1,
      readFileSync(p1, 'utf8')
        .replace('found in minutes', 'found in hours')
        .replace('category: technical', 'category: technicl'),
    );
    const { report } = await json(root);
    const rules = report.diagnostics.map((d: { rule: string; file: string }) => `${d.file} ${d.rule}`);
    expect(rules).toContain('personas/acme/acme-p1.yaml schema/not-allowed');
    // The contribution did not change, but its persona did: the comparison is made again.
    expect(rules).toContain(
      'contributions/acme-p1/2026-11-20-octocat-outcome.yaml contribution/persona-has-errors',
    );
    writeFileSync(p1, readFileSync(p1, 'utf8').replace('category: technicl', 'category: technical'));
    const fixed = await json(root);
    expect(fixed.report.diagnostics.map((d: { rule: string }) => d.rule)).toContain(
      'contribution/stale-original',
    );
  });

  it('keeps the places it had to locate, so a broken link is reported the same without parsing again', async () => {
    const root = library();
    const file = 'personas/acme/acme-lost.yaml';
    writeFileSync(path.join(root, file), personaText('acme-lost', { id: 'APP-77', links: ['acme-p99'] }));
    const cold = await json(root);
    const broken = cold.report.diagnostics.filter((d: { rule: string }) => d.rule === 'link/unknown-persona');
    expect(broken).toHaveLength(1);
    expect(broken[0]).toMatchObject({ file, hint: 'Did you mean `acme-p19`?' });
    expect(broken[0].line).toBeGreaterThan(1);
    const cached = JSON.parse(readFileSync(cacheFile(root), 'utf8'));
    const row = cached.personas.find((entry: unknown[]) => entry[0] === file);
    expect(row[7]['composability.0.persona']).toMatchObject({ line: broken[0].line });
    expect(Object.values(cached.suggestions)).toContain('acme-p19');
    expect(await json(root)).toEqual(cold);
    // The remembered suggestion belongs to the old set of slugs: without acme-p19 it is asked again.
    rmSync(path.join(root, 'personas/acme/acme-p19.yaml'));
    const after = await json(root);
    expect(after).toEqual(await json(root, ['--no-cache']));
    expect(after.report.diagnostics).toContainEqual(
      expect.objectContaining({ file, rule: 'link/unknown-persona', hint: 'Did you mean `acme-p29`?' }),
    );
  });

  it('writes a small delta for a few edits, and the whole cache again once the delta grows', async () => {
    const lib = scratchLibrary();
    cleanup = lib.cleanup;
    const root = lib.root;
    writeLibrary(root, 150);
    const delta = path.join(stateOf(root), 'cache/validate.delta.json');
    const edit = (i: number) => {
      const file = path.join(root, `personas/acme/acme-p${i}.yaml`);
      writeFileSync(file, readFileSync(file, 'utf8').replace('found in minutes', `found in ${i} minutes`));
    };
    await json(root);
    const full = readFileSync(cacheFile(root), 'utf8');
    edit(3);
    const afterOne = await json(root);
    expect(afterOne).toEqual(await json(root, ['--no-cache']));
    expect(readFileSync(cacheFile(root), 'utf8')).toBe(full);
    const rows = JSON.parse(readFileSync(delta, 'utf8')).personas.map((row: unknown[]) => row[0]);
    expect(rows).toEqual(['personas/acme/acme-p3.yaml']);
    // The next run reads the delta over the full cache; with nothing changed it writes neither.
    const deltaText = readFileSync(delta, 'utf8');
    expect(await json(root)).toEqual(afterOne);
    expect(readFileSync(delta, 'utf8')).toBe(deltaText);
    expect(readFileSync(cacheFile(root), 'utf8')).toBe(full);
    // A delta that does not fit the full cache is ignored, and the report is still right.
    writeFileSync(delta, readFileSync(delta, 'utf8').replace(/"base":"[^"]+"/, '"base":"another"'));
    edit(4);
    expect(await json(root)).toEqual(await json(root, ['--no-cache']));
    // Nor does a delta that is not JSON, or has an entry of the wrong shape, stop anything.
    writeFileSync(delta, '{"format":"persona-validate-cache","personas":[');
    edit(5);
    expect(await json(root)).toEqual(await json(root, ['--no-cache']));
    const written = JSON.parse(readFileSync(delta, 'utf8'));
    written.personas[0][6] = 'not a list of diagnostics';
    writeFileSync(delta, JSON.stringify(written));
    expect(await json(root)).toEqual(await json(root, ['--no-cache']));
    // More edits than a tenth of the library: the full cache is rewritten and the delta removed.
    for (let i = 10; i < 90; i++) edit(i);
    expect(await json(root)).toEqual(await json(root, ['--no-cache']));
    expect(readFileSync(cacheFile(root), 'utf8')).not.toBe(full);
    expect(() => statSync(delta)).toThrow();
  });

  it('keeps what it knows of contributions through a catalogue run, which checks personas only', async () => {
    const lib = scratchLibrary();
    cleanup = lib.cleanup;
    const root = lib.root;
    writeLibrary(root, 40, 3);
    // More contributions than a delta may leave out (64): a run that dropped them would rewrite the whole cache.
    for (let i = 0; i < 70; i++) {
      const file = path.join(root, 'contributions', `acme-p${i % 40}`, `2026-11-22-reader${i}-goals.yaml`);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(
        file,
        `${CONTRIBUTION_HEADER}persona: acme-p${i % 40}\nfield: goals\naction: confirm\nauthor: reader${i}\nrationale: "Matches my week."\n`,
      );
    }
    const delta = path.join(stateOf(root), 'cache/validate.delta.json');
    // Every file the cache holds an entry for, the delta laid over the full cache.
    const cached = (kind: 'personas' | 'contributions') => {
      const rows = JSON.parse(readFileSync(cacheFile(root), 'utf8'))[kind] as unknown[][];
      let extra: unknown[][] = [];
      try {
        extra = JSON.parse(readFileSync(delta, 'utf8'))[kind];
      } catch {}
      return [...new Set([...rows, ...extra].map((row) => row[0]))].sort();
    };
    const cold = await json(root);
    const contributions = cached('contributions');
    expect(contributions).toHaveLength(74);
    // Fix the broken personas, so the catalogue is written, then edit one persona after the other.
    rmSync(path.join(root, 'personas/acme/acme-broken.yaml'));
    rmSync(path.join(root, 'personas/acme/acme-dup.yaml'));
    const out = path.join(root, 'docs');
    for (const i of [1, 2]) {
      const file = path.join(root, `personas/acme/acme-p${i}.yaml`);
      writeFileSync(file, readFileSync(file, 'utf8').replace('category: technical', 'category: business'));
      const catalogue = await runCli(['catalogue', '--root', root, '--out', out], { timeoutMs: 60_000 });
      expect(catalogue.code).toBe(0);
      expect(cached('contributions')).toEqual(contributions);
    }
    expect(cached('personas')).toContain('personas/acme/acme-p1.yaml');
    const warm = await json(root);
    expect(warm).toEqual(await json(root, ['--no-cache']));
    expect(warm.report.diagnostics.length).toBeLessThan(cold.report.diagnostics.length);
  });

  it('sees an edit that keeps the size and puts the mtime back', async () => {
    const root = library();
    await json(root);
    const p2 = path.join(root, 'personas/acme/acme-p2.yaml');
    const before = statSync(p2);
    writeFileSync(p2, readFileSync(p2, 'utf8').replace('category: technical', 'category: technicx'));
    utimesSync(p2, before.atime, before.mtime);
    const { report } = await json(root);
    expect(report.diagnostics.map((d: { file: string; rule: string }) => `${d.file} ${d.rule}`)).toContain(
      'personas/acme/acme-p2.yaml schema/not-allowed',
    );
  });

  it.each([
    ['garbage', 'not json at all {'],
    ['another format', JSON.stringify({ format: 'something-else', version: 2 })],
    [
      'an old version',
      JSON.stringify({
        format: 'persona-validate-cache',
        version: 1,
        key: 'x',
        personas: {},
        contributions: {},
        memo: {},
      }),
    ],
    [
      'wrong shapes',
      JSON.stringify({
        format: 'persona-validate-cache',
        version: 3,
        key: 'x',
        personas: { a: 1 },
        contributions: [],
        memo: 3,
      }),
    ],
    // Stamps that match the files on disk, so only a check of each entry's shape keeps them out.
    ['an entry of the wrong shape under the right key', 'corrupt-entry'],
    ['a truncated file', '{"format":"persona-validate-cache","version":2,"personas":{'],
  ])('ignores %s and still reports correctly', async (_name, content) => {
    const root = library();
    const clean = await json(root, ['--no-cache']);
    mkdirSync(path.dirname(cacheFile(root)), { recursive: true });
    // A valid run writes the real key and stamps; the corrupt-entry case keeps them and breaks one field.
    await json(root);
    const written = JSON.parse(readFileSync(cacheFile(root), 'utf8'));
    if (content === 'corrupt-entry') {
      for (const row of written.personas) row[6] = 'not a list of diagnostics';
      writeFileSync(cacheFile(root), JSON.stringify(written));
    } else writeFileSync(cacheFile(root), content);
    expect(await json(root)).toEqual(clean);
  });

  it('--no-cache writes nothing; --cache-location writes there', async () => {
    const root = library();
    await json(root, ['--no-cache']);
    expect(() => statSync(cacheFile(root))).toThrow();
    const elsewhere = path.join(root, 'my-cache.json');
    await json(root, ['--cache-location', elsewhere]);
    expect(statSync(elsewhere).size).toBeGreaterThan(0);
    rmSync(elsewhere);
  });
});
