import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { generateLibrary } from '../../bench/generate-library.ts';
import { closeAccelerator, openAccelerator } from '../../scripts/accel/accelerator.ts';
import { POOL_TASKS } from '../../scripts/accel/pool-tasks.ts';
import { setAccelerated } from '../../scripts/accel/switch.ts';
import { inProcessWorker } from '../../scripts/accel/worker-pool.ts';
import { validateAgainstBase } from '../../scripts/pipeline/validate-against-base.ts';
import { type ValidationResult, validateLibrary } from '../../scripts/pipeline/validate-library.ts';
import { plantedDiagnostic } from '../helpers/planted.ts';
import { REPO_ROOT } from '../helpers/run-cli.ts';

/**
 * The pull request check validates the base with the head as its twin: a base file with the head's path and
 * bytes takes the head's facts instead of being checked again. The base's answers must be exactly the
 * reference's, whatever the pull request changed.
 */
const tmp = mkdtempSync(path.join(os.tmpdir(), 'persona-twin-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
afterEach(() => setAccelerated(undefined));

const generated = generateLibrary({
  dir: path.join(tmp, 'generated'),
  size: 30,
  seed: 11,
  schemasDir: path.join(REPO_ROOT, 'schemas'),
});
const BASE = generated.root;

let made = 0;
/** A head: the base with a pull request's changes (an edit, a rename, a removal, a new file, a new error). */
function headOf(changes: (root: string) => void): string {
  const root = path.join(tmp, `head-${++made}`);
  cpSync(BASE, root, { recursive: true });
  changes(root);
  return root;
}

const [changedContribution] = generated.contributionFiles;
/** The persona the generator edits (one no contribution names), and two others the pull request moves and removes. */
let edited = '';
let renamed = '';
let removed = '';
const EDITS = (root: string) => {
  edited = generated.editPersona(root, 1);
  [renamed = '', removed = ''] = generated.personaFiles.filter((file) => file !== edited);
  const renamedText = readFileSync(path.join(root, renamed), 'utf8');
  rmSync(path.join(root, renamed));
  writeFileSync(path.join(root, renamed.replace(/\.yaml$/, '-moved.yaml')), renamedText);
  rmSync(path.join(root, removed));
  const contributionFile = path.join(root, changedContribution as string);
  writeFileSync(contributionFile, `${readFileSync(contributionFile, 'utf8')}unknown_key: 1\n`);
  writeFileSync(path.join(root, 'personas/not-yaml.txt'), 'stray');
};

const inProcessThreads = () => inProcessWorker(POOL_TASKS);

function comparable(result: ValidationResult) {
  const { readPersonaData: _read, checked: _checked, ...rest } = result;
  return rest;
}

async function reference(root: string) {
  setAccelerated(false);
  const result = comparable(await validateLibrary(root, { env: {} }));
  setAccelerated(true);
  return result;
}

/** Head then base on one accelerator, as the pull request check runs them; `plant` edits the head's facts. */
async function baseWithTwin(
  headRoot: string,
  baseRoot: string,
  plant: (head: ValidationResult) => ValidationResult = (head) => head,
) {
  setAccelerated(true);
  const accelerator = openAccelerator(headRoot, {
    store: null,
    env: {},
    pool: { minItemsPerThread: 10, threads: 3, spawn: inProcessThreads },
  });
  try {
    const head = plant(await validateLibrary(headRoot, { accelerator, env: {} }));
    return await validateLibrary(baseRoot, { accelerator, env: {}, twin: head });
  } finally {
    closeAccelerator(accelerator);
  }
}

const PLANTED = 'planted in the twin';

/** Every head persona's facts with one planted diagnostic: it shows in the base only where the twin answered. */
function plantEverywhere(head: ValidationResult): ValidationResult {
  return {
    ...head,
    personas: head.personas.map((p) => ({
      ...p,
      diagnostics: [...p.diagnostics, plantedDiagnostic(p.file, PLANTED)],
    })),
  };
}

describe('validating the base with the head as its twin', () => {
  it('gives exactly the reference’s answers for the base (same facts, data and diagnostics)', async () => {
    const head = headOf(EDITS);
    const expected = await reference(BASE);
    expect(comparable(await baseWithTwin(head, BASE))).toEqual(expected);
    // And the other way round: the head validated with the base as its twin.
    expect(comparable(await baseWithTwin(BASE, head))).toEqual(await reference(head));
    expect(expected.diagnostics.length).toBeGreaterThan(3);
  });

  it('takes the twin’s facts for every file with the same path and bytes, and checks the others', async () => {
    const head = headOf(EDITS);
    const base = await baseWithTwin(head, BASE, plantEverywhere);
    const planted = new Set(base.diagnostics.filter((d) => d.message === PLANTED).map((d) => d.file));
    for (const file of generated.personaFiles)
      expect([file, planted.has(file)]).toEqual([file, ![edited, renamed, removed].includes(file)]);
  });

  it('takes nothing from a twin checked with other schemas or settings', async () => {
    const head = headOf((root) => {
      const schema = path.join(root, 'schemas/persona.schema.json');
      const parsed = JSON.parse(readFileSync(schema, 'utf8'));
      writeFileSync(
        schema,
        JSON.stringify({ ...parsed, description: `${parsed.description ?? ''} (edited)` }),
      );
    });
    const base = await baseWithTwin(head, BASE, plantEverywhere);
    expect(base.diagnostics.filter((d) => d.message === PLANTED)).toEqual([]);
    const configured = headOf((root) =>
      writeFileSync(path.join(root, 'persona.config.yaml'), 'privacy:\n  allow: [Acme]\n'),
    );
    const other = await baseWithTwin(configured, BASE, plantEverywhere);
    expect(other.diagnostics.filter((d) => d.message === PLANTED)).toEqual([]);
  });

  it('the pull request check judges the same with the accelerator on and off', async () => {
    const head = headOf(EDITS);
    // A moved file keeps its id: the check pairs it with the base by text.
    expect(readFileSync(path.join(head, renamed.replace(/\.yaml$/, '-moved.yaml'))).length).toBeGreaterThan(
      0,
    );
    setAccelerated(false);
    const off = await validateAgainstBase(head, BASE, { store: null, env: {} });
    setAccelerated(true);
    const on = await validateAgainstBase(head, BASE, {
      store: null,
      env: { PERSONA_FILES_PER_THREAD: '10' },
    });
    expect(on.diagnostics).toEqual(off.diagnostics);
    expect(on.baseDiagnostics).toEqual(off.baseDiagnostics);
    expect(on.baseProblem).toBeNull();
  });
});
