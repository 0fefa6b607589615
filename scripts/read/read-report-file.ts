import { lstat, open, readdir } from 'node:fs/promises';
import path from 'node:path';
import { MAX_REPORT_BYTES } from '../core/report.ts';

export type ReportRead = { ok: true; value: unknown } | { ok: false; problem: string };

/**
 * Reads the report artifact as hostile data: its folder must hold exactly this one regular file (no links,
 * no extra files), at most MAX_REPORT_BYTES, strict UTF-8 JSON. The caller checks it against
 * schemas/report.schema.json (`validateReport`). Never throws: every failure is a one-line problem.
 */
export async function readReportFile(file: string, maxBytes = MAX_REPORT_BYTES): Promise<ReportRead> {
  const fail = (problem: string): ReportRead => ({ ok: false, problem });
  const stats = await lstat(file).catch(() => null);
  if (!stats) return fail(`${file} does not exist (was the artifact downloaded?)`);
  if (stats.isSymbolicLink()) return fail(`${file} is a symbolic link; the report must be a plain file`);
  if (!stats.isFile()) return fail(`${file} is not a file`);
  const siblings = await readdir(path.dirname(file)).catch(() => [] as string[]);
  if (siblings.length !== 1) {
    return fail(
      `the artifact folder must hold only ${path.basename(file)}; it holds ${siblings.length} entries`,
    );
  }
  if (stats.size > maxBytes) return fail(`${file} is ${stats.size} bytes; the limit is ${maxBytes}`);
  const bytes = await readAtMost(file, maxBytes + 1).catch(() => null);
  if (bytes === null) return fail(`${file} could not be read`);
  if (bytes.length > maxBytes) return fail(`${file} is larger than ${maxBytes} bytes`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fail(`${file} is not valid UTF-8`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return fail(`${file} is not valid JSON: ${(error as Error).message.split('\n')[0]?.slice(0, 200)}`);
  }
  return { ok: true, value };
}

/** Reads no more than `limit` bytes, whatever the file grew to after lstat. */
async function readAtMost(file: string, limit: number): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(limit);
    let total = 0;
    while (total < limit) {
      const { bytesRead } = await handle.read(buffer, total, limit - total, total);
      if (bytesRead === 0) break;
      total += bytesRead;
    }
    return buffer.subarray(0, total);
  } finally {
    await handle.close();
  }
}
