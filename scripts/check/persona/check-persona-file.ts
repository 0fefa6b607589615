import { isMap } from 'yaml';
import { type Diagnostic, diagnostic, type Place } from '../../core/diagnostic.ts';
import { decodeSource } from '../../parse/decode-source.ts';
import { nodePlace } from '../../parse/node-place.ts';
import { parseYaml } from '../../parse/parse-yaml.ts';
import { PERSONA_RULES } from '../rules/persona-rules.ts';
import type { SchemaValidator } from '../schema/compile-schema.ts';
import { schemaDiagnostics } from '../schema/schema-diagnostics.ts';
import { capDiagnostics } from './cap-diagnostics.ts';
import { linksOf, placeIn } from './persona-context.ts';
import { personaLocation } from './persona-location.ts';

/**
 * Everything later stages need to know about one persona file. Plain data (no YAML document), so it can
 * cross a worker boundary and be cached by content hash.
 */
export interface PersonaFacts {
  file: string;
  /** The parsed mapping, or null when the file has no usable top-level mapping. */
  data: Record<string, unknown> | null;
  /** Places of the values cross-file rules point at: `id`, `slug`, `title`, `composability.<i>.persona`. */
  places: Record<string, Place>;
  diagnostics: Diagnostic[];
}

export function checkPersonaFile(file: string, bytes: Uint8Array, validate: SchemaValidator): PersonaFacts {
  const { location, diagnostics } = personaLocation(file);
  const decoded = decodeSource(file, bytes);
  if (!decoded.ok) return { file, data: null, places: {}, diagnostics: [...diagnostics, decoded.diagnostic] };

  const parsed = parseYaml(file, decoded.text);
  diagnostics.push(...parsed.diagnostics);
  const { doc, lines, value } = parsed;
  if (!doc) return { file, data: null, places: {}, diagnostics: capDiagnostics(file, diagnostics) };
  if (!isMap(doc.contents) || value === null || typeof value !== 'object' || Array.isArray(value)) {
    diagnostics.push(
      diagnostic(
        file,
        nodePlace(doc.contents, lines),
        'yaml/not-a-mapping',
        `The top level of a persona must be a mapping of keys (\`id:\`, \`title:\`, …), but it is ${Array.isArray(value) ? 'a list' : 'a single value'}.`,
        'Start the file with `id: APP-…` and one `key: value` per line; `npx persona new` scaffolds a valid file.',
      ),
    );
    return { file, data: null, places: {}, diagnostics: capDiagnostics(file, diagnostics) };
  }

  const data = value as Record<string, unknown>;
  diagnostics.push(...schemaDiagnostics(file, data, doc, lines, validate));
  const ctx = { file, text: decoded.text, doc, lines, data, location };
  for (const rule of PERSONA_RULES) diagnostics.push(...rule(ctx));

  const places: Record<string, Place> = {};
  for (const key of ['id', 'slug', 'title']) if (key in data) places[key] = placeIn(ctx, key);
  for (const link of linksOf(data))
    places[`composability.${link.index}.persona`] = placeIn(ctx, 'composability', link.index, 'persona');
  return { file, data, places, diagnostics: capDiagnostics(file, diagnostics) };
}
