import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validateReport } from '../../scripts/check/report/validate-report.ts';
import { validateAgainstBase } from '../../scripts/pipeline/validate-against-base.ts';
import { buildReport } from '../../scripts/render/report/build-report.ts';
import { FIXTURE_LIBRARY } from '../contributions/contribution-helpers.ts';

// Regression (from a review): `file` is bounded by reportedPath, but `file/misplaced` repeats the whole path in its message,
// and the report schema caps a message at 4,000 characters. A pull request with a YAML file ~3,900 characters
// deep (git checks out up to 4,095) gets a report the comment step refuses, so no bot comment.
const dir = mkdtempSync(path.join(os.tmpdir(), 'persona-long-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the validate step report, whatever the path length', () => {
  it('passes the report schema for a misplaced file with a 3,900-character path', async () => {
    const head = path.join(dir, 'head');
    const base = path.join(dir, 'base');
    cpSync(FIXTURE_LIBRARY, head, { recursive: true });
    cpSync(FIXTURE_LIBRARY, base, { recursive: true });
    const folder = 'a'.repeat(246);
    const relative = `personas/${Array.from({ length: 16 }, () => folder).join('/')}/x.yaml`;
    expect(relative.length).toBeGreaterThan(3900);
    expect(relative.length).toBeLessThan(4096);
    mkdirSync(path.dirname(path.join(head, relative)), { recursive: true });
    writeFileSync(path.join(head, relative), 'x: 1\n');
    const checked = await validateAgainstBase(head, base);
    const report = buildReport({
      headSha: 'a'.repeat(40),
      baseSha: 'b'.repeat(40),
      personas: checked.head.personas.length,
      contributions: checked.head.contributionCount,
      diagnostics: checked.diagnostics,
      baseDiagnostics: checked.baseDiagnostics,
      previews: null,
    });
    expect(report.diagnostics.map((d) => d.rule)).toContain('file/misplaced');
    expect(validateReport(report)).toMatchObject({ ok: true });
  });
});
