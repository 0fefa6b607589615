import { createHash } from 'node:crypto';

/** Hex SHA-256 of bytes or of a string's UTF-8: how the merge journal recognizes a file's content. */
export function sha256(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** A short SHA-256 (base64url) of bytes or text: what the accelerator's store addresses results by. */
export function contentHash(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('base64url');
}

/** The `contentHash` of plain data, by its JSON (key order is part of it). */
export function hashData(value: unknown, replacer?: (key: string, value: unknown) => unknown): string {
  return contentHash(JSON.stringify(value, replacer) ?? 'undefined');
}
