import type { Diagnostic } from '../../core/diagnostic.ts';
import { identityOf, type PersonaFacts } from '../../core/facts.ts';
import { DEFAULT_SETTINGS, type LintSettings } from '../../core/lint-settings.ts';
import { PERSONA_MODELINE } from '../../core/persona-fields.ts';
import { canonicalPersonaYaml } from '../../parse/canonical-yaml.ts';
import { decodeSource } from '../../parse/decode-source.ts';
import { parseYaml } from '../../parse/parse-yaml.ts';
import { topLevelMapping } from '../../parse/top-level-mapping.ts';
import { collectForLibraryRules } from '../library/library-rules.ts';
import { canonicalForm } from '../rules/canonical-form.ts';
import { lfLineEndings } from '../rules/lf-line-endings.ts';
import { noByteOrderMark } from '../rules/no-byte-order-mark.ts';
import { PERSONA_RULES } from '../rules/persona-rules.ts';
import type { SchemaValidator } from '../schema/compile-schema.ts';
import { schemaDiagnostics } from '../schema/schema-diagnostics.ts';
import { capDiagnostics } from './cap-diagnostics.ts';
import { type PersonaLocation, personaLocation } from './persona-location.ts';

export type { PersonaFacts };

/**
 * A faster reading of a persona that is plainly clean: its data when the file is certainly well-formed,
 * canonical, valid and quiet under every single-file rule, else undefined (the file is then checked in full).
 * The accelerator provides one (`scripts/accel/`); without it every file takes the full check.
 */
export type FastPersonaCheck = (
  file: string,
  text: string,
  validate: SchemaValidator,
  location: PersonaLocation | null,
  settings: LintSettings,
) => Record<string, unknown> | undefined;

/** How a top level that is not a mapping is explained for a persona (here and by `persona fmt`). */
export const PERSONA_TOP_LEVEL = {
  subject: 'persona',
  keys: '`id:`, `title:`',
  hint: 'Start the file with `id: APP-…` and one `key: value` per line; `npx persona new` scaffolds a valid file.',
};

/**
 * Everything about one persona file on its own: location, encoding, YAML, schema, the single-file rules and
 * canonical form, plus what the cross-file rules collect from it. Pure: bytes in, facts out. `fast` (from the
 * accelerator) may answer for a plainly clean file; its answer must be this function's own, which the
 * differential tests hold it to.
 */
export function checkPersonaFile(
  file: string,
  bytes: Uint8Array,
  validate: SchemaValidator,
  options: { fast?: FastPersonaCheck; settings?: LintSettings } = {},
): PersonaFacts {
  const settings = options.settings ?? DEFAULT_SETTINGS;
  const { location, diagnostics } = personaLocation(file);
  const decoded = decodeSource(file, bytes);
  if (!decoded.ok) return factsOf(file, null, [...diagnostics, decoded.diagnostic]);
  // The bytes themselves, whichever way the YAML is read: a BOM (which decoding drops) and CRLF line endings.
  const encoding = [...noByteOrderMark(file, bytes, 'fmt'), ...lfLineEndings(file, decoded.text, 'fmt')];
  if (diagnostics.length === 0 && options.fast) {
    const data = options.fast(file, decoded.text, validate, location, settings);
    if (data) return factsOf(file, data, encoding);
  }
  diagnostics.push(...encoding);

  const parsed = parseYaml(file, decoded.text);
  diagnostics.push(...parsed.diagnostics);
  const { doc, lines } = parsed;
  if (!doc) return factsOf(file, null, capDiagnostics(file, diagnostics));
  const top = topLevelMapping(file, { ...parsed, doc }, PERSONA_TOP_LEVEL);
  if ('diagnostic' in top) {
    diagnostics.push(top.diagnostic);
    return factsOf(file, null, capDiagnostics(file, diagnostics));
  }
  const { data } = top;
  // Fixes are offered only where `fmt` would write too: a file whose YAML reads without error.
  const readsCleanly = !parsed.diagnostics.some((d) => d.severity === 'error');
  diagnostics.push(
    ...schemaDiagnostics(
      file,
      data,
      doc,
      lines,
      validate,
      'The persona',
      readsCleanly ? decoded.text : undefined,
    ),
  );
  const ctx = { file, text: decoded.text, doc, lines, data, location, settings };
  for (const rule of PERSONA_RULES) diagnostics.push(...rule(ctx));

  // Only a file `persona fmt` would rewrite is asked to be (no YAML error, a mapping: formattableDocument).
  // Printing sorts the document in place, so this comes last: nothing reads the document afterwards, and
  // cloning it first would cost more than printing.
  if (readsCleanly) {
    const canonical = canonicalPersonaYaml(file, decoded.text, doc);
    diagnostics.push(...canonicalForm(file, decoded.text, canonical, PERSONA_MODELINE));
  }
  // Collected before anything else reads `data`: printing above sorted the document, never the data.
  return factsOf(file, data, capDiagnostics(file, diagnostics));
}

function factsOf(
  file: string,
  data: Record<string, unknown> | null,
  diagnostics: Diagnostic[],
): PersonaFacts {
  return {
    file,
    data,
    readable: data !== null,
    diagnostics,
    identity: identityOf(data),
    collected: collectForLibraryRules(data),
  };
}
