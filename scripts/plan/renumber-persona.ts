import { isMap, isScalar, type Scalar } from 'yaml';
import { parseYaml } from '../parse/parse-yaml.ts';
import { printDocument, renderPersonaEdit, topLevelSpans } from './merge/render-persona-edit.ts';

/**
 * The persona's text with its `id` changed to `to` and nothing else: the id's scalar keeps its style and
 * comments, and only its line changes. Null when the text has no plain top-level `id` to change.
 */
export function renumberPersonaText(file: string, text: string, to: string): string | null {
  const { doc } = parseYaml(file, text);
  if (!doc || !isMap(doc.contents)) return null;
  const node = doc.contents.get('id', true);
  if (!isScalar(node) || typeof node.value !== 'string') return null;
  const original = { text, spans: topLevelSpans(doc, text), roundTrips: printDocument(doc) === text };
  (node as unknown as Scalar<string>).value = to;
  return renderPersonaEdit(file, original, doc, ['id']);
}
