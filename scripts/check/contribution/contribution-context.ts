import type { Document, LineCounter, Node } from 'yaml';
import { type Place, START_OF_FILE } from '../../core/diagnostic.ts';
import type { LintSettings } from '../../core/lint-settings.ts';
import { nodePlace } from '../../parse/node-place.ts';

/** Where each key and its value sit, for a flat file read line by line (the accelerator's reader). */
export interface FlatPlaces {
  [key: string]: { key: Place; value: Place };
}

/** What a single-file contribution rule sees: one parsed contribution that is a mapping. */
export interface ContributionContext {
  file: string;
  text: string;
  /** Null on the fast path, where `flatPlaces` holds the places read off the file's simple lines. */
  doc: Document.Parsed | null;
  lines: LineCounter;
  data: Record<string, unknown>;
  flatPlaces?: FlatPlaces;
  /** The library's lint settings (persona.config.yaml). */
  settings: LintSettings;
}

export function valuePlace(
  ctx: Pick<ContributionContext, 'doc' | 'lines' | 'flatPlaces'>,
  key: string,
): Place {
  if (!ctx.doc) return ctx.flatPlaces?.[key]?.value ?? START_OF_FILE;
  const node = ctx.doc.get(key, true);
  return nodePlace(node && typeof node === 'object' ? (node as Node) : null, ctx.lines);
}

export function keyPlace(ctx: Pick<ContributionContext, 'doc' | 'lines' | 'flatPlaces'>, key: string): Place {
  if (!ctx.doc) return ctx.flatPlaces?.[key]?.key ?? START_OF_FILE;
  const contents = ctx.doc.contents as { items?: Array<{ key?: unknown }> } | null;
  for (const pair of contents?.items ?? []) {
    const node = pair.key as { value?: unknown; range?: [number, number, number] } | null;
    if (node && String(node.value) === key) return nodePlace(node, ctx.lines);
  }
  return nodePlace(null, ctx.lines);
}

export function textAt(data: Record<string, unknown>, key: string): string | undefined {
  const value = data[key];
  return typeof value === 'string' ? value : undefined;
}
