import { readdir, readFile, rm, rmdir } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomically } from './write-file.ts';

/**
 * The file-system changes a merge makes, with paths relative to the library root. Injectable so tests can
 * make any single step fail and check that a re-run ends where one uninterrupted run would.
 */
export interface FileOps {
  read(file: string): Promise<Uint8Array | null>;
  /** Atomic: a temporary file renamed into place. */
  write(file: string, text: string): Promise<void>;
  /** Removes a file; a file that is already gone is not an error. */
  remove(file: string): Promise<void>;
  /** Removes a folder if it is empty; a folder that is gone or still has files is left alone. */
  removeEmptyDir(dir: string): Promise<void>;
  /** Names in a folder, or [] when it does not exist. */
  list(dir: string): Promise<string[]>;
}

export function diskOps(root: string): FileOps {
  const at = (file: string) => path.join(root, ...file.split('/'));
  return {
    read: async (file) => {
      try {
        return new Uint8Array(await readFile(at(file)));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    write: (file, text) => writeFileAtomically(at(file), text),
    remove: (file) => rm(at(file), { force: true }),
    removeEmptyDir: async (dir) => {
      try {
        await rmdir(at(dir));
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code !== 'ENOENT' && code !== 'ENOTEMPTY' && code !== 'EEXIST') throw error;
      }
    },
    list: async (dir) => readdir(at(dir)).catch(() => []),
  };
}
