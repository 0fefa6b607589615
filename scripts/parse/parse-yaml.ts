import {
  type Document,
  type DocumentOptions,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  type ParsedNode,
  type ParseOptions,
  parseAllDocuments,
  Scalar,
  type SchemaOptions,
  type YAMLMap,
  type YAMLSeq,
} from 'yaml';
import { type Diagnostic, diagnostic, type Place, START_OF_FILE } from '../core/diagnostic.ts';
import { FORBIDDEN_KEYS } from '../core/persona-fields.ts';
import { layoutProblem, UNCLOSED_FLOW } from './layout-problem.ts';
import { nodePlace, rangePlace } from './node-place.ts';

export const MAX_DEPTH = 16;

/** `!!str` is harmless (it only forces text); every other explicit tag can construct something unexpected. */
const ALLOWED_TAGS: ReadonlySet<string> = new Set(['tag:yaml.org,2002:str']);

export interface ParsedYaml {
  /** The document, or null when there is nothing usable to check further. */
  doc: Document.Parsed | null;
  lines: LineCounter;
  /** Plain JS value with forbidden keys and aliases removed; undefined when `doc` is null. */
  value: unknown;
  diagnostics: Diagnostic[];
}

/**
 * YAML 1.2 core schema only; duplicate keys are found by our own linear walk, because the library's check is
 * quadratic in the number of keys. Warnings (unresolved tags and the like) are reported as errors.
 */
const PARSE_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  version: '1.2',
  schema: 'core',
  uniqueKeys: false,
  strict: true,
  prettyErrors: false,
  merge: false,
  customTags: [],
  stringKeys: false,
};

export function parseYaml(file: string, text: string, maxDepth = MAX_DEPTH): ParsedYaml {
  const lines = new LineCounter();
  const diagnostics: Diagnostic[] = [];
  const docs = parseAllDocuments(text, { ...PARSE_OPTIONS, lineCounter: lines });
  const first = docs[0];
  if (!first) {
    diagnostics.push(
      diagnostic(
        file,
        START_OF_FILE,
        'file/empty',
        'The file holds no YAML document.',
        'Fill it in or delete it.',
      ),
    );
    return { doc: null, lines, value: undefined, diagnostics };
  }
  for (const extra of docs.slice(1)) {
    diagnostics.push(
      diagnostic(
        file,
        rangePlace(extra.range[0], extra.range[0], lines),
        'yaml/multiple-documents',
        'The file holds more than one YAML document (a second one starts here).',
        'Keep one document per file: remove this `---` and what follows, or move it to its own file.',
      ),
    );
  }

  // An indentation mistake or a tab is one diagnostic at its line, in place of the errors it causes.
  const layout = layoutProblem(file, text, first.errors, lines);
  if (layout) diagnostics.push(layout.diagnostic);
  for (const error of first.errors) {
    if (layout?.folded.has(error)) continue;
    const place = rangePlace(error.pos[0], error.pos[1], lines);
    if (error.code === 'RESOURCE_EXHAUSTION') {
      diagnostics.push(
        diagnostic(
          file,
          place,
          'yaml/too-deep',
          'The YAML is nested too deeply to read.',
          `Personas and contributions nest at most ${maxDepth} levels; flatten the structure.`,
        ),
      );
    } else {
      diagnostics.push(
        diagnostic(
          file,
          place,
          'yaml/syntax',
          `YAML syntax error: ${plain(error.message)}.`,
          syntaxHint(UNCLOSED_FLOW.test(error.message) ? 'MISSING_CHAR' : error.code),
        ),
      );
    }
  }
  for (const warning of first.warnings) {
    const place = rangePlace(warning.pos[0], warning.pos[1], lines);
    // Tags are reported once, by the structural walk, whether or not yaml could resolve them.
    if (warning.code === 'TAG_RESOLVE_FAILED') continue;
    diagnostics.push(
      diagnostic(
        file,
        place,
        'yaml/warning',
        `YAML warning treated as an error: ${plain(warning.message)}.`,
        'Rewrite this part as plain YAML 1.2.',
      ),
    );
  }
  diagnostics.push(...directiveDiagnostics(file, first, text, lines));

  if (first.errors.length > 0) return { doc: null, lines, value: undefined, diagnostics };

  diagnostics.push(...walkStructure(file, first, text, lines, maxDepth));
  let value: unknown;
  try {
    value = first.toJS({ maxAliasCount: 0 });
  } catch (error) {
    diagnostics.push(
      diagnostic(
        file,
        START_OF_FILE,
        'yaml/syntax',
        `The YAML could not be converted: ${plain(String(error))}.`,
        'Simplify the YAML to plain keys, text and lists.',
      ),
    );
    return { doc: null, lines, value: undefined, diagnostics };
  }
  return { doc: first, lines, value, diagnostics };
}

function directiveDiagnostics(
  file: string,
  doc: Document.Parsed,
  text: string,
  lines: LineCounter,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  // Directives carry no node or range, so their line is found in the directive block before `---`.
  const header = /^(%(?:YAML|TAG)\b[^\n]*)$/gm;
  for (let match = header.exec(text); match; match = header.exec(text)) {
    const directive = match[1] ?? '';
    if (directive.startsWith('%YAML 1.2')) continue;
    out.push(
      diagnostic(
        file,
        rangePlace(match.index, match.index + directive.length, lines),
        'yaml/unsupported-directive',
        `Unsupported directive \`${directive.trim().slice(0, 40)}\`: files are read as YAML 1.2 with the core schema.`,
        'Delete this line. In YAML 1.2, `yes`/`no`/`on`/`off` are plain text, which is what personas need.',
      ),
    );
  }
  void doc;
  return out;
}

interface Pending {
  node: unknown;
  depth: number;
  parent: YAMLMap | YAMLSeq | null;
  index: number;
}

/**
 * One pass over the tree with an explicit stack (no recursion, so no stack overflow): duplicate keys in
 * linear time, forbidden keys, non-text keys, aliases and excessive depth. Offending parts are removed from
 * the document so that converting it to JS is safe.
 */
function walkStructure(
  file: string,
  doc: Document.Parsed,
  text: string,
  lines: LineCounter,
  maxDepth: number,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const removals: Array<{ parent: YAMLMap | YAMLSeq; index: number }> = [];
  const aliasSlots: Array<{ parent: YAMLMap | YAMLSeq | null; index: number }> = [];
  let reportedDepth = false;
  const stack: Pending[] = [{ node: doc.contents, depth: 1, parent: null, index: 0 }];
  while (stack.length > 0) {
    const { node, depth, parent, index } = stack.pop() as Pending;
    if (isAlias(node)) {
      out.push(
        diagnostic(
          file,
          nodePlace(node, lines),
          'yaml/alias',
          `YAML alias \`*${node.source}\` is not allowed: aliases can expand into huge documents.`,
          'Write the value out in full instead of referring to an anchor.',
        ),
      );
      aliasSlots.push({ parent, index });
      continue;
    }
    const tag = (node as { tag?: string } | null)?.tag;
    if (tag !== undefined && !ALLOWED_TAGS.has(tag)) {
      out.push(
        diagnostic(
          file,
          tagPlace(node as ParsedNode, text, lines),
          'yaml/unsupported-tag',
          `Unsupported YAML tag \`${tag.replace(/^tag:yaml\.org,2002:/, '!!').slice(0, 40)}\`: only plain text, lists and mappings are allowed.`,
          'Remove the tag (the part starting with `!`) and write the value as plain text.',
        ),
      );
      if (parent) removals.push({ parent, index });
      continue;
    }
    if (isScalar(node) && typeof node.value === 'string' && !node.value.isWellFormed()) {
      // An escape such as `\ud800` on its own is half of a UTF-16 pair: no file, page or export can hold it.
      out.push(
        diagnostic(
          file,
          nodePlace(node as ParsedNode, lines),
          'yaml/invalid-text',
          'This text holds half of a character: a `\\ud800`–`\\udfff` escape without its partner.',
          'Write the character itself, or escape a character beyond U+FFFF whole, as `\\U0001F600`.',
        ),
      );
      continue;
    }
    if (!isMap(node) && !isSeq(node)) continue;
    if (depth > maxDepth) {
      if (!reportedDepth) {
        out.push(
          diagnostic(
            file,
            nodePlace(node as ParsedNode, lines),
            'yaml/too-deep',
            `The YAML nests more than ${maxDepth} levels deep here.`,
            'Personas and contributions only need a few levels; flatten the structure.',
          ),
        );
        reportedDepth = true;
      }
      removals.push(...(parent ? [{ parent, index }] : []));
      continue;
    }
    if (isSeq(node)) {
      for (let i = node.items.length - 1; i >= 0; i--) {
        stack.push({ node: node.items[i], depth: depth + 1, parent: node, index: i });
      }
      continue;
    }
    const firstSeen = new Map<string, ParsedNode>();
    for (let i = 0; i < node.items.length; i++) {
      const pair = node.items[i];
      if (!pair) continue;
      const key = pair.key as ParsedNode | null;
      if (isAlias(key)) {
        out.push(
          diagnostic(
            file,
            nodePlace(key, lines),
            'yaml/alias',
            'A YAML alias cannot be used as a key.',
            'Write the key out as plain text.',
          ),
        );
        removals.push({ parent: node, index: i });
        continue;
      }
      if (!isScalar(key) || key.value === null || typeof key.value === 'object') {
        out.push(
          diagnostic(
            file,
            nodePlace(key ?? (pair.value as ParsedNode | null), lines),
            'yaml/non-string-key',
            'This key is not plain text (it is empty, a list or a mapping).',
            'Write keys as plain words, such as `goals:`.',
          ),
        );
        removals.push({ parent: node, index: i });
        continue;
      }
      const name = String(key.value);
      if (FORBIDDEN_KEYS.has(name)) {
        out.push(
          diagnostic(
            file,
            nodePlace(key, lines),
            'yaml/forbidden-key',
            `The key \`${name}\` is not allowed: it could tamper with the tools that read this file.`,
            'Remove this key.',
          ),
        );
        removals.push({ parent: node, index: i });
        continue;
      }
      const earlier = firstSeen.get(name);
      if (earlier) {
        const firstLine = nodePlace(earlier, lines).line;
        out.push(
          diagnostic(
            file,
            nodePlace(key, lines),
            'yaml/duplicate-key',
            `The key \`${name}\` appears twice in this mapping (first on line ${firstLine}).`,
            `Keep one \`${name}\`: merge the two values into the first one, or rename this one.`,
          ),
        );
      } else {
        firstSeen.set(name, key);
      }
      stack.push({ node: pair.value, depth: depth + 1, parent: node, index: i });
    }
  }
  for (const slot of aliasSlots) {
    if (!slot.parent) doc.contents = new Scalar(null) as unknown as typeof doc.contents;
    else if (isSeq(slot.parent)) slot.parent.items[slot.index] = new Scalar(null);
    else {
      const pair = slot.parent.items[slot.index];
      if (pair) pair.value = new Scalar(null);
    }
  }
  // Remove from the highest index down so earlier indices stay valid.
  removals.sort((a, b) => b.index - a.index);
  for (const { parent, index } of removals) parent.items.splice(index, 1);
  return out;
}

/**
 * A node's range starts at its value, after any tag; the tag token (`!!binary`, `!foo`) is the whitespace-free
 * run ending at the last `!` before the value on the same line.
 */
function tagPlace(node: ParsedNode, text: string, lines: LineCounter): Place {
  const valueStart = node.range[0];
  const lineStart = text.lastIndexOf('\n', valueStart - 1) + 1;
  const bang = text.lastIndexOf('!', valueStart - 1);
  if (bang < lineStart) return nodePlace(node, lines);
  let start = bang;
  while (start > lineStart && !/\s/.test(text[start - 1] ?? ' ')) start--;
  return rangePlace(start, node.range[1], lines);
}

/** yaml's messages end with a code frame and position; contributors get those from the diagnostic itself. */
function plain(message: string): string {
  return (message.split('\n')[0] ?? message)
    .replace(/ at line \d+, column \d+:?$/, '')
    .replace(/[.:]\s*$/, '')
    .replace('closing "quote', 'closing double quote (")');
}

/** Indentation and tabs are `layoutProblem`'s (yaml/indentation, yaml/tab); what is left is quoting and brackets. */
function syntaxHint(code: string): string {
  switch (code) {
    case 'MISSING_CHAR':
      return 'A quote or bracket is not closed: check that every `"` and `[` on this line has its partner.';
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return 'Text that contains `: ` must be quoted, e.g. `note: "Note: this"`.';
    default:
      return 'Check indentation and quoting here. Text that contains `: `, ` #` or starts with a special character must be in double quotes.';
  }
}
