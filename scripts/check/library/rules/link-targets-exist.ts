import type { Finding } from '../../../core/facts.ts';
import { collectedBy, type LibraryRule } from '../library-rule.ts';
import { type Links, linksOf } from './links-of.ts';

export const linkTargetsExist: LibraryRule<Links> = {
  name: 'link-targets-exist',
  collect: linksOf,
  check(entries, help) {
    const slugs = new Set(entries.flatMap((e) => (e.identity.slug === undefined ? [] : [e.identity.slug])));
    const slugById = new Map(
      entries.flatMap((e) =>
        e.identity.id && e.identity.slug ? [[e.identity.id, e.identity.slug] as const] : [],
      ),
    );
    const out: Finding[] = [];
    for (const entry of entries) {
      for (const link of collectedBy(linkTargetsExist, entry) ?? []) {
        if (slugs.has(link.persona)) continue;
        const byId = slugById.get(link.persona);
        const match = byId ?? help.suggestSlug(link.persona);
        out.push({
          file: entry.file,
          at: ['composability', link.index, 'persona'],
          rule: 'link/unknown-persona',
          severity: 'error',
          message: `Composability link ${link.index + 1} points at \`${link.persona}\`, but no persona has that slug.`,
          hint: byId
            ? `Links use slugs, not ids: did you mean \`${byId}\`?`
            : match
              ? `Did you mean \`${match}\`?`
              : 'Use the slug of an existing persona (its file name without `.yaml`), or remove the link.',
        });
      }
    }
    return out;
  },
};
