import { validateReport } from '../check/report/validate-report.ts';
import type { PersonaReport } from '../core/report.ts';
import { readReportFile } from '../read/read-report-file.ts';

export type LoadedReport = { ok: true; report: PersonaReport } | { ok: false; problem: string };

/**
 * The comment step's report, read as hostile data (read-report-file.ts), held to schemas/report.schema.json,
 * and refused when it describes another commit than the one the run was for (`runHead`, when known): an
 * artifact of an older push must never speak for the newest.
 */
export async function loadReport(file: string, runHead: string | null): Promise<LoadedReport> {
  const read = await readReportFile(file);
  if (!read.ok) return read;
  const checked = validateReport(read.value);
  if (!checked.ok) return { ok: false, problem: `${file}: ${checked.problem}` };
  const { report } = checked;
  if (runHead !== null && runHead !== report.headSha)
    return {
      ok: false,
      problem: `it describes commit ${report.headSha.slice(0, 7)}, but the run was for ${runHead.slice(0, 7)}`,
    };
  return { ok: true, report };
}
