import { readFile } from 'node:fs/promises';
import path from 'node:path';
import bundledPersonaSchema from '../../schemas/persona.schema.json' with { type: 'json' };

/**
 * The library's own `schemas/persona.schema.json` when it has one (the repository does), otherwise the copy
 * built into the tool, so a bare folder of personas can be validated too.
 */
export async function readPersonaSchema(root: string): Promise<object> {
  const text = await readFile(path.join(root, 'schemas', 'persona.schema.json'), 'utf8').catch(() => null);
  if (text === null) return bundledPersonaSchema;
  try {
    return JSON.parse(text) as object;
  } catch (error) {
    throw new Error(`schemas/persona.schema.json is not valid JSON: ${(error as Error).message}`);
  }
}
