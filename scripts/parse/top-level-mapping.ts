import { isMap } from 'yaml';
import { type Diagnostic, diagnostic } from '../core/diagnostic.ts';
import { nodePlace } from './node-place.ts';
import type { ParsedYaml } from './parse-yaml.ts';

/** The parsed top level as a plain mapping, or the `yaml/not-a-mapping` diagnostic saying what it is instead. */
export function topLevelMapping(
  file: string,
  parsed: ParsedYaml & { doc: NonNullable<ParsedYaml['doc']> },
  wording: { subject: string; keys: string; hint: string },
): { data: Record<string, unknown> } | { diagnostic: Diagnostic } {
  const { doc, lines, value } = parsed;
  if (isMap(doc.contents) && value !== null && typeof value === 'object' && !Array.isArray(value)) {
    return { data: value as Record<string, unknown> };
  }
  return {
    diagnostic: diagnostic(
      file,
      nodePlace(doc.contents, lines),
      'yaml/not-a-mapping',
      `The top level of a ${wording.subject} must be a mapping of keys (${wording.keys}, …), but it is ${Array.isArray(value) ? 'a list' : 'a single value'}.`,
      wording.hint,
    ),
  };
}
