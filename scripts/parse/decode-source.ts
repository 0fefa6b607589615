import { type Diagnostic, diagnostic, type Place, START_OF_FILE } from '../core/diagnostic.ts';
import { MAX_FILE_BYTES } from '../core/limits.ts';

export { MAX_FILE_BYTES };

export type DecodedSource = { ok: true; text: string } | { ok: false; diagnostic: Diagnostic };

const strictDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Bytes to text, refusing what is not a small UTF-8 text file. Checked before any YAML parsing so a
 * hostile file costs at most one pass over its bytes.
 */
export function decodeSource(file: string, bytes: Uint8Array, maxBytes = MAX_FILE_BYTES): DecodedSource {
  if (bytes.length > maxBytes) {
    return fail(
      file,
      START_OF_FILE,
      'file/too-large',
      `The file is ${formatKb(bytes.length)}; the limit is ${formatKb(maxBytes)}.`,
      'A persona or contribution is a few KB. Split the content or remove what was pasted by mistake.',
    );
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    return fail(
      file,
      placeOfByte(bytes, nul),
      'file/binary',
      'The file contains a NUL byte, so it is binary, not YAML text.',
      'Save the file as plain UTF-8 text.',
    );
  }
  let text: string;
  try {
    text = strictDecoder.decode(bytes);
  } catch {
    const bad = firstInvalidUtf8Byte(bytes);
    return fail(
      file,
      placeOfByte(bytes, bad),
      'file/invalid-utf8',
      `The file is not valid UTF-8: byte 0x${(bytes[bad] ?? 0).toString(16).padStart(2, '0')} at offset ${bad} does not start or continue a character.`,
      'Re-save the file with UTF-8 encoding (not Latin-1 or UTF-16).',
    );
  }
  if (text.trim() === '' || /^(\s*#[^\n]*\n?)*\s*$/.test(text)) {
    return fail(
      file,
      START_OF_FILE,
      'file/empty',
      'The file is empty: it has no YAML content.',
      'Fill it in (`persona new` or `persona contribute` scaffold one) or delete it.',
    );
  }
  return { ok: true, text };
}

function fail(
  file: string,
  place: Place,
  rule: Diagnostic['rule'],
  message: string,
  hint: string,
): DecodedSource {
  return { ok: false, diagnostic: diagnostic(file, place, rule, message, hint) };
}

function formatKb(bytes: number): string {
  return `${Math.ceil(bytes / 1024)} KB`;
}

/** Line and column of a byte offset, counting columns in characters as editors do (approximately, for bytes). */
function placeOfByte(bytes: Uint8Array, offset: number): Place {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  let column = 1;
  for (let i = lineStart; i < offset; i++) if (((bytes[i] ?? 0) & 0xc0) !== 0x80) column++;
  return { line, column, endLine: line, endColumn: column + 1 };
}

/** Offset of the first byte that breaks UTF-8; only called once decoding has already failed. */
function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    const length =
      b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0) return i;
    if (i + length > bytes.length) return i;
    for (let k = 1; k < length; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    const chunk = bytes.subarray(i, i + length);
    try {
      strictDecoder.decode(chunk);
    } catch {
      return i; // overlong form or surrogate
    }
    i += length;
  }
  return 0;
}
