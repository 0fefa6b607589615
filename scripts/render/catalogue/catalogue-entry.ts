import { type CataloguePersona, type PersonaOutline, personaOutline } from '../../core/catalogue-persona.ts';
import { exportPersonaData } from './export-persona-data.ts';
import { CSV_HEADER, personasCsv } from './personas-csv.ts';
import { personasJsonOfData } from './personas-json.ts';

/**
 * What the catalogue is planned from, per persona: its outline, and the sizes its data takes in the exports,
 * so whether an export fits in one file, and where the parts of a split one end, is known without holding
 * every persona's content. A pure function of the persona.
 */
export interface CatalogueEntry {
  outline: PersonaOutline;
  /** Bytes of its entry in the `personas` array of `personas.json`, indentation included. */
  jsonBytes: number;
  /** Bytes of its row of `personas.csv`, line break included. */
  csvBytes: number;
  /** Bytes of its export data at a generous indentation: what the parts of a split export are cut by. */
  chunkBytes: number;
}

export function catalogueEntryOf(persona: CataloguePersona): CatalogueEntry {
  const data = exportPersonaData(persona);
  const json = JSON.stringify(data, null, 2);
  let lines = 1;
  let indentation = 0;
  // JSON text has no raw line break inside a string, so every line starts with its nesting's indentation.
  for (let index = json.indexOf('\n'); index !== -1; index = json.indexOf('\n', index + 1)) {
    lines++;
    for (let at = index + 1; json.charCodeAt(at) === 0x20; at++) indentation++;
  }
  return {
    // A copy: the outline is kept for the whole run, and its values, as the fast YAML path reads them, are
    // slices of the file's text, which would keep every persona's whole text alive with it.
    outline: JSON.parse(JSON.stringify(personaOutline(persona))) as PersonaOutline,
    // In the array each line of it is indented by four more spaces.
    jsonBytes: byteLength(json) + 4 * lines,
    csvBytes: byteLength(personasCsv([persona])) - byteLength(CSV_HEADER) - 1,
    // Indented by four instead of two: each line's indentation twice over (`JSON.stringify(data, null, 4)`).
    chunkBytes: byteLength(json) + indentation,
  };
}

/** The exact size of `personasJson` of personas with these entries (see the property test). */
export function personasJsonBytes(entries: readonly CatalogueEntry[], schemaRef: string): number {
  if (entries.length === 0) return byteLength(personasJsonOfData([], schemaRef));
  // The frame around one entry `0` (four spaces and one byte), then each entry and a `,\n` between two.
  let bytes = byteLength(personasJsonFrame(schemaRef)) - 5 + 2 * (entries.length - 1);
  for (const entry of entries) bytes += entry.jsonBytes;
  return bytes;
}

/** The exact size of `personasCsv` of personas with these entries. */
export function personasCsvBytes(entries: readonly CatalogueEntry[]): number {
  let bytes = byteLength(CSV_HEADER) + 1;
  for (const entry of entries) bytes += entry.csvBytes;
  return bytes;
}

const FRAMES = new Map<string, string>();

function personasJsonFrame(schemaRef: string): string {
  let frame = FRAMES.get(schemaRef);
  if (frame === undefined) {
    frame = personasJsonOfData([0], schemaRef);
    FRAMES.set(schemaRef, frame);
  }
  return frame;
}

function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}
