import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { generateLibrary } from '../../bench/generate-library.ts';
import { POOL_TASKS } from '../../scripts/accel/pool-tasks.ts';
import { setAccelerated } from '../../scripts/accel/switch.ts';
import { inProcessWorker } from '../../scripts/accel/worker-pool.ts';
import { type ValidateOptions, validateLibrary } from '../../scripts/pipeline/validate-library.ts';
import { FIXTURE_LIBRARY, writeFiles } from '../contributions/contribution-helpers.ts';
import { CONTRIBUTION_RULE_CASES } from '../contributions/contribution-rule-cases.ts';
import { plantedDiagnostic } from '../helpers/planted.ts';
import { REPO_ROOT } from '../helpers/run-cli.ts';
import { editStoredResults } from '../helpers/store-file.ts';
import { RULE_CASES } from '../validate/rule-cases.ts';

/**
 * The accelerator (fast paths, result store, worker pool) against the reference path, on whole libraries:
 * every validation answer must be the same, cold or warm, on one thread or several.
 */
const tmp = mkdtempSync(path.join(os.tmpdir(), 'persona-accel-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
afterEach(() => setAccelerated(undefined));

let made = 0;
/** Folders validation never reads: copying the repository's would be most of this file's time. */
const NOT_LIBRARY = new Set(['.git', 'node_modules', 'catalogue', 'dist', 'test', 'docs']);

function copyOf(from: string): string {
  const root = path.join(tmp, `lib-${++made}`);
  cpSync(from, root, {
    recursive: true,
    filter: (source) => path.dirname(source) !== from || !NOT_LIBRARY.has(path.basename(source)),
  });
  return root;
}

/** A library with every persona rule and contribution rule firing somewhere, and a generated one with 120 personas. */
const LIBRARIES: Array<[string, () => string]> = [
  ['the shipped library', () => copyOf(path.join(REPO_ROOT, 'personas', '..'))],
  [
    'the contribution rules’ cases, side by side',
    () => {
      const root = copyOf(FIXTURE_LIBRARY);
      CONTRIBUTION_RULE_CASES.forEach((c, i) => {
        writeFiles(
          root,
          Object.fromEntries(
            Object.entries(c.files).map(([f, t]) => [
              f.replace(/\/([^/]+)$/, `/${i}-$1`),
              typeof t === 'string' ? t.replace('«', '') : t,
            ]),
          ),
        );
      });
      return root;
    },
  ],
  [
    'the persona rules’ cases',
    () => {
      const root = copyOf(FIXTURE_LIBRARY);
      for (const c of RULE_CASES)
        for (const [file, content] of Object.entries(c.files))
          if (file.startsWith('personas/') && file.split('/').length === 3)
            writeFiles(root, {
              [file.replace('.yaml', `-${made}.yaml`)]:
                typeof content === 'string' ? content.replace('«', '') : content,
            });
      return root;
    },
  ],
  [
    'a generated library of 120 personas with invalid files',
    () =>
      generateLibrary({
        dir: path.join(tmp, `gen-${++made}`),
        size: 120,
        seed: 7,
        schemasDir: path.join(REPO_ROOT, 'schemas'),
      }).root,
  ],
];

async function both(root: string, options: ValidateOptions = {}) {
  setAccelerated(false);
  const { readPersonaData: _reference, ...reference } = await validateLibrary(root, {
    env: {},
    personaData: options.personaData ?? true,
  });
  setAccelerated(true);
  // `checked` (the content hashes) is the accelerator's own: the reference has none to give.
  const {
    readPersonaData: _accelerated,
    checked: _checked,
    ...accelerated
  } = await validateLibrary(root, {
    env: {},
    ...options,
  });
  if (options.personaData !== false) return { reference, accelerated };
  // Without data asked for, the personas contributions name keep theirs only where a run parsed them.
  const withoutData = (result: typeof reference) => ({
    ...result,
    personas: result.personas.map((p) => ({ ...p, data: null })),
  });
  return { reference: withoutData(reference), accelerated: withoutData(accelerated) };
}

const PLANTED = 'planted in the store';

/** Threads that run in this process: the pool's real worker side, without a bundle. */
const inProcessThreads = () => inProcessWorker(POOL_TASKS);

describe.each(LIBRARIES)('accelerated validation of %s', (_name, make) => {
  it('equals the reference: same facts and diagnostics, cold, warm, and on several threads', async () => {
    const root = make();
    const store = path.join(tmp, `store-${made}.json`);
    const cold = await both(root, { store, personaData: false });
    expect(cold.accelerated).toEqual(cold.reference);
    // Warm: every file from the store this time.
    const warm = await both(root, { store, personaData: false });
    expect(warm.accelerated).toEqual(cold.reference);
    // With every persona's data: the store holds none, so the personas are checked again.
    const withData = await both(root, { store });
    expect(withData.accelerated).toEqual(withData.reference);
    const threaded = await both(root, {
      store: null,
      personaData: false,
      pool: { minItemsPerThread: 10, threads: 3, spawn: inProcessThreads },
    });
    expect(threaded.accelerated).toEqual(cold.reference);
    expect(cold.reference.diagnostics.length).toBeGreaterThanOrEqual(_name === 'the shipped library' ? 0 : 5);
  });
});

describe('the store answers for unchanged content, and never for changed content', () => {
  it('answers a warm run from what it stored (a planted answer shows it was asked)', async () => {
    const root = copyOf(FIXTURE_LIBRARY);
    const store = path.join(tmp, 'store-planted.json');
    setAccelerated(true);
    expect((await validateLibrary(root, { store, personaData: false, env: {} })).diagnostics).toEqual([]);
    let planted = false;
    editStoredResults(store, (id, value) => {
      if (planted || !id.startsWith('persona\0')) return value;
      planted = true;
      const facts = value as { file: string };
      return { ...facts, diagnostics: [plantedDiagnostic(facts.file, PLANTED)] };
    });
    expect(
      (await validateLibrary(root, { store, personaData: false, env: {} })).diagnostics.map((d) => d.message),
    ).toEqual([PLANTED]);
  });

  it("keeps each product's duplicate-persona findings, and compares a product again once a persona of it changed", async () => {
    const root = copyOf(FIXTURE_LIBRARY);
    const store = path.join(tmp, 'store-groups.json');
    setAccelerated(true);
    const run = async () =>
      (await validateLibrary(root, { store, personaData: false, env: {} })).diagnostics.map((d) => d.message);
    expect(await run()).toEqual([]);
    const sentry = 'personas/sentry/sentry-error-monitor.yaml';
    let planted = 0;
    editStoredResults(store, (id, value) => {
      if (!id.startsWith('group-findings\0similar-personas\0sentry\0')) return value;
      planted++;
      return [
        {
          file: sentry,
          at: ['job_story'],
          rule: 'lint/duplicate-persona',
          severity: 'warning',
          message: 'planted in the store',
          hint: '',
        },
      ];
    });
    expect(planted).toBe(1);
    // Asked again for the unchanged sentry personas, the store answers (the planted finding shows it).
    expect(await run()).toEqual(['planted in the store']);
    // A sentry persona changed: that product is compared again, and the planted answer is not used.
    const text = readFileSync(path.join(root, sentry), 'utf8');
    writeFileSync(path.join(root, sentry), text.replace('job_story: "When', 'job_story: "Whenever'));
    expect(await run()).not.toContain('planted in the store');
  });

  it('sees an edited persona, and the correction it made stale', async () => {
    const root = copyOf(FIXTURE_LIBRARY);
    writeFiles(root, {
      'contributions/sentry-error-monitor/2026-11-20-amy-goals.yaml': [
        '# yaml-language-server: $schema=../../schemas/contribution.schema.json',
        'persona: sentry-error-monitor',
        'field: frustrations',
        'action: correct',
        'item: 3',
        'value: "Bot noise eats the quota by mid-month."',
        'original: "Crawler and browser-extension noise eating the monthly error quota."',
        'author: amy',
        'rationale: "Seen it."',
        '',
      ].join('\n'),
    });
    const store = path.join(tmp, 'store-edit.json');
    setAccelerated(true);
    expect((await validateLibrary(root, { store, env: {} })).diagnostics).toEqual([]);
    const persona = path.join(root, 'personas/sentry/sentry-error-monitor.yaml');
    writeFileSync(
      persona,
      readFileSync(persona, 'utf8').replace('eating the monthly error quota.', 'eating the quota.'),
    );
    const after = await validateLibrary(root, { store, env: {} });
    expect(after.diagnostics.map((d) => d.rule)).toEqual(['contribution/stale-original']);
    setAccelerated(false);
    expect((await validateLibrary(root, { env: {} })).diagnostics).toEqual(after.diagnostics);
  });
});
