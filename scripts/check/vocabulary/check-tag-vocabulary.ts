import { isMap, isScalar, type LineCounter } from 'yaml';
import { type Diagnostic, diagnostic } from '../../core/diagnostic.ts';
import { TAG_VOCABULARY_FILE } from '../../core/persona-fields.ts';
import { type TagVocabulary, tagKey, tagVocabulary } from '../../core/tag-key.ts';
import { decodeSource } from '../../parse/decode-source.ts';
import { nodePlace } from '../../parse/node-place.ts';
import { parseYaml } from '../../parse/parse-yaml.ts';
import { topLevelMapping } from '../../parse/top-level-mapping.ts';
import type { SchemaValidator } from '../schema/compile-schema.ts';
import { schemaDiagnostics } from '../schema/schema-diagnostics.ts';

export interface TagVocabularyFacts {
  /** The vocabulary, when the file is readable (its tags with a description each); else null. */
  vocabulary: TagVocabulary | null;
  /** Each tag's description, in the file's order. */
  descriptions: Map<string, string>;
  diagnostics: Diagnostic[];
}

/**
 * `tags.yaml` on its own: encoding, YAML, its schema, and tags in it that differ only in plural or hyphenation
 * (`tag/near-duplicate`). Pure: bytes in, facts out. A file with errors still gives the vocabulary of its
 * well-formed entries, so one bad description doesn't turn every persona's tags into warnings.
 */
export function checkTagVocabulary(
  bytes: Uint8Array,
  validate: SchemaValidator,
  file = TAG_VOCABULARY_FILE,
): TagVocabularyFacts {
  const none = (diagnostics: Diagnostic[]): TagVocabularyFacts => ({
    vocabulary: null,
    descriptions: new Map(),
    diagnostics,
  });
  const decoded = decodeSource(file, bytes);
  if (!decoded.ok) return none([decoded.diagnostic]);
  const parsed = parseYaml(file, decoded.text);
  if (!parsed.doc) return none(parsed.diagnostics);
  const top = topLevelMapping(
    file,
    { ...parsed, doc: parsed.doc },
    {
      subject: 'tag vocabulary',
      keys: '`tags:`',
      hint: 'Write `tags:` and under it one `tag-name: "One line about the personas it groups."` per tag.',
    },
  );
  if ('diagnostic' in top) return none([...parsed.diagnostics, top.diagnostic]);
  const diagnostics = [
    ...parsed.diagnostics,
    ...schemaDiagnostics(file, top.data, parsed.doc, parsed.lines, validate, 'The tag vocabulary'),
  ];
  const descriptions = new Map<string, string>();
  const tags = top.data.tags;
  if (tags && typeof tags === 'object' && !Array.isArray(tags))
    for (const [tag, description] of Object.entries(tags as Record<string, unknown>))
      if (/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(tag) && typeof description === 'string')
        descriptions.set(tag, description.trim());
  diagnostics.push(...nearDuplicates(file, descriptions, parsed.doc.getIn(['tags'], true), parsed.lines));
  return { vocabulary: tagVocabulary(descriptions.keys()), descriptions, diagnostics };
}

/** `tag/near-duplicate` on each tag of the vocabulary that an earlier one spells differently. */
function nearDuplicates(
  file: string,
  descriptions: ReadonlyMap<string, string>,
  node: unknown,
  lines: LineCounter,
): Diagnostic[] {
  const first = new Map<string, string>();
  const out: Diagnostic[] = [];
  for (const tag of descriptions.keys()) {
    const earlier = first.get(tagKey(tag));
    if (earlier === undefined) {
      first.set(tagKey(tag), tag);
      continue;
    }
    const key = isMap(node)
      ? node.items.find((pair) => isScalar(pair.key) && pair.key.value === tag)?.key
      : undefined;
    out.push(
      diagnostic(
        file,
        nodePlace(isScalar(key) ? key : null, lines),
        'tag/near-duplicate',
        `The tag \`${tag}\` differs only in plural or hyphenation from \`${earlier}\`, earlier in the vocabulary.`,
        `Keep one of them (did you mean \`${earlier}\`?), and change the personas that use the other.`,
        'warning',
      ),
    );
  }
  return out;
}
