import { firstDifferentLine } from '../plan/format-persona-source.ts';
import { readCatalogueBytes } from '../read/read-catalogue-folder.ts';
import { encodeParts } from './encode-parts.ts';
import { writeTempFile } from './write-temp-file.ts';

/** Where one rendered page goes, decided by the thread that stages the catalogue's writes. */
export interface PageWrite {
  /** The catalogue folder, and the page's path inside it (`/`). */
  dir: string;
  file: string;
  /** The hidden temporary file to write a changed page to; null when only comparing (`--check`). */
  temp: string | null;
  /** Its folder was made by this run, so there is no file to compare with. */
  isNew: boolean;
  /** Larger pages are not written (see `MAX_CATALOGUE_FILE_BYTES`). */
  maxBytes: number;
}

/** What became of one page: too large, the same as the file on disk, or different (and then maybe written). */
export type PageOutcome =
  | { kind: 'too-large'; bytes: number }
  | { kind: 'unchanged'; size: number; mtimeMs: number }
  | {
      kind: 'changed';
      missing: boolean;
      firstDifferentLine: number;
      /** Size and modification time of the temporary file, which a rename keeps; null when not written. */
      written: { size: number; mtimeMs: number } | null;
    };

/**
 * Compares a rendered page, given as `parts` that concatenated are its text, with the file on disk and, when it
 * differs, writes it to its temporary file. Runs on the page workers, so creating thousands of files is spread
 * over them and no page text crosses threads. A page is only rendered when its inputs changed, so it is compared
 * with the file itself rather than a hash.
 */
export function syncPageFile(parts: readonly string[], write: PageWrite): PageOutcome {
  const encoded = encodeParts(parts, write.maxBytes);
  if (encoded.data === null) return { kind: 'too-large', bytes: encoded.bytes };
  const disk = write.isNew ? null : readCatalogueBytes(write.dir, write.file);
  // Bytes, not text: decoding every existing ~60 KB page to compare it cost more than rendering's slowest step.
  if (disk?.bytes.equals(encoded.data)) return { kind: 'unchanged', size: disk.size, mtimeMs: disk.mtimeMs };
  return {
    kind: 'changed',
    missing: disk === null,
    firstDifferentLine: disk === null ? 1 : firstDifferentLine(disk.bytes.toString('utf8'), parts.join('')),
    written: write.temp === null ? null : writeTempFile(write.temp, encoded.data),
  };
}
