import path from 'node:path';
import type { PersonaSource } from '../apply/write-catalogue-unit.ts';
import { personaDataOf } from '../check/persona/persona-data.ts';
import { type CataloguePersona, toCataloguePersona } from '../core/catalogue-persona.ts';
import { contentHash } from '../core/sha256.ts';
import { readCapped } from '../read/read-library.ts';
import { fastParse } from './fast-yaml.ts';

/** A persona file changed between its validation and its use: the run stops rather than show other text. */
export class PersonaChangedError extends Error {
  constructor(file: string) {
    super(`${file} changed while the catalogue was being built; run it again.`);
  }
}

/**
 * A validated persona read again on whichever thread needs it, instead of every persona's data being held (and
 * sent between threads) for the whole run: the bytes must still have the hash validation checked, and the fast
 * YAML path reads them (the full parse when it declines).
 */
export function reloadPersona(root: string, source: PersonaSource): CataloguePersona {
  const bytes = readCapped(path.join(root, source.file));
  if (source.hash !== null && contentHash(bytes) !== source.hash) throw new PersonaChangedError(source.file);
  const data = personaDataOf(source.file, bytes, fastParse);
  if (!data) throw new PersonaChangedError(source.file);
  return toCataloguePersona(source.file, data);
}
