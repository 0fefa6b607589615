import { isDeepStrictEqual } from 'node:util';
import { type Document, isMap, isScalar } from 'yaml';
import { CANONICAL_TO_STRING } from '../../parse/canonical-yaml.ts';
import { parseYaml } from '../../parse/parse-yaml.ts';

/** 0-based, inclusive line numbers of one top-level `key: value` pair. */
export interface LineSpan {
  start: number;
  end: number;
}

/** Where each top-level pair sits in the text, from the document's own ranges. */
export function topLevelSpans(doc: Document, text: string): Map<string, LineSpan> {
  const spans = new Map<string, LineSpan>();
  if (!isMap(doc.contents)) return spans;
  const lineStarts = lineStartsOf(text);
  for (const pair of doc.contents.items) {
    if (!isScalar(pair.key) || !pair.key.range) continue;
    const value = pair.value as { range?: [number, number, number] | null } | null;
    let end = value?.range?.[1] ?? pair.key.range[1];
    while (end > pair.key.range[0] && /\s/.test(text[end - 1] ?? '')) end--;
    spans.set(String(pair.key.value), {
      start: lineOf(lineStarts, pair.key.range[0]),
      end: lineOf(lineStarts, Math.max(pair.key.range[0], end - 1)),
    });
  }
  return spans;
}

/**
 * The edited persona as text, changing only the lines of the pairs in `changedKeys`. When the original
 * round-trips through the YAML printer unchanged (every canonical file does), printing the whole edited
 * document is already minimal. Otherwise the changed pairs are printed and spliced into the original lines,
 * so hand formatting elsewhere survives byte for byte; if the splice would not read back as the edited
 * document, the whole printed document is used instead: correct beats minimal.
 */
export function renderPersonaEdit(
  file: string,
  original: { text: string; spans: Map<string, LineSpan>; roundTrips: boolean },
  doc: Document.Parsed,
  changedKeys: readonly string[],
): string {
  const printed = printDocument(doc);
  if (original.roundTrips) return printed;
  const reparsed = parseYaml(file, printed).doc;
  if (!reparsed) return printed;
  const printedSpans = topLevelSpans(reparsed, printed);
  const printedLines = printed.split('\n');
  const lines = original.text.split('\n');
  const lastEnd = Math.max(-1, ...[...original.spans.values()].map((s) => s.end));
  const edits = changedKeys
    .map((key) => {
      const next = printedSpans.get(key);
      const before = original.spans.get(key);
      if (!next) return null;
      return {
        start: before ? before.start : lastEnd + 1,
        deleteCount: before ? before.end - before.start + 1 : 0,
        lines: printedLines.slice(next.start, next.end + 1),
      };
    })
    .filter((edit) => edit !== null)
    .sort((a, b) => b.start - a.start);
  for (const edit of edits) lines.splice(edit.start, edit.deleteCount, ...edit.lines);
  const spliced = lines.join('\n');
  const check = parseYaml(file, spliced);
  const clean = check.doc && !check.diagnostics.some((d) => d.severity === 'error');
  return clean && isDeepStrictEqual(check.value, doc.toJS()) ? spliced : printed;
}

export function printDocument(doc: Document | Document.Parsed): string {
  // A CR can only be in a comment (the printer escapes it in text), where the printer starts a new `#` line
  // after it anyway. Trailing blank lines stay: after a final `|+` block they are part of its text.
  const text = doc.toString(CANONICAL_TO_STRING).replace(/\r\n?/g, '\n');
  return text.endsWith('\n') ? text : `${text}\n`;
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

function lineOf(lineStarts: readonly number[], offset: number): number {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((lineStarts[mid] ?? 0) <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}
