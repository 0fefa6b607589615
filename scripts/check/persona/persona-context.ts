import type { Document, LineCounter, Node } from 'yaml';
import { type Place, START_OF_FILE } from '../../core/diagnostic.ts';
import type { LintSettings } from '../../core/lint-settings.ts';
import { nodePlace } from '../../parse/node-place.ts';
import type { PersonaLocation } from './persona-location.ts';

/** What a single-file rule sees: one parsed persona that is a mapping. */
export interface PersonaContext {
  file: string;
  text: string;
  /** Null on the fast path: rules then only decide whether they fire, and the file is re-checked in full if so. */
  doc: Document.Parsed | null;
  lines: LineCounter;
  data: Record<string, unknown>;
  location: PersonaLocation | null;
  /** The library's lint settings (persona.config.yaml). */
  settings: LintSettings;
}

export function placeIn(ctx: Pick<PersonaContext, 'doc' | 'lines'>, ...path: Array<string | number>): Place {
  if (!ctx.doc) return START_OF_FILE;
  const node = path.length === 0 ? ctx.doc.contents : ctx.doc.getIn(path, true);
  return nodePlace(node && typeof node === 'object' ? (node as Node) : null, ctx.lines);
}

export function stringAt(data: Record<string, unknown>, key: string): string | undefined {
  const value = data[key];
  return typeof value === 'string' ? value : undefined;
}

/** Composability links that have a text `persona`, with their index in the list. */
export function linksOf(
  data: Record<string, unknown>,
): Array<{ index: number; persona: string; relation: unknown }> {
  const list = data.composability;
  if (!Array.isArray(list)) return [];
  const out: Array<{ index: number; persona: string; relation: unknown }> = [];
  list.forEach((link, index) => {
    if (link && typeof link === 'object' && typeof (link as { persona?: unknown }).persona === 'string') {
      out.push({
        index,
        persona: (link as { persona: string }).persona,
        relation: (link as { relation?: unknown }).relation,
      });
    }
  });
  return out;
}
