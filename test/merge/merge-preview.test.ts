import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { setAccelerated } from '../../scripts/accel/switch.ts';
import { mergeLibrary, previewMerge } from '../../scripts/pipeline/merge-library.ts';
import { validateLibrary } from '../../scripts/pipeline/validate-library.ts';
import type { MergePlan } from '../../scripts/plan/merge/merge-plan.ts';
import { previewOf } from '../../scripts/render/report/merge-preview.ts';
import {
  contribution,
  FIXTURE_LIBRARY,
  GUARDIAN,
  MONITOR,
  writeFiles,
} from '../contributions/contribution-helpers.ts';
import { CONTRIBUTION_RULE_CASES } from '../contributions/contribution-rule-cases.ts';

/**
 * The validate action's preview plans the merge from the head's own validation (previewMerge) instead of
 * running the merge's dry run, which lists, reads and checks the library again: the plans must be the same,
 * with the accelerator on (facts from its fast paths and store) and off.
 */
const tmp = mkdtempSync(path.join(os.tmpdir(), 'persona-preview-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
afterEach(() => setAccelerated(undefined));

let made = 0;
function libraryWith(files: Record<string, string | Uint8Array>): string {
  const root = path.join(tmp, `lib-${++made}`);
  cpSync(FIXTURE_LIBRARY, root, { recursive: true });
  writeFiles(root, files);
  return root;
}

const DIR = 'contributions/sentry-error-monitor';
const LIBRARIES: Array<[string, () => string]> = [
  [
    'contributions that apply, conflict, go stale and cannot be read',
    () => {
      const root = libraryWith({
        [`${DIR}/2026-11-20-octocat-goals.yaml`]: contribution(
          'persona: sentry-error-monitor',
          'field: goals',
          'action: extend',
          'value: "Know which release introduced an error before users report it."',
          'author: octocat',
        ),
        [`${DIR}/2026-11-21-hubot-goals.yaml`]: contribution(
          'persona: sentry-error-monitor',
          'field: goals',
          'action: confirm',
          'item: 1',
          'author: hubot',
        ),
        [`${DIR}/2026-11-22-zed-identity.yaml`]: contribution(
          'persona: sentry-error-monitor',
          'field: identity',
          'action: correct',
          'value: "A new identity."',
          'original: "Not what the persona says."',
          'author: zed',
        ),
        [`${DIR}/2026-11-23-amy-goals.yaml`]: 'persona: [unclosed\n',
        'contributions/sentry-release-guardian/2026-11-24-bob-worldview.yaml': contribution(
          'persona: sentry-release-guardian',
          'field: worldview',
          'action: confirm',
          'author: bob',
        ),
        'contributions/nobody/2026-11-25-eve-goals.yaml': contribution(
          'persona: nobody',
          'field: goals',
          'action: confirm',
          'item: 1',
          'author: eve',
        ),
      });
      // Never read by the merge, so reported as a conflict from the listing.
      mkdirSync(path.join(root, 'contributions/linked'), { recursive: true });
      symlinkSync(path.join(root, MONITOR), path.join(root, 'contributions/linked/2026-11-26-x-goals.yaml'));
      return root;
    },
  ],
  [
    'every contribution rule’s failing case, side by side',
    () =>
      libraryWith(
        Object.fromEntries([
          // One that applies, beside the failing cases.
          [
            'contributions/pagerduty-on-call-engineer/2026-11-20-octocat-goals.yaml',
            contribution(
              'persona: pagerduty-on-call-engineer',
              'field: goals',
              'action: confirm',
              'item: 1',
              'author: octocat',
            ),
          ],
          ...CONTRIBUTION_RULE_CASES.flatMap((c, i) =>
            Object.entries(c.files)
              .filter(([file]) => file.startsWith('contributions/') || file === MONITOR || file === GUARDIAN)
              .map(([file, text]) => [
                file.startsWith('contributions/') ? file.replace(/\/([^/]+)$/, `/${i}-$1`) : file,
                typeof text === 'string' ? text.replace('«', '') : text,
              ]),
          ),
        ]),
      ),
  ],
];

type Planned = { plan: MergePlan } | { error: string };

async function planned(run: () => Promise<MergePlan>): Promise<Planned> {
  try {
    return { plan: await run() };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

describe('previewMerge (the validate action’s preview) against the merge dry run', () => {
  for (const [name, make] of LIBRARIES) {
    for (const accelerated of [false, true]) {
      it(`plans the same merge: ${name}, accelerator ${accelerated ? 'on' : 'off'}`, async () => {
        setAccelerated(accelerated);
        const root = make();
        const env = { PERSONA_STATE_DIR: path.join(tmp, 'state') };
        const dryRun = await planned(
          async () => (await mergeLibrary(root, { dryRun: true, date: null, env })).plan,
        );
        const preview = await planned(async () => previewMerge(root, await validateLibrary(root, { env })));
        expect(preview).toEqual(dryRun);
        // The case is worth comparing: something applies and something conflicts.
        expect('plan' in dryRun && dryRun.plan.applied.length).toBeGreaterThan(0);
        expect('plan' in dryRun && dryRun.plan.conflicts.length).toBeGreaterThan(0);
      });
    }
  }

  it('the comparison can fail: another date is another plan', async () => {
    const root = LIBRARIES[0]?.[1]() as string;
    const env = { PERSONA_STATE_DIR: path.join(tmp, 'state') };
    const dated = await mergeLibrary(root, { dryRun: true, date: '2026-12-01', env });
    const preview = await previewMerge(root, await validateLibrary(root, { env }));
    expect(preview.personas).not.toEqual(dated.plan.personas);
  });
});

describe('a focused preview (one pull request’s contributions)', () => {
  for (const [name, make] of LIBRARIES) {
    it(`is the full preview’s part for each contribution file alone and for pairs: ${name}`, async () => {
      const root = make();
      const env = { PERSONA_STATE_DIR: path.join(tmp, 'state') };
      const checked = await validateLibrary(root, { env });
      const full = await previewMerge(root, checked, { env });
      const files = checked.listing.contributionFiles;
      const focuses = [
        ...files.map((file) => [file]),
        ...files.slice(1).map((file, i) => [files[i] as string, file]),
      ];
      let narrower = 0;
      for (const focus of focuses) {
        const mine = new Set(focus);
        const focused = await previewMerge(root, checked, { env, focus: mine });
        expect(previewOf(focused, mine)).toEqual(previewOf(full, mine));
        // Only the personas the focused files merge into are planned.
        const targets = new Set(full.applied.filter((a) => mine.has(a.file)).map((a) => a.personaFile));
        for (const persona of focused.personas) expect(targets.has(persona.file)).toBe(true);
        if (focused.personas.length < full.personas.length) narrower++;
      }
      // The focus does leave personas out (the cases have contributions to more than one persona).
      expect(narrower).toBeGreaterThan(0);
    });
  }
});
