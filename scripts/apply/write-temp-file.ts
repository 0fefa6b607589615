import { closeSync, fstatSync, openSync, writeFileSync } from 'node:fs';

/**
 * Creates `temp` (it must not exist) holding `content`, text or bytes; returns the size and modification time
 * it will still have once renamed into place. Synchronous: one call per file costs less than promises for the
 * thousands a large catalogue writes.
 */
export function writeTempFile(temp: string, content: string | Uint8Array): { size: number; mtimeMs: number } {
  const fd = openSync(temp, 'wx');
  try {
    writeFileSync(fd, content);
    const stats = fstatSync(fd);
    return { size: stats.size, mtimeMs: stats.mtimeMs };
  } finally {
    closeSync(fd);
  }
}
