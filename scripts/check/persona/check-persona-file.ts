import { LineCounter } from 'yaml';
import type { Diagnostic, Place } from '../../core/diagnostic.ts';
import { PERSONA_MODELINE } from '../../core/persona-fields.ts';
import { decodeSource } from '../../parse/decode-source.ts';
import { fastParse } from '../../parse/fast-parse.ts';
import { parseYaml } from '../../parse/parse-yaml.ts';
import { topLevelMapping } from '../../parse/top-level-mapping.ts';
import { canonicalPersonaYaml } from '../../render/canonical-yaml.ts';
import { canonicalForm } from '../rules/canonical-form.ts';
import { lfLineEndings } from '../rules/lf-line-endings.ts';
import { noByteOrderMark } from '../rules/no-byte-order-mark.ts';
import { PERSONA_RULES } from '../rules/persona-rules.ts';
import type { SchemaValidator } from '../schema/compile-schema.ts';
import { schemaDiagnostics } from '../schema/schema-diagnostics.ts';
import { capDiagnostics } from './cap-diagnostics.ts';
import { linksOf, type PersonaContext, placeIn } from './persona-context.ts';
import { personaLocation } from './persona-location.ts';
import { isPlainlyCanonical } from './plainly-canonical.ts';

/**
 * Everything later stages need to know about one persona file. Plain data (no YAML document), so it can
 * cross a worker boundary and be cached by content hash.
 */
export interface PersonaFacts {
  file: string;
  /** The parsed mapping, or null when the file has no usable top-level mapping. */
  data: Record<string, unknown> | null;
  /**
   * Places of the values cross-file rules point at: `id`, `slug`, `title`, `composability.<i>.persona`.
   * Null when the file took the fast path; the library index then asks a locator, which is rare (only for
   * cross-file problems) and is the only case that parses such a file a second time.
   */
  places: Record<string, Place> | null;
  diagnostics: Diagnostic[];
  /**
   * What the cross-file indexes need, when `data` is not at hand (facts revived from the validation cache,
   * whose `data` loads on first use). Absent on freshly checked facts, where `data` is read directly.
   */
  summary?: PersonaSummary;
}

export interface PersonaSummary {
  id?: string;
  slug?: string;
  title?: string;
  links: Array<{ index: number; persona: string }>;
}

export function summarizePersona(data: Record<string, unknown>): PersonaSummary {
  const text = (key: string) => (typeof data[key] === 'string' ? (data[key] as string) : undefined);
  const summary: PersonaSummary = { links: linksOf(data).map(({ index, persona }) => ({ index, persona })) };
  for (const key of ['id', 'slug', 'title'] as const) {
    const value = text(key);
    if (value !== undefined) summary[key] = value;
  }
  return summary;
}

/** How a top level that is not a mapping is explained for a persona (here and by `persona fmt`). */
export const PERSONA_TOP_LEVEL = {
  subject: 'persona',
  keys: '`id:`, `title:`',
  hint: 'Start the file with `id: APP-…` and one `key: value` per line; `npx persona new` scaffolds a valid file.',
};

export function checkPersonaFile(
  file: string,
  bytes: Uint8Array,
  validate: SchemaValidator,
  options: { fast?: boolean } = {},
): PersonaFacts {
  const { location, diagnostics } = personaLocation(file);
  const decoded = decodeSource(file, bytes);
  if (!decoded.ok) return { file, data: null, places: {}, diagnostics: [...diagnostics, decoded.diagnostic] };
  // The bytes themselves, whichever way the YAML is read: a BOM (which decoding drops) and CRLF line endings.
  const encoding = [...noByteOrderMark(file, bytes, 'fmt'), ...lfLineEndings(file, decoded.text, 'fmt')];
  if (diagnostics.length === 0 && options.fast !== false) {
    const fast = fastCheck(file, decoded.text, validate, location);
    if (fast) return { ...fast, diagnostics: encoding };
  }
  diagnostics.push(...encoding);

  const parsed = parseYaml(file, decoded.text);
  diagnostics.push(...parsed.diagnostics);
  const { doc, lines } = parsed;
  if (!doc) return { file, data: null, places: {}, diagnostics: capDiagnostics(file, diagnostics) };
  const top = topLevelMapping(file, { ...parsed, doc }, PERSONA_TOP_LEVEL);
  if ('diagnostic' in top) {
    diagnostics.push(top.diagnostic);
    return { file, data: null, places: {}, diagnostics: capDiagnostics(file, diagnostics) };
  }
  const { data } = top;
  diagnostics.push(...schemaDiagnostics(file, data, doc, lines, validate));
  const ctx = { file, text: decoded.text, doc, lines, data, location };
  for (const rule of PERSONA_RULES) diagnostics.push(...rule(ctx));
  const places = placesOf(ctx);

  // Only a file `persona fmt` would rewrite is asked to be (no YAML error, a mapping: formattableDocument).
  // Printing sorts the document in place, so this comes last: nothing reads the document afterwards, and
  // cloning it first would cost more than printing.
  if (!parsed.diagnostics.some((d) => d.severity === 'error')) {
    const canonical = canonicalPersonaYaml(file, decoded.text, doc);
    diagnostics.push(...canonicalForm(file, decoded.text, canonical, PERSONA_MODELINE));
  }
  return { file, data, places, diagnostics: capDiagnostics(file, diagnostics) };
}

/**
 * The common case, at a fraction of the cost: a plainly well-formed, plainly canonical file that passes the
 * schema and every single-file rule. Any doubt (an unusual line, a layout the printer might change, a schema
 * error, a rule that fires) returns undefined, and the caller checks the file in full, with positions.
 */
function fastCheck(
  file: string,
  text: string,
  validate: SchemaValidator,
  location: PersonaContext['location'],
): PersonaFacts | undefined {
  const data = fastParse(text);
  // A file whose lines do not plainly show canonical form is printed and compared by the full check.
  if (!data || !isPlainlyCanonical(text) || !validate(data)) return undefined;
  const ctx: PersonaContext = { file, text, doc: null, lines: NO_LINES, data, location };
  for (const rule of PERSONA_RULES) if (rule(ctx).length > 0) return undefined;
  return { file, data, places: null, diagnostics: [] };
}

const NO_LINES = new LineCounter();

function placesOf(ctx: PersonaContext): Record<string, Place> {
  const { data } = ctx;
  const places: Record<string, Place> = {};
  for (const key of ['id', 'slug', 'title']) if (key in data) places[key] = placeIn(ctx, key);
  for (const link of linksOf(data))
    places[`composability.${link.index}.persona`] = placeIn(ctx, 'composability', link.index, 'persona');
  return places;
}
