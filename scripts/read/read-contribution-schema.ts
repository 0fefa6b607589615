import { readFile } from 'node:fs/promises';
import path from 'node:path';
import bundledContributionSchema from '../../schemas/contribution.schema.json' with { type: 'json' };

/** The library's own `schemas/contribution.schema.json` when it has one, otherwise the copy built into the tool. */
export async function readContributionSchema(root: string): Promise<object> {
  const text = await readFile(path.join(root, 'schemas', 'contribution.schema.json'), 'utf8').catch(
    () => null,
  );
  if (text === null) return bundledContributionSchema;
  try {
    return JSON.parse(text) as object;
  } catch (error) {
    throw new Error(`schemas/contribution.schema.json is not valid JSON: ${(error as Error).message}`);
  }
}
