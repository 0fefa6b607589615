/**
 * How many cases a property or differential test tries. `npm test` tries the count each test names, sized to
 * keep the suite within its time budget; the slow project runs the same files with PERSONA_PROPERTY_SCALE=10
 * (vitest.config.ts), so CI tries ten times as many, with the same seeds.
 */
export function propertyRuns(count: number): number {
  const scale = Number(process.env.PERSONA_PROPERTY_SCALE ?? '1');
  return Number.isFinite(scale) && scale > 0 ? Math.max(1, Math.round(count * scale)) : count;
}
