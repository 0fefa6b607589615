import { createHash } from 'node:crypto';

/** Hex SHA-256 of bytes or of a string's UTF-8: how the merge journal recognizes a file's content. */
export function sha256(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * The first 128 bits of SHA-256, in base64url (22 characters), of bytes or text: what the accelerator's store
 * addresses results by, short because the store repeats it for every file.
 */
export function contentHash(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('base64url').slice(0, 22);
}

/** The `contentHash` of plain data, by its JSON (key order is part of it). */
export function hashData(value: unknown, replacer?: (key: string, value: unknown) => unknown): string {
  return contentHash(JSON.stringify(value, replacer) ?? 'undefined');
}
