import { decodeSource } from '../../parse/decode-source.ts';
import { parseYaml } from '../../parse/parse-yaml.ts';
import { topLevelMapping } from '../../parse/top-level-mapping.ts';
import { PERSONA_TOP_LEVEL } from './check-persona-file.ts';

/** A parser that either reads a text exactly as the full YAML parse would, or declines (the accelerator's). */
export type QuickParse = (text: string) => Record<string, unknown> | undefined;

/**
 * A persona file's data alone, without checking it: the `data` that `checkPersonaFile` gives for the same
 * bytes, or null when they don't decode or have no top-level mapping. For a persona validated earlier in the
 * run, whose data was let go to keep memory flat. `quick` reads first when it can.
 */
export function personaDataOf(
  file: string,
  bytes: Uint8Array,
  quick?: QuickParse,
): Record<string, unknown> | null {
  const decoded = decodeSource(file, bytes);
  if (!decoded.ok) return null;
  const data = quick?.(decoded.text);
  if (data) return data;
  const parsed = parseYaml(file, decoded.text);
  if (!parsed.doc) return null;
  const top = topLevelMapping(file, { ...parsed, doc: parsed.doc }, PERSONA_TOP_LEVEL);
  return 'data' in top ? top.data : null;
}
