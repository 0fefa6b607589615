/** Every text value under `value`, with its path (`['goals', 2]`), depth first in document order. */
export function* personaStrings(
  value: unknown,
  path: Array<string | number>,
): Generator<{ path: Array<string | number>; text: string }> {
  if (typeof value === 'string') yield { path, text: value };
  else if (Array.isArray(value))
    for (let i = 0; i < value.length; i++) yield* personaStrings(value[i], [...path, i]);
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) yield* personaStrings(v, [...path, k]);
}
