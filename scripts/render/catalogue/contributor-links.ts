import type { Link, PhrasingContent } from 'mdast';
import { link, text } from './mdast.ts';

/** A persona page names at most this many contributors; the rest are counted, with a link to its History. */
export const CONTRIBUTORS_SHOWN = 12;

/**
 * A contributor's GitHub profile, linked by login. A link, never an `@login` mention: a mention would notify
 * them every time the page changes. Logins are validated by the schema (letters, digits, single hyphens).
 */
export function profileLink(login: string): Link {
  return link(`https://github.com/${encodeURIComponent(login)}`, text(login));
}

/** "[a](…), [b](…) and [c](…)", or "[a](…), … and 3 more" linking to `moreHref` past `CONTRIBUTORS_SHOWN`. */
export function contributorLinks(logins: readonly string[], moreHref: string): PhrasingContent[] {
  const shown = logins.slice(0, CONTRIBUTORS_SHOWN).map((login) => profileLink(login));
  const hidden = logins.length - shown.length;
  const out: PhrasingContent[] = [];
  shown.forEach((node, index) => {
    if (index > 0) out.push(text(index === shown.length - 1 && hidden === 0 ? ' and ' : ', '));
    out.push(node);
  });
  if (hidden > 0) out.push(text(' and '), link(moreHref, text(`${hidden.toLocaleString('en-US')} more`)));
  return out;
}
