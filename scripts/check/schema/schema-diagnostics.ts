import { type Document, isMap, isScalar, type LineCounter, type Node } from 'yaml';
import { type Diagnostic, diagnostic } from '../../core/diagnostic.ts';
import { didYouMean } from '../../core/did-you-mean.ts';
import type { RuleId } from '../../core/rules.ts';
import { nodePlace } from '../../parse/node-place.ts';
import type { ErrorObject, SchemaNode, SchemaValidator } from './compile-schema.ts';
import { describePath, describeValue, kindOf, quote } from './describe.ts';

/**
 * Runs the schema and turns each ajv error into a diagnostic placed on the YAML node it is about,
 * found through the document's ranges. Later errors on a path that already has a type error are dropped:
 * once `goals` is text instead of a list, "too few items" adds nothing.
 */
export function schemaDiagnostics(
  file: string,
  value: unknown,
  doc: Document.Parsed,
  lines: LineCounter,
  validate: SchemaValidator,
  subject = 'The persona',
): Diagnostic[] {
  if (validate(value)) return [];
  const errors = (validate.errors ?? []) as ErrorObject[];
  const typeErrorPaths = new Set(errors.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    if (error.keyword !== 'type' && hasTypeErrorAtOrAbove(error.instancePath, typeErrorPaths)) continue;
    const d = translate(file, error, value, doc, lines, subject);
    if (!d) continue;
    const key = `${d.line}:${d.column}:${d.rule}:${d.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(d);
  }
  return out;
}

function hasTypeErrorAtOrAbove(path: string, typeErrorPaths: Set<string>): boolean {
  for (const p of typeErrorPaths) if (path === p || path.startsWith(`${p}/`)) return true;
  return false;
}

function pathSegments(instancePath: string): Array<string | number> {
  if (instancePath === '') return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function valueAt(value: unknown, segments: Array<string | number>): unknown {
  let current = value;
  for (const s of segments) {
    if (current === null || typeof current !== 'object') return undefined;
    current = Object.hasOwn(current, s) ? (current as Record<string, unknown>)[s] : undefined;
  }
  return current;
}

function nodeAt(doc: Document.Parsed, segments: Array<string | number>): Node | null {
  if (segments.length === 0) return doc.contents as Node | null;
  const node = doc.getIn(segments, true);
  return node && typeof node === 'object' ? (node as Node) : null;
}

/** Key nodes of each mapping, indexed once: a file with 40,000 unknown keys must not cost 40,000² lookups. */
const keyIndexes = new WeakMap<object, Map<string, Node>>();

function keyNode(doc: Document.Parsed, segments: Array<string | number>, key: string): Node | null {
  const parent = nodeAt(doc, segments);
  if (!isMap(parent)) return parent;
  let index = keyIndexes.get(parent);
  if (!index) {
    index = new Map();
    for (const pair of parent.items) {
      if (isScalar(pair.key) && !index.has(String(pair.key.value)))
        index.set(String(pair.key.value), pair.key);
    }
    keyIndexes.set(parent, index);
  }
  return index.get(key) ?? parent;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  array: 'a list',
  object: 'a mapping of keys to values',
  integer: 'a whole number',
  number: 'a number',
  boolean: '`true` or `false`',
  null: 'empty',
};

function translate(
  file: string,
  error: ErrorObject,
  root: unknown,
  doc: Document.Parsed,
  lines: LineCounter,
  subject: string,
): Diagnostic | null {
  const segments = pathSegments(error.instancePath);
  const where = describePath(segments, subject);
  const schema = (error.parentSchema ?? {}) as SchemaNode;
  const value = valueAt(root, segments);
  const at = (node: Node | null, rule: RuleId, message: string, hint: string) =>
    diagnostic(file, nodePlace(node, lines), rule, message, hint);
  const describeHint = schema.description ? ` Expected: ${schema.description}` : '';

  switch (error.keyword) {
    case 'required': {
      const missing = String((error.params as { missingProperty: string }).missingProperty);
      const property = schema.properties?.[missing];
      return at(
        nodeAt(doc, segments),
        'schema/missing-key',
        `${where} is missing the required key \`${missing}\`.`,
        `Add \`${missing}:\` to this mapping.${property?.description ? ` ${missing}: ${property.description}` : ''}`,
      );
    }
    case 'additionalProperties': {
      const extra = String((error.params as { additionalProperty: string }).additionalProperty);
      const allowed = Object.keys(schema.properties ?? {});
      const match = didYouMean(extra, allowed);
      return at(
        keyNode(doc, segments, extra),
        'schema/unknown-key',
        `Unknown key \`${quote(extra, 40)}\` in ${where === subject ? subject.toLowerCase() : where}.`,
        match
          ? `Did you mean \`${match}\`?`
          : `Remove it, or use one of the allowed keys: ${allowed.map((k) => `\`${k}\``).join(', ')}.`,
      );
    }
    case 'type': {
      const expected = ([] as string[]).concat((error.params as { type: string | string[] }).type);
      return at(
        nodeAt(doc, segments),
        'schema/wrong-type',
        `${where} must be ${expected.map((t) => TYPE_WORDS[t] ?? t).join(' or ')}, but it is ${kindOf(value)}.`,
        expected.includes('array')
          ? `Write it as a list, one \`- item\` per line.${describeHint}`
          : expected.includes('string')
            ? `Write it as text on the same line, in double quotes if it contains \`: \` or \`#\`.${describeHint}`
            : `Change the value's type.${describeHint}`,
      );
    }
    case 'minLength':
      return at(
        nodeAt(doc, segments),
        'schema/empty-value',
        `${where} is empty.`,
        `Write the text, or remove the key if it is optional.${describeHint}`,
      );
    case 'maxLength': {
      const limit = Number((error.params as { limit: number }).limit);
      const length = typeof value === 'string' ? value.length : 0;
      return at(
        nodeAt(doc, segments),
        'schema/too-long',
        `${where} is ${length.toLocaleString('en-US')} characters long; the limit is ${limit.toLocaleString('en-US')}.`,
        `Shorten it by at least ${(length - limit).toLocaleString('en-US')} characters.`,
      );
    }
    case 'pattern': {
      const suggestion = typeof value === 'string' ? suggestKebab(value) : undefined;
      return at(
        nodeAt(doc, segments),
        'schema/invalid-format',
        `${where} is ${describeValue(value)}, which ${schema.patternErrorMessage ?? 'does not have the required form'}.`,
        suggestion && suggestion !== value && new RegExp(String(schema.pattern)).test(suggestion)
          ? `Did you mean \`${suggestion}\`?`
          : (schema.description ?? 'Fix the value.'),
      );
    }
    case 'format': {
      const format = String((error.params as { format: string }).format);
      const expected =
        format === 'date'
          ? 'a date written YYYY-MM-DD'
          : format === 'uri'
            ? 'a full URL such as https://example.com/page'
            : `a valid ${format}`;
      return at(
        nodeAt(doc, segments),
        'schema/invalid-format',
        `${where} is ${describeValue(value)}, which is not ${expected}.`,
        `Write ${expected}.`,
      );
    }
    case 'enum': {
      const allowed = (schema.enum ?? []).map(String);
      const match = typeof value === 'string' ? didYouMean(value, allowed) : undefined;
      return at(
        nodeAt(doc, segments),
        'schema/not-allowed',
        `${where} is ${describeValue(value)}, which is not one of: ${allowed.map((a) => `\`${a}\``).join(', ')}.`,
        match ? `Did you mean \`${match}\`?` : `Use one of: ${allowed.join(', ')}.`,
      );
    }
    case 'minItems': {
      const limit = Number((error.params as { limit: number }).limit);
      return at(
        nodeAt(doc, segments),
        'schema/too-few-items',
        `${where} needs at least ${limit} item${limit === 1 ? '' : 's'}; it has ${Array.isArray(value) ? value.length : 0}.`,
        `Add ${limit === 1 ? 'an item' : 'items'} as \`- text\` lines.${describeHint}`,
      );
    }
    case 'maxItems': {
      const limit = Number((error.params as { limit: number }).limit);
      return at(
        nodeAt(doc, segments),
        'schema/too-many-items',
        `${where} has ${Array.isArray(value) ? value.length : 0} items; at most ${limit} are allowed.`,
        'Merge related items or drop the weakest ones.',
      );
    }
    case 'uniqueItems': {
      const { i, j } = error.params as { i: number; j: number };
      const later = Math.max(i, j);
      const earlier = Math.min(i, j);
      return at(
        nodeAt(doc, [...segments, later]),
        'schema/duplicate-item',
        `${describePath([...segments, later], subject)} repeats item ${earlier + 1}.`,
        'Remove the repeated item.',
      );
    }
    case 'minimum': {
      const limit = Number((error.params as { limit: number }).limit);
      return at(
        nodeAt(doc, segments),
        'schema/invalid',
        limit === 0 ? `${where} must not be negative.` : `${where} must be at least ${limit}.`,
        `Use ${limit} or more.`,
      );
    }
    default:
      return at(
        nodeAt(doc, segments),
        'schema/invalid',
        `${where} is not valid here.`,
        schema.description ?? 'Compare the value with the format described in the README.',
      );
  }
}

/** A kebab-case rendering of the input, for "did you mean" on slugs and tags. */
function suggestKebab(value: string): string | undefined {
  const kebab = value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return kebab === '' ? undefined : kebab;
}
