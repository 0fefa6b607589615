/**
 * The buffer pages are encoded into, one per thread and reused for every page: a page is ~60 KB, and a new
 * buffer per page (or per part) was tens of thousands of off-heap allocations that kept the collector busy.
 */
let scratch = Buffer.allocUnsafeSlow(256 * 1024);

/** `parts` concatenated, as UTF-8: either the bytes, valid only until the next call, or how many there would be. */
export type EncodedParts = { bytes: number; data: Buffer } | { bytes: number; data: null };

/**
 * Encodes `parts`, which concatenated are one file's text, when that is at most `maxBytes` bytes; else only
 * counts them. Each part is encoded where the previous one ended, so the text never exists as one string and
 * its bytes are not counted in a pass of their own.
 */
export function encodeParts(parts: readonly string[], maxBytes: number): EncodedParts {
  let length = 0;
  for (const part of parts) length += part.length;
  // A UTF-16 code unit takes at least one byte, so a text this long is too large whatever it holds.
  if (length > maxBytes) return { bytes: countBytes(parts), data: null };
  // ...and at most three: room for that many makes every `write` below complete.
  if (scratch.length < length * 3) scratch = Buffer.allocUnsafeSlow(length * 3);
  let bytes = 0;
  for (const part of parts) bytes += scratch.write(part, bytes, 'utf8');
  return bytes > maxBytes ? { bytes, data: null } : { bytes, data: scratch.subarray(0, bytes) };
}

function countBytes(parts: readonly string[]): number {
  let bytes = 0;
  for (const part of parts) bytes += Buffer.byteLength(part, 'utf8');
  return bytes;
}

/** Whether `bytes` are exactly `text` in UTF-8: compared as bytes, so the file need not be decoded. */
export function bytesHoldText(bytes: Buffer, text: string): boolean {
  // Each UTF-16 code unit is one to three bytes.
  if (bytes.length < text.length || bytes.length > text.length * 3) return false;
  const encoded = encodeParts([text], bytes.length);
  return encoded.data?.equals(bytes) === true;
}
