import type { CataloguePersona } from '../../core/catalogue-persona.ts';
import { compareCodePoints, type Diagnostic } from '../../core/diagnostic.ts';
import type { CatalogueOptions } from './catalogue-context.ts';
import { catalogueEntryOf } from './catalogue-entry.ts';
import { byteLength, fits, tooLargeDiagnostic } from './catalogue-limits.ts';
import { type CatalogueLibrary, layOutCatalogue, renderUnit } from './catalogue-units.ts';
import { type MarkdownKit, REFERENCE_KIT } from './markdown-kit.ts';

export interface RenderedCatalogue {
  /** Path inside the catalogue folder → file text, in code-point order of path. */
  files: Map<string, string>;
  /** `catalogue/too-large` for any file over the cap even after splitting. */
  diagnostics: Diagnostic[];
}

/**
 * The whole catalogue, in memory: pure, deterministic, no file system. `persona catalogue` renders the same
 * units one at a time and writes them as it goes (scripts/pipeline/build-catalogue.ts); tests and small tools
 * use this.
 */
export function renderCatalogue(
  personas: readonly CataloguePersona[],
  options: CatalogueOptions,
  kit: MarkdownKit = REFERENCE_KIT,
  library: CatalogueLibrary = {},
): RenderedCatalogue {
  const byFile = new Map(personas.map((p) => [p.file, p]));
  const entries = new Map(personas.map((p) => [p.file, catalogueEntryOf(p)]));
  const { units } = layOutCatalogue(entries, options, kit, library);
  const files = new Map<string, string>();
  for (const unit of units) {
    const declared = unit.personas.map((file) => byFile.get(file) as CataloguePersona);
    for (const file of renderUnit(unit, declared, options, kit)) files.set(file.path, file.parts.join(''));
  }
  const sorted = new Map([...files].sort(([a], [b]) => compareCodePoints(a, b)));
  const diagnostics = [...sorted].flatMap(([file, text]) =>
    fits(text) ? [] : [tooLargeDiagnostic(file, byteLength(text), options)],
  );
  return { files: sorted, diagnostics };
}
