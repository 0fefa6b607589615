import { createHash } from 'node:crypto';

/** A short, stable digest of a text: what incremental runs compare instead of whole files. */
export function hashText(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}

/** The digest of plain data (its JSON; key order is part of it). */
export function hashData(value: unknown): string {
  return hashText(JSON.stringify(value));
}
