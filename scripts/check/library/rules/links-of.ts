/** A persona's composability links that have a text `persona`, with their index in the list. */
export type Links = Array<{ index: number; persona: string }>;

export function linksOf(data: Record<string, unknown>): Links {
  const list = data.composability;
  if (!Array.isArray(list)) return [];
  const out: Links = [];
  list.forEach((link, index) => {
    const persona = (link as { persona?: unknown } | null)?.persona;
    if (link && typeof link === 'object' && typeof persona === 'string') out.push({ index, persona });
  });
  return out;
}
