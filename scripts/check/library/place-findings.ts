import { type Diagnostic, diagnostic, type Place } from '../../core/diagnostic.ts';
import type { Finding } from '../../core/facts.ts';

/** The places of values in one file, by path: what a full reading of the file gives. */
export type ValuePlaces = (at: ReadonlyArray<string | number>) => Place;

/**
 * Findings as diagnostics, each at the place of its value. `placesIn` gives the places of one file's values;
 * it is asked once per file that has findings (the caller reads and parses only those).
 */
export function placeFindings(
  findings: readonly Finding[],
  placesIn: (file: string) => ValuePlaces,
): Diagnostic[] {
  const byFile = new Map<string, ValuePlaces>();
  return findings.map((f) => {
    let places = byFile.get(f.file);
    if (!places) {
      places = placesIn(f.file);
      byFile.set(f.file, places);
    }
    return diagnostic(f.file, places(f.at), f.rule, f.message, f.hint, f.severity);
  });
}
