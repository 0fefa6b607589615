import type { Document } from 'yaml';
import { PERSONA_TOP_LEVEL } from '../check/persona/check-persona-file.ts';
import { canonicalForm } from '../check/rules/canonical-form.ts';
import { hasModeline } from '../check/rules/has-modeline.ts';
import { lfLineEndings } from '../check/rules/lf-line-endings.ts';
import { noByteOrderMark } from '../check/rules/no-byte-order-mark.ts';
import type { Diagnostic } from '../core/diagnostic.ts';
import { PERSONA_MODELINE } from '../core/persona-fields.ts';
import { canonicalPersonaYaml } from '../parse/canonical-yaml.ts';
import { decodeSource } from '../parse/decode-source.ts';
import { type ParsedYaml, parseYaml } from '../parse/parse-yaml.ts';
import { topLevelMapping } from '../parse/top-level-mapping.ts';

export { firstDifferentLine } from '../core/first-different-line.ts';
export { PERSONA_CANONICAL_OPTIONS } from '../core/persona-fields.ts';

export type FormatOutcome =
  | { kind: 'canonical' }
  /** `text` is what `fmt` writes; `diagnostics` say how the file differs from it (warnings, as validate says). */
  | { kind: 'changed'; text: string; diagnostics: Diagnostic[] }
  /** The file has errors `fmt` cannot carry over faithfully; it is left exactly as it is. */
  | { kind: 'refused'; diagnostics: Diagnostic[] };

/** The canonical text of one persona file and how the file differs from it, or why it cannot be formatted. */
export function formatPersonaSource(file: string, bytes: Uint8Array): FormatOutcome {
  const decoded = decodeSource(file, bytes);
  if (!decoded.ok) return { kind: 'refused', diagnostics: [decoded.diagnostic] };
  const formattable = formattableDocument(file, parseYaml(file, decoded.text));
  if ('diagnostics' in formattable) return { kind: 'refused', diagnostics: formattable.diagnostics };
  const text = canonicalPersonaYaml(file, decoded.text, formattable.doc);
  const diagnostics = [
    ...noByteOrderMark(file, bytes, 'fmt'),
    ...lfLineEndings(file, decoded.text, 'fmt'),
    ...hasModeline({ file, text: decoded.text }),
    ...canonicalForm(file, decoded.text, text, PERSONA_MODELINE),
  ];
  return diagnostics.length === 0 ? { kind: 'canonical' } : { kind: 'changed', text, diagnostics };
}

/**
 * The parsed document, when `fmt` can rewrite it without changing what it says. Any YAML error refuses:
 * the parser drops what it cannot read and the checks remove aliases, tags and forbidden keys from the
 * document, so printing it would silently delete part of the file. So does a top level that is not a
 * mapping: there are no keys to put in order, and a persona it is not. `persona validate` applies the same
 * test before it reports `format/not-canonical`, so it never asks for a `fmt` that would refuse.
 */
export function formattableDocument(
  file: string,
  parsed: ParsedYaml,
): { doc: Document.Parsed } | { diagnostics: Diagnostic[] } {
  const errors = parsed.diagnostics.filter((d) => d.severity === 'error');
  if (!parsed.doc || errors.length > 0) return { diagnostics: errors };
  const top = topLevelMapping(file, { ...parsed, doc: parsed.doc }, PERSONA_TOP_LEVEL);
  if ('diagnostic' in top) return { diagnostics: [top.diagnostic] };
  return { doc: parsed.doc };
}
