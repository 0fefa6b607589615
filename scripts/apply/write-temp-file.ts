import { closeSync, fstatSync, openSync, unlinkSync, writeFileSync } from 'node:fs';

/**
 * Creates `temp` holding `content`, text or bytes; returns the size and modification time it will still have
 * once renamed into place. Synchronous: one call per file costs less than promises for the thousands a large
 * catalogue writes.
 *
 * The name is one this run reserved, so a file already there is this run's own: a worker thread wrote it and was
 * lost before answering, and its pages are being written again here. It is replaced, never written through:
 * removing it removes a link itself, and the file is then created anew (`wx`).
 */
export function writeTempFile(temp: string, content: string | Uint8Array): { size: number; mtimeMs: number } {
  let fd: number;
  try {
    fd = openSync(temp, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    unlinkSync(temp);
    fd = openSync(temp, 'wx');
  }
  try {
    writeFileSync(fd, content);
    const stats = fstatSync(fd);
    return { size: stats.size, mtimeMs: stats.mtimeMs };
  } finally {
    closeSync(fd);
  }
}
