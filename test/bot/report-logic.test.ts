import { describe, expect, it } from 'vitest';
import { compareWithBase } from '../../scripts/check/base/compare-with-base.ts';
import { validateReport } from '../../scripts/check/report/validate-report.ts';
import type { MergePlan } from '../../scripts/plan/merge/merge-plan.ts';
import { buildCommitMessage } from '../../scripts/render/bot/commit-message.ts';
import { previewOf } from '../../scripts/render/report/merge-preview.ts';
import { diag, report, sha } from './bot-fixtures.ts';

describe('compareWithBase', () => {
  const a = diag('personas/a.yaml', 3, 'schema/invalid', 'A');
  const b = diag('personas/b.yaml', 4, 'link/unknown-persona', 'B');

  it('marks problems the base does not have as introduced, ignoring moved lines', () => {
    const moved = { ...a, line: 30, endLine: 30 };
    const { entries, resolved } = compareWithBase([moved, b], [a]);
    expect(entries.map((e) => e.introduced)).toEqual([false, true]);
    expect(resolved).toBe(0);
  });

  it('counts duplicates as a multiset and reports fixed ones as resolved', () => {
    const { entries, resolved } = compareWithBase([a, a, a], [a, a, b]);
    expect(entries.map((e) => e.introduced)).toEqual([false, false, true]);
    expect(resolved).toBe(1);
  });

  it('treats everything as introduced without a base', () => {
    expect(compareWithBase([a], null).entries[0]?.introduced).toBe(true);
  });
});

describe('report schema', () => {
  it('accepts what the validate action builds', () => {
    expect(
      validateReport(
        JSON.parse(JSON.stringify(report(sha('x'), [diag('personas/a.yaml', 1, 'schema/invalid', 'm')]))),
      ).ok,
    ).toBe(true);
  });

  it.each([
    ['an unknown top-level key', (r: Record<string, unknown>) => ({ ...r, pullRequest: 1 })],
    ['a short sha', (r: Record<string, unknown>) => ({ ...r, headSha: 'abc' })],
    [
      'a negative count',
      (r: Record<string, unknown>) => ({ ...r, summary: { ...(r.summary as object), errors: -1 } }),
    ],
    ['a string where a list belongs', (r: Record<string, unknown>) => ({ ...r, diagnostics: 'x' })],
    [
      'an absolute path',
      (r: Record<string, unknown>) => ({
        ...r,
        diagnostics: [{ ...(r.diagnostics as object[])[0], file: '/etc/passwd' }],
      }),
    ],
    [
      'a control character in a path',
      (r: Record<string, unknown>) => ({
        ...r,
        diagnostics: [{ ...(r.diagnostics as object[])[0], file: 'personas/a\nb.yaml' }],
      }),
    ],
    [
      'a rule id with markup',
      (r: Record<string, unknown>) => ({
        ...r,
        diagnostics: [{ ...(r.diagnostics as object[])[0], rule: 'x/<img>' }],
      }),
    ],
  ])('refuses %s', (_name, change) => {
    const base = JSON.parse(
      JSON.stringify(report(sha('x'), [diag('personas/a.yaml', 1, 'schema/invalid', 'm')])),
    );
    const checked = validateReport(change(base));
    expect(checked.ok).toBe(false);
    // Where, in words that count items from 1 (never a JSON pointer's 0).
    if (!checked.ok) expect(checked.problem.split(' must')[0]).not.toMatch(/\/\d|\b0\b/);
  });

  it('names the offending place with items counted from 1', () => {
    const base = JSON.parse(
      JSON.stringify(report(sha('x'), [diag('personas/a.yaml', 1, 'schema/invalid', 'm')])),
    );
    base.diagnostics[0].line = 'one';
    const checked = validateReport(base);
    expect(checked).toMatchObject({ ok: false });
    if (!checked.ok) expect(checked.problem).toMatch(/^`diagnostics` item 1 › `line` /);
  });
});

describe('previewOf', () => {
  const plan: MergePlan = {
    applied: [
      {
        file: 'contributions/a/mine.yaml',
        persona: 'a',
        personaFile: 'personas/a/a.yaml',
        field: 'goals',
        action: 'extend',
        item: 2,
        author: 'me',
        date: '2026-11-20',
      },
      {
        file: 'contributions/b/old.yaml',
        persona: 'b',
        personaFile: 'personas/b/b.yaml',
        field: 'goals',
        action: 'extend',
        item: 2,
        author: 'them',
        date: null,
      },
    ],
    conflicts: [
      diag('contributions/a/bad.yaml', 3, 'schema/invalid', 'stale'),
      diag('contributions/c/other.yaml', 1, 'schema/invalid', 'x'),
    ],
    personas: [
      {
        file: 'personas/a/a.yaml',
        slug: 'a',
        title: 'A',
        beforeSha256: '0'.repeat(64),
        after: 'text',
        changes: [{ field: 'goals', item: 2, action: 'extend', before: null, after: 'x' }],
        diff: 'd',
      },
      {
        file: 'personas/b/b.yaml',
        slug: 'b',
        title: 'B',
        beforeSha256: '0'.repeat(64),
        after: 'text',
        changes: [],
        diff: 'd',
      },
    ],
    removals: [],
    parked: [],
  };

  it('keeps only the pull request own contributions and the personas they touch, in the report shape', () => {
    const preview = previewOf(plan, new Set(['contributions/a/mine.yaml', 'contributions/a/bad.yaml']));
    expect(preview.applied.map((a) => a.file)).toEqual(['contributions/a/mine.yaml']);
    expect(preview.applied[0]).not.toHaveProperty('date');
    expect(preview.conflicts.map((c) => c.file)).toEqual(['contributions/a/bad.yaml']);
    expect(preview.personas.map((p) => p.slug)).toEqual(['a']);
    expect(preview.personas[0]).not.toHaveProperty('after');
    expect(validateReport({ ...report(sha('x'), []), previews: preview }).ok).toBe(true);
  });
});

describe('buildCommitMessage', () => {
  it('lists files and authors in code-point order without anything that links or pings', () => {
    const message = buildCommitMessage([
      { file: 'contributions/z/b.yaml', field: 'goals', action: 'extend', author: 'zed' },
      {
        file: 'contributions/a/fixes #12 @octocat https:x.yaml',
        field: 'goals',
        action: 'correct',
        author: '@octocat',
      },
    ]);
    expect(message.split('\n')).toEqual([
      'Apply 2 community contributions',
      '',
      '- contributions/a/fixes__12__octocat_https_x.yaml: correct goals, by an unnamed contributor',
      '- contributions/z/b.yaml: extend goals, by zed',
      '',
      'Contributors: an unnamed contributor, zed',
      'Applied by the apply workflow with persona merge and persona catalogue.',
      '',
    ]);
  });

  it('says when only the catalogue changed', () => {
    expect(buildCommitMessage([]).split('\n')[0]).toBe('Regenerate the persona catalogue');
  });
});
