import { type Diagnostic, diagnostic } from '../core/diagnostic.ts';
import { LINK_KEY_ORDER, PERSONA_KEY_ORDER, PERSONA_MODELINE } from '../core/persona-fields.ts';
import { decodeSource } from '../parse/decode-source.ts';
import { parseYaml } from '../parse/parse-yaml.ts';
import { canonicalYaml } from '../render/canonical-yaml.ts';

export type FormatOutcome =
  | { kind: 'canonical' }
  | { kind: 'changed'; text: string; firstDifferentLine: number }
  | { kind: 'unreadable'; diagnostics: Diagnostic[] };

export const PERSONA_CANONICAL_OPTIONS = {
  keyOrder: PERSONA_KEY_ORDER,
  itemKeyOrder: { composability: LINK_KEY_ORDER },
  modeline: PERSONA_MODELINE,
};

/** The canonical text of one persona file, or why it cannot be formatted (it must parse cleanly first). */
export function formatPersonaSource(file: string, bytes: Uint8Array): FormatOutcome {
  const decoded = decodeSource(file, bytes);
  if (!decoded.ok) return { kind: 'unreadable', diagnostics: [decoded.diagnostic] };
  const parsed = parseYaml(file, decoded.text);
  const errors = parsed.diagnostics.filter((d) => d.severity === 'error');
  if (!parsed.doc || errors.length > 0) return { kind: 'unreadable', diagnostics: errors };
  const text = canonicalYaml(parsed.doc, PERSONA_CANONICAL_OPTIONS);
  if (text === decoded.text) return { kind: 'canonical' };
  return { kind: 'changed', text, firstDifferentLine: firstDifferentLine(decoded.text, text) };
}

/** 1-based number of the first line where two texts differ. */
export function firstDifferentLine(a: string, b: string): number {
  const left = a.split('\n');
  const right = b.split('\n');
  for (let i = 0; i < Math.max(left.length, right.length); i++) if (left[i] !== right[i]) return i + 1;
  return 1;
}

export function notCanonicalDiagnostic(file: string, line: number): Diagnostic {
  return diagnostic(
    file,
    { line, column: 1, endLine: line, endColumn: 1 },
    'format/not-canonical',
    `The file is not in canonical format (first difference on line ${line}).`,
    'Run `npx persona fmt` to rewrite it: canonical key order, no line folding, LF endings.',
  );
}
