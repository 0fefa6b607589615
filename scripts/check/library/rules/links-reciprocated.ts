import type { Finding } from '../../../core/facts.ts';
import type { PlannedFix } from '../../../core/yaml-change.ts';
import { collectedBy, type LibraryEntry, type LibraryRule } from '../library-rule.ts';

/** The relations a link may have (the persona schema's list): the link back takes the same one. */
const RELATIONS: ReadonlySet<string> = new Set(['pairs-with', 'contrast', 'use-with']);
/** The schema's caps: a link back must not push the target's list, or carry a note, past them. */
const MAX_LINKS = 24;
const MAX_NOTE = 300;
/** A slug as the schema has it: a link back naming anything else would be an error of its own. */
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A persona's links as this rule needs them: where each points, with what relation and note, and how many. */
export interface LinksWithNotes {
  links: Array<{ index: number; persona: string; relation: string | null; note: string | null }>;
  /** The length of `composability`, or null when it is not a list. */
  length: number | null;
}

export function linksWithNotes(data: Record<string, unknown>): LinksWithNotes {
  const list = data.composability;
  if (!Array.isArray(list)) return { links: [], length: null };
  const text = (value: unknown) => (typeof value === 'string' ? value : null);
  const links: LinksWithNotes['links'] = [];
  list.forEach((link, index) => {
    if (!link || typeof link !== 'object') return;
    const { persona, relation, note } = link as Record<string, unknown>;
    if (typeof persona === 'string')
      links.push({ index, persona, relation: text(relation), note: text(note) });
  });
  return { links, length: list.length };
}

/**
 * Fixable: the link back is added at the end of the target's `composability`, with the same relation (each is
 * symmetric) and the same note, for the target's authors to reword. Not when the link itself is not valid, or
 * the target's list is not a list or is full.
 */
export const linksReciprocated: LibraryRule<LinksWithNotes> = {
  name: 'links-reciprocated',
  meta: { rule: 'link/not-reciprocated', fixable: true },
  collect: linksWithNotes,
  check(entries) {
    const bySlug = new Map<string, LibraryEntry[]>();
    for (const entry of entries) {
      const slug = entry.identity.slug;
      if (slug !== undefined) bySlug.set(slug, [...(bySlug.get(slug) ?? []), entry]);
    }
    const out: Finding[] = [];
    for (const entry of entries) {
      const slug = entry.identity.slug;
      if (slug === undefined) continue;
      for (const link of collectedBy(linksReciprocated, entry)?.links ?? []) {
        const targets = bySlug.get(link.persona);
        if (targets?.length !== 1 || link.persona === slug) continue;
        const target = targets[0] as LibraryEntry;
        const back = collectedBy(linksReciprocated, target);
        if ((back?.links ?? []).some((other) => other.persona === slug)) continue;
        const fixable =
          SLUG.test(slug) &&
          back?.length !== null &&
          back?.length !== undefined &&
          back.length < MAX_LINKS &&
          link.relation !== null &&
          RELATIONS.has(link.relation) &&
          link.note !== null &&
          link.note.trim() !== '' &&
          link.note.length <= MAX_NOTE;
        const fix: PlannedFix | undefined = fixable
          ? {
              description: `Add a link to \`${slug}\` in \`${target.file}\` (${link.relation}, with this link's note).`,
              changes: [
                {
                  file: target.file,
                  change: {
                    kind: 'append-item',
                    at: ['composability'],
                    item: [
                      ['persona', slug],
                      ['relation', link.relation as string],
                      ['note', link.note as string],
                    ],
                  },
                },
              ],
            }
          : undefined;
        out.push({
          file: entry.file,
          at: ['composability', link.index, 'persona'],
          rule: 'link/not-reciprocated',
          severity: 'warning',
          message: `This persona links to \`${link.persona}\`, but \`${target.file}\` does not link back.`,
          hint: `Add a composability link to \`${slug}\` in \`${target.file}\`, or remove this one.`,
          ...(fix ? { fix } : {}),
        });
      }
    }
    return out;
  },
};
