import { LineCounter } from 'yaml';
import { type Diagnostic, diagnostic, type Place } from '../../core/diagnostic.ts';
import type { Finding } from '../../core/facts.ts';
import { type Fix, type RuleMeta, type TextEdit, withFix } from '../../core/fix.ts';
import type { RuleId } from '../../core/rules.ts';
import { resolveEdits } from '../../core/text-edits.ts';
import { decodeSource } from '../../parse/decode-source.ts';
import { valuePlaces } from '../../parse/node-place.ts';
import { parseYaml } from '../../parse/parse-yaml.ts';
import { type YamlSource, yamlEdits } from '../../parse/yaml-edits.ts';
import { LIBRARY_RULES } from './library-rules.ts';

/** The places of values in one file, by path: what a full reading of the file gives. */
export type ValuePlaces = (at: ReadonlyArray<string | number>) => Place;

/** One file read in full: the places of its values and, when it reads without error, its source for fixes. */
export interface FindingFile {
  places: ValuePlaces;
  source: YamlSource | null;
}

/** A file's bytes read in full for `placeFindings`. */
export function readFindingFile(file: string, bytes: Uint8Array): FindingFile {
  const decoded = decodeSource(file, bytes);
  if (!decoded.ok) return { places: valuePlaces(null, new LineCounter()), source: null };
  const parsed = parseYaml(file, decoded.text);
  const places = valuePlaces(parsed.doc, parsed.lines);
  // As for the per-file fixes: only a file whose YAML reads without error is ever edited.
  if (!parsed.doc || parsed.diagnostics.some((d) => d.severity === 'error')) return { places, source: null };
  return { places, source: { file, text: decoded.text, doc: parsed.doc, value: parsed.value } };
}

const META: ReadonlyMap<RuleId, RuleMeta> = new Map(LIBRARY_RULES.map((rule) => [rule.meta.rule, rule.meta]));

/**
 * Findings as diagnostics, each at the place of its value, with its fix as text edits when every file it
 * changes reads cleanly and every change can be made. `read` gives one file read in full; it is asked once per
 * file that has findings or that a fix changes (the caller reads and parses only those).
 */
export function placeFindings(
  findings: readonly Finding[],
  read: (file: string) => FindingFile,
): Diagnostic[] {
  const byFile = new Map<string, FindingFile>();
  const fileOf = (file: string) => {
    let known = byFile.get(file);
    if (!known) {
      known = read(file);
      byFile.set(file, known);
    }
    return known;
  };
  return findings.map((f) => {
    const placed = diagnostic(f.file, fileOf(f.file).places(f.at), f.rule, f.message, f.hint, f.severity);
    const meta = META.get(f.rule);
    return meta && f.fix ? withFix(meta, placed, textFix(f.fix, fileOf)) : placed;
  });
}

function textFix(
  planned: NonNullable<Finding['fix']>,
  fileOf: (file: string) => FindingFile,
): Fix | undefined {
  const edits: TextEdit[] = [];
  for (const { file, change } of planned.changes) {
    const source = fileOf(file).source;
    const made = source ? yamlEdits(source, change) : undefined;
    if (!made) return undefined;
    edits.push(...made);
  }
  // Changes to one file are each checked alone; together they must not overlap.
  for (const file of new Set(edits.map((e) => e.file))) {
    const source = fileOf(file).source as YamlSource;
    if (
      !resolveEdits(
        source.text,
        edits.filter((e) => e.file === file),
      )
    )
      return undefined;
  }
  return { description: planned.description, edits };
}
