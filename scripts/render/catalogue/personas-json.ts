import type { CataloguePersona } from '../../core/catalogue-persona.ts';
import { exportPersonaData } from './export-persona-data.ts';
import { GENERATED_NOTE } from './generated-banner.ts';

/** `personas.json` (or one product's part): `$comment`, `$schema`, then every persona in id order. */
export function personasJson(personas: readonly CataloguePersona[], schemaRef: string): string {
  return personasJsonOfData(personas.map(exportPersonaData), schemaRef);
}

/** `personasJson` of entries already exported. */
export function personasJsonOfData(entries: readonly unknown[], schemaRef: string): string {
  return stringify({ $comment: GENERATED_NOTE, $schema: schemaRef, personas: entries });
}

/** `personas.json` for a split library: where the parts are, relative to the catalogue folder. */
export function personasJsonManifest(parts: { json: string[]; csv: string[] }, schemaRef: string): string {
  return stringify({ $comment: GENERATED_NOTE, $schema: schemaRef, parts });
}

function stringify(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
