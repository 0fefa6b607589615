/** A persona's tags, as the tag rules collect them (strings only: the schema reports anything else). */
export function tagsOf(data: Record<string, unknown>): string[] {
  return Array.isArray(data.tags) ? data.tags.filter((tag): tag is string => typeof tag === 'string') : [];
}
