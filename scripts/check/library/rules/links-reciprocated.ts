import type { Finding } from '../../../core/facts.ts';
import { collectedBy, type LibraryEntry, type LibraryRule } from '../library-rule.ts';
import { type Links, linksOf } from './links-of.ts';

export const linksReciprocated: LibraryRule<Links> = {
  name: 'links-reciprocated',
  collect: linksOf,
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
      for (const link of collectedBy(linksReciprocated, entry) ?? []) {
        const targets = bySlug.get(link.persona);
        if (targets?.length !== 1 || link.persona === slug) continue;
        const target = targets[0] as LibraryEntry;
        if ((collectedBy(linksReciprocated, target) ?? []).some((back) => back.persona === slug)) continue;
        out.push({
          file: entry.file,
          at: ['composability', link.index, 'persona'],
          rule: 'link/not-reciprocated',
          severity: 'warning',
          message: `This persona links to \`${link.persona}\`, but \`${target.file}\` does not link back.`,
          hint: `Add a composability link to \`${slug}\` in \`${target.file}\`, or remove this one.`,
        });
      }
    }
    return out;
  },
};
