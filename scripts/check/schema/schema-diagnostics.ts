import { type Document, isMap, isScalar, type LineCounter, type Node } from 'yaml';
import { type Diagnostic, diagnostic } from '../../core/diagnostic.ts';
import { didYouMean, uniqueMatch } from '../../core/did-you-mean.ts';
import { type Fix, type RuleMeta, withFix } from '../../core/fix.ts';
import type { RuleId } from '../../core/rules.ts';
import type { YamlChange } from '../../core/yaml-change.ts';
import { nodePlace } from '../../parse/node-place.ts';
import { yamlEdits } from '../../parse/yaml-edits.ts';
import type { ErrorObject, SchemaNode, SchemaValidator } from './compile-schema.ts';
import { describePath, describeValue, kindOf, quote } from './describe.ts';

/**
 * What each schema rule declares: which may carry a fix. A misspelt key, a misspelt value of a controlled list
 * (when one allowed key or value is the unique close match), and a tag that is not kebab-case or repeats
 * another are fixed; every other schema problem needs a person to decide.
 */
export const SCHEMA_RULE_META = {
  'schema/unknown-key': { rule: 'schema/unknown-key', fixable: true },
  'schema/missing-key': { rule: 'schema/missing-key', fixable: false },
  'schema/wrong-type': { rule: 'schema/wrong-type', fixable: false },
  'schema/empty-value': { rule: 'schema/empty-value', fixable: false },
  'schema/too-long': { rule: 'schema/too-long', fixable: false },
  'schema/invalid-format': { rule: 'schema/invalid-format', fixable: true },
  'schema/not-allowed': { rule: 'schema/not-allowed', fixable: true },
  'schema/too-few-items': { rule: 'schema/too-few-items', fixable: false },
  'schema/too-many-items': { rule: 'schema/too-many-items', fixable: false },
  'schema/duplicate-item': { rule: 'schema/duplicate-item', fixable: true },
  'schema/invalid': { rule: 'schema/invalid', fixable: false },
} as const satisfies Record<string, RuleMeta>;

/**
 * Runs the schema and turns each ajv error into a diagnostic placed on the YAML node it is about,
 * found through the document's ranges. Later errors on a path that already has a type error are dropped:
 * once `goals` is text instead of a list, "too few items" adds nothing.
 *
 * A misspelt required key is one problem, not two: when an unknown key's unique close match is a required key
 * the mapping lacks, the missing-key error is folded into the unknown key's diagnostic, at the key's own line.
 * With `text` (the source the document was parsed from), diagnostics that have one unambiguous fix carry it.
 */
export function schemaDiagnostics(
  file: string,
  value: unknown,
  doc: Document.Parsed,
  lines: LineCounter,
  validate: SchemaValidator,
  subject = 'The persona',
  text?: string,
): Diagnostic[] {
  if (validate(value)) return [];
  const errors = (validate.errors ?? []) as ErrorObject[];
  const typeErrorPaths = new Set(errors.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  const renames = plannedRenames(errors, value);
  const source = text === undefined ? undefined : { file, text, doc, value };
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    if (error.keyword !== 'type' && hasTypeErrorAtOrAbove(error.instancePath, typeErrorPaths)) continue;
    if (error.keyword === 'required' && renames.folded.has(`${error.instancePath}\0${missingKey(error)}`))
      continue;
    const translated = translate(file, error, value, doc, lines, subject, renames);
    if (!translated) continue;
    const { diagnostic: d, change, description } = translated;
    const key = `${d.line}:${d.column}:${d.rule}:${d.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(
      withFix(
        SCHEMA_RULE_META[d.rule as keyof typeof SCHEMA_RULE_META],
        d,
        fixOf(source, change, description),
      ),
    );
  }
  return out;
}

function fixOf(
  source: Parameters<typeof yamlEdits>[0] | undefined,
  change: YamlChange | undefined,
  description: string | undefined,
): Fix | undefined {
  if (!source || !change || !description) return undefined;
  const edits = yamlEdits(source, change);
  return edits ? { description, edits } : undefined;
}

/**
 * For each unknown key, the allowed key a fix renames it to: its unique close match, when the mapping does not
 * have that key already and no other unknown key of the mapping would be renamed to it. `folded` lists the
 * required keys (`path\0key`) that such a rename supplies: their missing-key errors are not reported apart.
 */
function plannedRenames(
  errors: readonly ErrorObject[],
  value: unknown,
): { to: Map<string, string>; folded: Set<string> } {
  const candidates = new Map<string, string>();
  const claims = new Map<string, number>();
  for (const error of errors) {
    if (error.keyword !== 'additionalProperties') continue;
    const extra = String((error.params as { additionalProperty: string }).additionalProperty);
    const allowed = Object.keys(((error.parentSchema ?? {}) as SchemaNode).properties ?? {});
    const mapping = valueAt(value, pathSegments(error.instancePath));
    const match = uniqueMatch(extra, allowed);
    if (
      match === undefined ||
      (mapping !== null && typeof mapping === 'object' && Object.hasOwn(mapping, match))
    )
      continue;
    const target = `${error.instancePath}\0${match}`;
    candidates.set(`${error.instancePath}\0${extra}`, match);
    claims.set(target, (claims.get(target) ?? 0) + 1);
  }
  const to = new Map<string, string>();
  for (const [key, match] of candidates) {
    const path = key.slice(0, key.indexOf('\0'));
    if (claims.get(`${path}\0${match}`) === 1) to.set(key, match);
  }
  const folded = new Set<string>();
  for (const error of errors) {
    if (error.keyword !== 'required') continue;
    const target = `${error.instancePath}\0${missingKey(error)}`;
    if (
      [...to].some(
        ([key, match]) =>
          key.startsWith(`${error.instancePath}\0`) && `${error.instancePath}\0${match}` === target,
      )
    )
      folded.add(target);
  }
  return { to, folded };
}

function missingKey(error: ErrorObject): string {
  return String((error.params as { missingProperty: string }).missingProperty);
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

interface Translated {
  diagnostic: Diagnostic;
  /** The change that fixes it, when there is exactly one. */
  change?: YamlChange;
  description?: string;
}

function translate(
  file: string,
  error: ErrorObject,
  root: unknown,
  doc: Document.Parsed,
  lines: LineCounter,
  subject: string,
  renames: { to: Map<string, string>; folded: Set<string> },
): Translated | null {
  const segments = pathSegments(error.instancePath);
  const where = describePath(segments, subject);
  const schema = (error.parentSchema ?? {}) as SchemaNode;
  const value = valueAt(root, segments);
  const at = (node: Node | null, rule: RuleId, message: string, hint: string): Translated => ({
    diagnostic: diagnostic(file, nodePlace(node, lines), rule, message, hint),
  });
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
      const rename = renames.to.get(`${error.instancePath}\0${extra}`);
      const match = rename ?? didYouMean(extra, allowed);
      const missing =
        rename !== undefined && renames.folded.has(`${error.instancePath}\0${rename}`)
          ? `, and the required key \`${rename}\` is missing`
          : '';
      const translated = at(
        keyNode(doc, segments, extra),
        'schema/unknown-key',
        `Unknown key \`${quote(extra, 40)}\` in ${where === subject ? subject.toLowerCase() : where}${missing}.`,
        match
          ? `Did you mean \`${match}\`?`
          : `Remove it, or use one of the allowed keys: ${allowed.map((k) => `\`${k}\``).join(', ')}.`,
      );
      if (rename === undefined) return translated;
      return {
        ...translated,
        change: { kind: 'rename-key', at: segments, from: extra, to: rename },
        description: `Rename \`${quote(extra, 40)}\` to \`${rename}\`.`,
      };
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
      const kebab = typeof value === 'string' ? suggestKebab(value) : undefined;
      const suggestion =
        kebab !== undefined && kebab !== value && new RegExp(String(schema.pattern)).test(kebab)
          ? kebab
          : undefined;
      const translated = at(
        nodeAt(doc, segments),
        'schema/invalid-format',
        `${where} is ${describeValue(value)}, which ${schema.patternErrorMessage ?? 'does not have the required form'}.`,
        suggestion ? `Did you mean \`${suggestion}\`?` : (schema.description ?? 'Fix the value.'),
      );
      return { ...translated, ...tagFix(root, segments, suggestion, schema) };
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
      const unique = typeof value === 'string' ? uniqueMatch(value, allowed) : undefined;
      const match = unique ?? (typeof value === 'string' ? didYouMean(value, allowed) : undefined);
      const translated = at(
        nodeAt(doc, segments),
        'schema/not-allowed',
        `${where} is ${describeValue(value)}, which is not one of: ${allowed.map((a) => `\`${a}\``).join(', ')}.`,
        match ? `Did you mean \`${match}\`?` : `Use one of: ${allowed.join(', ')}.`,
      );
      if (unique === undefined || typeof value !== 'string') return translated;
      return {
        ...translated,
        change: { kind: 'set-text', at: segments, value: unique },
        description: `Change \`${quote(value, 40)}\` to \`${unique}\`.`,
      };
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
      const translated = at(
        nodeAt(doc, [...segments, later]),
        'schema/duplicate-item',
        `${describePath([...segments, later], subject)} repeats item ${earlier + 1}.`,
        'Remove the repeated item.',
      );
      // Tags are a set: the repeat carries nothing. Other unique lists (provenance) are `persona merge`'s.
      if (!isTagsPath(segments)) return translated;
      return {
        ...translated,
        change: { kind: 'delete-item', at: [...segments, later] },
        description: `Remove tag ${later + 1}, which repeats tag ${earlier + 1}.`,
      };
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

function isTagsPath(segments: ReadonlyArray<string | number>): boolean {
  return segments.length === 1 && segments[0] === 'tags';
}

/**
 * A tag's normal form is its kebab-case rendering (lower case, words joined by `-`): the tag becomes that, or,
 * when the list already holds it, is removed. Only tags: a slug or a product is a name other files use.
 */
function tagFix(
  root: unknown,
  segments: ReadonlyArray<string | number>,
  suggestion: string | undefined,
  schema: SchemaNode,
): Pick<Translated, 'change' | 'description'> {
  const index = segments[1];
  if (
    suggestion === undefined ||
    segments.length !== 2 ||
    !isTagsPath(segments.slice(0, 1)) ||
    typeof index !== 'number'
  )
    return {};
  const maxLength = typeof schema.maxLength === 'number' ? schema.maxLength : Number.POSITIVE_INFINITY;
  if (suggestion.length > maxLength) return {};
  const tags = valueAt(root, ['tags']);
  const already = Array.isArray(tags) ? tags.indexOf(suggestion) : -1;
  if (already !== -1 && already !== index)
    return {
      change: { kind: 'delete-item', at: segments },
      description: `Remove tag ${index + 1}: \`${suggestion}\` is already tag ${already + 1}.`,
    };
  return {
    change: { kind: 'set-text', at: segments, value: suggestion },
    description: `Write the tag as \`${suggestion}\`.`,
  };
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
