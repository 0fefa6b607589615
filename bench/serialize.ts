import { Document, isPair, isScalar, Scalar, visit } from 'yaml';
import { CONTRIBUTION_KEY_ORDER } from '../scripts/core/contribution.ts';
import { CONTRIBUTION_MODELINE, SECTION_ORDER } from '../scripts/core/persona-fields.ts';
import { canonicalYaml } from '../scripts/parse/canonical-yaml.ts';
import { PERSONA_CANONICAL_OPTIONS } from '../scripts/plan/format-persona-source.ts';

/** The contribution format's key order, as `persona contribute` writes it. */
export const CONTRIBUTION_KEYS = CONTRIBUTION_KEY_ORDER;

/** Prose is double-quoted, as in the hand-written personas; identifiers and dates stay plain. */
const PROSE_KEYS = new Set<string>([
  ...SECTION_ORDER,
  'note',
  'value',
  'original',
  'rationale',
  // js-yaml (ajv-cli's parser, YAML 1.1) would read a plain 2026-11-20 as a timestamp, not as text.
  'last_reviewed',
]);

export function personaText(data: Record<string, unknown>): string {
  return canonicalYaml(quotedDocument(data), PERSONA_CANONICAL_OPTIONS);
}

export function contributionText(data: Record<string, unknown>): string {
  return canonicalYaml(quotedDocument(data), {
    keyOrder: CONTRIBUTION_KEYS,
    modeline: CONTRIBUTION_MODELINE,
  });
}

function quotedDocument(data: Record<string, unknown>): Document {
  const doc = new Document(data);
  visit(doc, {
    Scalar(key, node, path) {
      if (key === 'key' || typeof node.value !== 'string') return;
      for (let i = path.length - 1; i >= 0; i--) {
        const ancestor = path[i];
        if (!isPair(ancestor)) continue;
        if (isScalar(ancestor.key) && PROSE_KEYS.has(String(ancestor.key.value)))
          node.type = Scalar.QUOTE_DOUBLE;
        return;
      }
    },
  });
  return doc;
}
