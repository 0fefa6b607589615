import { readdir, readFile, rm, rmdir } from 'node:fs/promises';
import path from 'node:path';
import { writablePath } from './safe-path.ts';
import { writeFileAtomically } from './write-file.ts';

/**
 * The file-system changes a merge makes, with paths relative to a base folder (the library root, or the tools'
 * state folder). Injectable so tests can make any single step fail and check that a re-run ends where one
 * uninterrupted run would.
 */
export interface FileOps {
  read(file: string): Promise<Uint8Array | null>;
  /** Atomic: a temporary file renamed into place. Text is written as UTF-8; bytes as they are. */
  write(file: string, content: string | Uint8Array): Promise<void>;
  /** Removes a file; a file that is already gone is not an error. */
  remove(file: string): Promise<void>;
  /** Removes a folder if it is empty; a folder that is gone or still has files is left alone. */
  removeEmptyDir(dir: string): Promise<void>;
  /** Names in a folder, or [] when it does not exist. */
  list(dir: string): Promise<string[]>;
  /**
   * Throws `UnsafePathError` when any of these files could not be written or removed safely (a symbolic link
   * on the way, or a path leaving the base). Called for every target before the first change.
   */
  checkWritable?(files: readonly string[]): void;
}

/** Real disk operations under `base`; every change is checked first, so none goes through a link. */
export function diskOps(base: string): FileOps {
  const at = (file: string) => path.join(base, ...file.split('/'));
  return {
    read: async (file) => {
      try {
        return new Uint8Array(await readFile(at(file)));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    write: (file, content) => writeFileAtomically(writablePath(base, file), content),
    remove: (file) => rm(writablePath(base, file), { force: true }),
    removeEmptyDir: async (dir) => {
      try {
        await rmdir(writablePath(base, dir, 'folder'));
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code !== 'ENOENT' && code !== 'ENOTEMPTY' && code !== 'EEXIST') throw error;
      }
    },
    list: async (dir) => readdir(at(dir)).catch(() => []),
    checkWritable: (files) => {
      for (const file of files) writablePath(base, file);
    },
  };
}
