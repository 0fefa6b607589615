import { lstatSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import bundledConfigSchema from '../../schemas/config.schema.json' with { type: 'json' };
import { readCapped } from './read-library.ts';

/** The library's configuration file, at its root. */
export const CONFIG_FILE = 'persona.config.yaml';

/** The config file as found: its bytes, a link (never followed), or nothing (the defaults apply). */
export type ConfigSource =
  | { file: typeof CONFIG_FILE; bytes: Uint8Array }
  | { file: typeof CONFIG_FILE; refused: 'symlink' | 'not-a-file' }
  | null;

export function readConfig(root: string): ConfigSource {
  const absolute = path.join(root, CONFIG_FILE);
  const stats = lstatSync(absolute, { throwIfNoEntry: false });
  if (!stats) return null;
  if (stats.isSymbolicLink()) return { file: CONFIG_FILE, refused: 'symlink' };
  if (!stats.isFile()) return { file: CONFIG_FILE, refused: 'not-a-file' };
  return { file: CONFIG_FILE, bytes: readCapped(absolute) };
}

/** The library's own `schemas/config.schema.json` when it has one, otherwise the copy built into the tool. */
export async function readConfigSchema(root: string): Promise<object> {
  const text = await readFile(path.join(root, 'schemas', 'config.schema.json'), 'utf8').catch(() => null);
  if (text === null) return bundledConfigSchema;
  try {
    return JSON.parse(text) as object;
  } catch (error) {
    throw new Error(`schemas/config.schema.json is not valid JSON: ${(error as Error).message}`);
  }
}
