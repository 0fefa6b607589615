import { lstatSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import bundledTagsSchema from '../../schemas/tags.schema.json' with { type: 'json' };
import { type Diagnostic, diagnostic, START_OF_FILE } from '../core/diagnostic.ts';
import type { SourceFile } from '../core/facts.ts';
import { TAG_VOCABULARY_FILE } from '../core/persona-fields.ts';
import { readCapped } from './read-library.ts';

/**
 * The library's tag vocabulary, `tags.yaml` at its root, as read: null when it has none (then any tag goes), a
 * `file/symlink` diagnostic when it is a link (never followed).
 */
export function readTagVocabularyFile(root: string): { file: SourceFile | null; diagnostics: Diagnostic[] } {
  const absolute = path.join(root, TAG_VOCABULARY_FILE);
  const stats = (() => {
    try {
      return lstatSync(absolute);
    } catch {
      return null;
    }
  })();
  if (!stats) return { file: null, diagnostics: [] };
  if (!stats.isFile())
    return {
      file: null,
      diagnostics: [
        diagnostic(
          TAG_VOCABULARY_FILE,
          START_OF_FILE,
          'file/symlink',
          `\`${TAG_VOCABULARY_FILE}\` is not a regular file; the library only reads real files, and never follows a link.`,
          `Replace it with a real \`${TAG_VOCABULARY_FILE}\` file.`,
        ),
      ],
    };
  return { file: { file: TAG_VOCABULARY_FILE, bytes: readCapped(absolute) }, diagnostics: [] };
}

/** The library's own `schemas/tags.schema.json` when it has one, otherwise the copy built into the tool. */
export async function readTagsSchema(root: string): Promise<object> {
  const text = await readFile(path.join(root, 'schemas', 'tags.schema.json'), 'utf8').catch(() => null);
  if (text === null) return bundledTagsSchema;
  try {
    return JSON.parse(text) as object;
  } catch (error) {
    throw new Error(`schemas/tags.schema.json is not valid JSON: ${(error as Error).message}`);
  }
}
