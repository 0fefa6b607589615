import { cpSync, mkdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openAccelerator } from '../../scripts/accel/accelerator.ts';
import { incrementalSession } from '../../scripts/accel/incremental-session.ts';
import { validateLibrary } from '../../scripts/pipeline/validate-library.ts';
import { REPO_ROOT, scratchLibrary } from '../helpers/run-cli.ts';

/**
 * The accelerator's session against the reference: after every change, what the session says (told only which
 * paths changed) equals what validating the whole library from scratch on the reference path says.
 */
let cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups) cleanup();
  cleanups = [];
});

const CONTRIBUTION = (persona: string, author: string, extra = '') =>
  [
    '# yaml-language-server: $schema=../../schemas/contribution.schema.json',
    `persona: ${persona}`,
    'field: goals',
    'action: confirm',
    `author: ${author}`,
    extra,
  ].join('\n');

type Step = [name: string, change: (root: string) => string[]];

const at = (root: string, file: string) => path.join(root, file);
const edit = (root: string, file: string, change: (text: string) => string) => {
  writeFileSync(at(root, file), change(readFileSync(at(root, file), 'utf8')));
  return [file];
};

const STEPS: Step[] = [
  [
    'a warning in one persona',
    (root) =>
      edit(root, 'personas/sentry/sentry-error-monitor.yaml', (t) =>
        t.replace('aha_moment: "', 'aha_moment: "TODO '),
      ),
  ],
  [
    'an error in another',
    (root) =>
      edit(root, 'personas/stripe/stripe-billing-engineer.yaml', (t) =>
        t.replace('category: technical', 'category: technicl'),
      ),
  ],
  [
    'a contribution, then a second confirming the same',
    (root) => {
      mkdirSync(at(root, 'contributions/sentry-error-monitor'), { recursive: true });
      writeFileSync(
        at(root, 'contributions/sentry-error-monitor/2026-11-20-amy-goals.yaml'),
        CONTRIBUTION('sentry-error-monitor', 'amy'),
      );
      writeFileSync(
        at(root, 'contributions/sentry-error-monitor/2026-11-21-amy-goals.yaml'),
        CONTRIBUTION('sentry-error-monitor', 'amy'),
      );
      return ['contributions/sentry-error-monitor'];
    },
  ],
  [
    'the persona a contribution names, renamed',
    (root) => {
      renameSync(
        at(root, 'personas/sentry/sentry-error-monitor.yaml'),
        at(root, 'personas/sentry/sentry-error-monitors.yaml'),
      );
      return ['personas/sentry/sentry-error-monitor.yaml', 'personas/sentry/sentry-error-monitors.yaml'];
    },
  ],
  [
    'a near-duplicate persona in a new product folder',
    (root) => {
      mkdirSync(at(root, 'personas/vercel-two'));
      const text = readFileSync(at(root, 'personas/vercel/vercel-frontend-shipper.yaml'), 'utf8')
        .replace('slug: vercel-frontend-shipper', 'slug: vercel-frontend-shipper-two')
        .replace('id: APP-', 'id: APP-9');
      writeFileSync(at(root, 'personas/vercel-two/vercel-frontend-shipper-two.yaml'), text);
      return ['personas/vercel-two'];
    },
  ],
  [
    'a hidden file and a stray file',
    (root) => {
      writeFileSync(at(root, 'personas/figma/.figma-handoff-developer.yaml.swp'), 'x');
      writeFileSync(at(root, 'personas/figma/notes.txt'), 'x');
      return ['personas/figma/.figma-handoff-developer.yaml.swp', 'personas/figma/notes.txt'];
    },
  ],
  [
    'a persona swapped for a link',
    (root) => {
      rmSync(at(root, 'personas/linear/linear-triage-lead.yaml'));
      symlinkSync('../make/make-agency-builder.yaml', at(root, 'personas/linear/linear-triage-lead.yaml'));
      return ['personas/linear/linear-triage-lead.yaml'];
    },
  ],
  [
    'a whole product folder removed',
    (root) => {
      rmSync(at(root, 'personas/datadog'), { recursive: true });
      return ['personas/datadog'];
    },
  ],
  [
    'a privacy detail in a contribution',
    (root) =>
      edit(root, 'contributions/sentry-error-monitor/2026-11-21-amy-goals.yaml', (t) =>
        t
          .replace('action: confirm', 'action: extend')
          .replace(/\n$/, '\nvalue: "Mail jane@globex.io first."\n'),
      ),
  ],
  [
    'the config: an allow-list entry and a typo',
    (root) => {
      writeFileSync(at(root, 'persona.config.yaml'), 'privacy:\n  allow: [Globex]\n  alow: []\n');
      return ['persona.config.yaml'];
    },
  ],
  [
    'the tag vocabulary: a tag the personas use taken out',
    (root) => {
      edit(root, 'tags.yaml', (t) => t.replace(/^ {2}error-monitoring: .*\n/m, ''));
      return ['tags.yaml'];
    },
  ],
  [
    'the error fixed; told only its folder',
    (root) => {
      edit(root, 'personas/stripe/stripe-billing-engineer.yaml', (t) =>
        t.replace('category: technicl', 'category: technical'),
      );
      return [];
    },
  ],
];

describe('incrementalSession', () => {
  it('says what the reference says after every change', async () => {
    const lib = scratchLibrary();
    cleanups.push(lib.cleanup);
    for (const entry of ['personas', 'schemas', 'persona.config.yaml', 'tags.yaml'])
      cpSync(path.join(REPO_ROOT, entry), path.join(lib.root, entry), { recursive: true });
    const accelerator = openAccelerator(lib.root, { store: null, env: {} });
    if (!accelerator) throw new Error('the accelerator is off in this environment');
    const session = incrementalSession(lib.root, accelerator);
    cleanups.push(() => session.close());
    const reference = async () =>
      (await validateLibrary(lib.root, { accelerator: null, personaData: false })).diagnostics;
    expect((await session.validate(null)).diagnostics).toEqual(await reference());
    const seen = new Set<string>();
    for (const [name, change] of STEPS) {
      // The last step names no path: the session must not miss what its folder listing would show anyway.
      const changed = change(lib.root);
      const result = await session.validate(changed.length === 0 ? ['personas/stripe'] : changed);
      const expected = await reference();
      expect(result.diagnostics, name).toEqual(expected);
      for (const d of expected) seen.add(d.rule);
    }
    // The steps did reach the rules they meant to exercise.
    for (const rule of [
      'lint/placeholder',
      'schema/not-allowed',
      'contribution/duplicate-confirm',
      'link/unknown-persona',
      'lint/duplicate-persona',
      'file/hidden',
      'file/symlink',
      'privacy/email',
      'schema/unknown-key',
      'tag/unknown',
    ])
      expect(seen, rule).toContain(rule);
  });
});

describe('incrementalSession and the result store', () => {
  it('keeps what each round learnt in the store at once, before the watch is stopped', async () => {
    const lib = scratchLibrary();
    cleanups.push(lib.cleanup);
    for (const entry of ['personas', 'schemas', 'persona.config.yaml', 'tags.yaml'])
      cpSync(path.join(REPO_ROOT, entry), path.join(lib.root, entry), { recursive: true });
    const store = path.join(lib.root, '.state', 'results');
    const accelerator = openAccelerator(lib.root, { store, env: {} });
    if (!accelerator) throw new Error('the accelerator is off in this environment');
    const session = incrementalSession(lib.root, accelerator);
    cleanups.push(() => session.close());
    await session.validate(null);
    const first = readFileSync(store, 'utf8');
    expect(first.split('\n').filter((line) => line.startsWith('R"persona\\u0000')).length).toBe(16);
    edit(lib.root, 'personas/sentry/sentry-error-monitor.yaml', (t) =>
      t.replace('category: technical', 'category: technicl'),
    );
    await session.validate(['personas/sentry/sentry-error-monitor.yaml']);
    // The edited persona's new result is appended; nothing else is written again.
    const second = readFileSync(store, 'utf8');
    expect(second.startsWith(first)).toBe(true);
    expect(second.slice(first.length)).toContain('technicl');
  });
});
