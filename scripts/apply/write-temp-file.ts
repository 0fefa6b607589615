import { closeSync, fstatSync, openSync, writeFileSync } from 'node:fs';

/**
 * Creates `temp` (it must not exist) holding `text`, or its `parts` one after the other; returns the size and
 * modification time it will still have once renamed into place. Synchronous: one call per file costs less than
 * promises for the thousands a large catalogue writes.
 */
export function writeTempFile(
  temp: string,
  text: string | readonly string[],
): { size: number; mtimeMs: number } {
  const fd = openSync(temp, 'wx');
  try {
    // Appending through the descriptor: each call writes at the position the last one ended.
    for (const part of typeof text === 'string' ? [text] : text) writeFileSync(fd, part, 'utf8');
    const stats = fstatSync(fd);
    return { size: stats.size, mtimeMs: stats.mtimeMs };
  } finally {
    closeSync(fd);
  }
}
