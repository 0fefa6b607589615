import type { Finding } from '../../../core/facts.ts';
import type { PlannedFix } from '../../../core/yaml-change.ts';
import { collectedBy, type LibraryRule } from '../library-rule.ts';
import { type Links, linksOf } from './links-of.ts';

/**
 * Fixable: a link to a slug that does not exist is pointed at the one existing slug it unambiguously means (a
 * unique close match, or the slug of the persona whose id it names), unless that would link the persona to
 * itself or to a persona it already links.
 */
export const linkTargetsExist: LibraryRule<Links> = {
  name: 'link-targets-exist',
  meta: { rule: 'link/unknown-persona', fixable: true },
  collect: linksOf,
  check(entries, help) {
    const slugs = new Set(entries.flatMap((e) => (e.identity.slug === undefined ? [] : [e.identity.slug])));
    const slugById = new Map(
      entries.flatMap((e) =>
        e.identity.id && e.identity.slug ? [[e.identity.id, e.identity.slug] as const] : [],
      ),
    );
    const holders = new Map<string, number>();
    for (const e of entries)
      if (e.identity.id) holders.set(e.identity.id, (holders.get(e.identity.id) ?? 0) + 1);
    const out: Finding[] = [];
    for (const entry of entries) {
      const links = collectedBy(linkTargetsExist, entry) ?? [];
      for (const link of links) {
        if (slugs.has(link.persona)) continue;
        const byId = slugById.get(link.persona);
        const match = byId ?? help.suggestSlug(link.persona);
        const fixTo =
          byId !== undefined && holders.get(link.persona) === 1 ? byId : help.uniqueSlug(link.persona);
        const fixable =
          fixTo !== undefined &&
          /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(fixTo) &&
          fixTo !== entry.identity.slug &&
          !links.some((other) => other.persona === fixTo);
        const at = ['composability', link.index, 'persona'];
        const fix: PlannedFix | undefined = fixable
          ? {
              description: `Point link ${link.index + 1} at \`${fixTo}\`.`,
              changes: [{ file: entry.file, change: { kind: 'set-text', at, value: fixTo } }],
            }
          : undefined;
        out.push({
          file: entry.file,
          at,
          rule: 'link/unknown-persona',
          severity: 'error',
          message: `Composability link ${link.index + 1} points at \`${link.persona}\`, but no persona has that slug.`,
          hint: byId
            ? `Links use slugs, not ids: did you mean \`${byId}\`?`
            : match
              ? `Did you mean \`${match}\`?`
              : 'Use the slug of an existing persona (its file name without `.yaml`), or remove the link.',
          ...(fix ? { fix } : {}),
        });
      }
    }
    return out;
  },
};
