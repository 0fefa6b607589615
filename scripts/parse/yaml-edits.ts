import { isDeepStrictEqual } from 'node:util';
import { type Document, isMap, isScalar, isSeq, type Node, Scalar } from 'yaml';
import type { TextEdit } from '../core/fix.ts';
import { applyTextEdits, lineStarts, positionAt } from '../core/text-edits.ts';
import type { ValuePath, YamlChange } from '../core/yaml-change.ts';
import { parseYaml } from './parse-yaml.ts';

/** One parsed YAML file: what a change is turned into text edits against. */
export interface YamlSource {
  file: string;
  text: string;
  doc: Document.Parsed;
  /** The document as plain data (`parseYaml`'s `value`). */
  value: unknown;
}

/**
 * The text edits that make `change` in `source`, touching only the text concerned, or undefined when the change
 * cannot be made that way (a flow list, a block scalar, a key already taken…). Every answer is checked: the
 * edited text must parse without error to exactly the data with the change made, or there is no answer.
 */
export function yamlEdits(source: YamlSource, change: YamlChange): TextEdit[] | undefined {
  const expected = changedValue(source.value, change);
  if (expected === undefined) return undefined;
  const edits = candidateEdits(source, change);
  if (!edits) return undefined;
  const after = applyTextEdits(source.text, edits);
  if (after === undefined) return undefined;
  const parsed = parseYaml(source.file, after);
  if (!parsed.doc || parsed.diagnostics.some((d) => d.severity === 'error')) return undefined;
  return isDeepStrictEqual(parsed.value, expected) ? edits : undefined;
}

/** The data with the change made, or undefined when the path does not lead where the change needs. */
export function changedValue(value: unknown, change: YamlChange): unknown {
  const copy = structuredClone(value);
  const parentPath =
    change.kind === 'set-text' || change.kind === 'delete-item' ? change.at.slice(0, -1) : change.at;
  const parent = valueAt(copy, parentPath);
  const last = change.at.at(-1);
  switch (change.kind) {
    case 'set-text': {
      if (!isContainer(parent) || last === undefined || typeof valueAt(parent, [last]) !== 'string')
        return undefined;
      (parent as Record<string | number, unknown>)[last] = change.value;
      return copy;
    }
    case 'rename-key': {
      if (!isPlainObject(parent) || !Object.hasOwn(parent, change.from) || Object.hasOwn(parent, change.to))
        return undefined;
      parent[change.to] = parent[change.from];
      delete parent[change.from];
      return copy;
    }
    case 'append-item': {
      if (!Array.isArray(parent)) return undefined;
      parent.push(Object.fromEntries(change.item));
      return copy;
    }
    case 'delete-item': {
      if (!Array.isArray(parent) || typeof last !== 'number' || last < 0 || last >= parent.length)
        return undefined;
      parent.splice(last, 1);
      return copy;
    }
  }
}

function candidateEdits(source: YamlSource, change: YamlChange): TextEdit[] | undefined {
  const { text, doc } = source;
  const starts = lineStarts(text);
  const edit = (start: number, end: number, replacement: string): TextEdit => {
    const from = positionAt(starts, start);
    const to = positionAt(starts, end);
    return {
      file: source.file,
      line: from.line,
      column: from.column,
      endLine: to.line,
      endColumn: to.column,
      text: replacement,
    };
  };
  switch (change.kind) {
    case 'set-text': {
      const node = nodeAt(doc, change.at);
      if (!isScalar(node) || !node.range) return undefined;
      const replacement = scalarText(change.value, node.type);
      return replacement === undefined ? undefined : [edit(node.range[0], node.range[1], replacement)];
    }
    case 'rename-key': {
      const map = nodeAt(doc, change.at);
      if (!isMap(map)) return undefined;
      const pair = map.items.find((p) => isScalar(p.key) && p.key.value === change.from);
      const key = pair?.key;
      if (!isScalar(key) || !key.range) return undefined;
      const replacement = scalarText(change.to, key.type);
      return replacement === undefined ? undefined : [edit(key.range[0], key.range[1], replacement)];
    }
    case 'append-item': {
      const list = nodeAt(doc, change.at);
      if (!isSeq(list) || !list.range) return undefined;
      if (list.flow) {
        // `key: []` becomes a block list under the key, indented one level (two spaces) deeper than it.
        if (list.items.length > 0) return undefined;
        const indent = `${indentationOf(text, list.range[0])}  `;
        // From the end of `key:`, so no space is left at the end of its line.
        let start = list.range[0];
        while (start > 0 && text[start - 1] === ' ') start--;
        return [edit(start, list.range[1], `\n${blockItem(change.item, indent).trimEnd()}`)];
      }
      const first = list.items[0] as Node | undefined;
      const last = list.items.at(-1) as Node | undefined;
      const dash = first?.range ? dashBefore(text, first.range[0]) : undefined;
      if (!last?.range || dash === undefined) return undefined;
      const indent = text.slice(text.lastIndexOf('\n', dash - 1) + 1, dash);
      if (!/^ *$/.test(indent)) return undefined;
      const lastEnd = Math.max(last.range[0], last.range[1] - 1);
      const lineBreak = text.indexOf('\n', lastEnd);
      const at = lineBreak === -1 ? text.length : lineBreak + 1;
      const item = blockItem(change.item, indent);
      return [edit(at, at, lineBreak === -1 ? `\n${item}` : item)];
    }
    case 'delete-item': {
      const list = nodeAt(doc, change.at.slice(0, -1));
      const index = change.at.at(-1);
      if (!isSeq(list) || list.flow || typeof index !== 'number') return undefined;
      const item = list.items[index] as Node | undefined;
      if (!item?.range) return undefined;
      const dash = dashBefore(text, item.range[0]);
      if (dash === undefined) return undefined;
      const lineStart = text.lastIndexOf('\n', dash - 1) + 1;
      if (!/^ *$/.test(text.slice(lineStart, dash))) return undefined;
      // The item owns the rest of its last line only when nothing but spaces or a comment follows it there.
      const lineBreak = text.indexOf('\n', Math.max(item.range[0], item.range[1] - 1));
      const end = lineBreak === -1 ? text.length : lineBreak + 1;
      if (!/^[ \t]*(#.*)?\r?\n?$/.test(text.slice(item.range[1], end))) return undefined;
      return [edit(lineStart, end, '')];
    }
  }
}

/** The `- ` that introduces the block-list item whose value starts at `valueStart`, on the same line. */
function dashBefore(text: string, valueStart: number): number | undefined {
  let at = valueStart - 1;
  while (at >= 0 && text[at] === ' ') at--;
  return text[at] === '-' && at < valueStart - 1 ? at : undefined;
}

/** The spaces that start the line holding `offset`. */
function indentationOf(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^ */.exec(text.slice(lineStart))?.[0] ?? '';
}

function blockItem(item: ReadonlyArray<readonly [string, string]>, indent: string): string {
  return item
    .map(
      ([key, value], i) =>
        `${indent}${i === 0 ? '- ' : '  '}${scalarText(key, Scalar.PLAIN)}: ${scalarText(value, Scalar.PLAIN)}\n`,
    )
    .join('');
}

/** Plain words that YAML would read as something other than text. */
const NOT_TEXT_WHEN_PLAIN = /^(?:true|false|null|~|[-+]?(?:\d|\.\d)|\.(?:inf|nan))/i;

/**
 * `value` written as a YAML scalar in the style `type` asks for: plain when the value is a plain word (letters,
 * digits, `-`, `_`), else double-quoted; single-quoted stays single-quoted. Block scalars are not rewritten.
 */
function scalarText(value: string, type: Scalar.Type | undefined): string | undefined {
  if (type === Scalar.BLOCK_FOLDED || type === Scalar.BLOCK_LITERAL) return undefined;
  if (type === Scalar.QUOTE_SINGLE) return `'${value.replaceAll("'", "''")}'`;
  if (
    type !== Scalar.QUOTE_DOUBLE &&
    /^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(value) &&
    !NOT_TEXT_WHEN_PLAIN.test(value)
  )
    return value;
  return doubleQuoted(value);
}

/** JSON's string escapes are YAML's too; the characters YAML may not hold raw are escaped as well. */
function doubleQuoted(value: string): string {
  return JSON.stringify(value).replace(
    /[\u007f-\u009f\u2028\u2029\ufeff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

function nodeAt(doc: Document.Parsed, path: ValuePath): unknown {
  return path.length === 0 ? doc.contents : doc.getIn(path, true);
}

function valueAt(value: unknown, path: ValuePath): unknown {
  let at = value;
  for (const segment of path) {
    if (!isContainer(at)) return undefined;
    at = Object.hasOwn(at, segment) ? (at as Record<string | number, unknown>)[segment] : undefined;
  }
  return at;
}

function isContainer(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return isContainer(value) && !Array.isArray(value);
}
