import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { writablePath } from './safe-path.ts';

/** Writes to a temporary file and renames it into place, so a reader never sees half a file. */
export async function writeFileAtomically(file: string, content: string | Uint8Array): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFileAtomic(file, typeof content === 'string' ? content : Buffer.from(content), {
    encoding: 'utf8',
    fsync: true,
  });
}

/**
 * `writeFileAtomically` for a file of the library, named relative to its root with `/`: refused with
 * `UnsafePathError` when a symbolic link is on the way or the path leaves the root (write-file-atomic itself
 * would write through a link to wherever it points).
 */
export async function writeLibraryFile(root: string, relative: string, text: string): Promise<void> {
  await writeFileAtomically(writablePath(root, relative), text);
}
