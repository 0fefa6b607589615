import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.ts';

describe('the shipped library', () => {
  it('validates with no errors and no warnings', async () => {
    const result = await runCli(['validate', '--format', 'json', '--strict']);
    const report = JSON.parse(result.stdout);
    expect(report.diagnostics).toEqual([]);
    expect(report.summary.personas).toBeGreaterThanOrEqual(12);
    expect(result.code).toBe(0);
  });
});
