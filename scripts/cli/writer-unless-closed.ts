import type { Writable } from 'node:stream';

/**
 * Writes to stdout or stderr for as long as someone reads it. When the reader goes away (`persona validate |
 * head -1`), the rest of the output is dropped instead of crashing on EPIPE, so the command still finishes what
 * it was doing (a catalogue run never stops between its writes and its renames) and exits with its own code.
 */
export function writerUnlessClosed(stream: Writable): (text: string) => void {
  let closed = false;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    closed = true;
  });
  return (text) => {
    if (!closed && !stream.destroyed) stream.write(text);
  };
}
